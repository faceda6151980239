// The Host check answers the same for a header however often it comes (accepted ones are
// remembered; refused ones never are), and stays right past its memory's size.
import { describe, expect, it } from 'vitest';
import { createHostCheck } from '../src/http/hosts.js';

describe('host check', () => {
  it('accepts and refuses the same headers on every request', () => {
    const check = createHostCheck(['sandbox.test']);
    for (let round = 0; round < 3; round += 1) {
      expect(() => check('127.0.0.1:4010')).not.toThrow();
      expect(() => check('Sandbox.Test:8080')).not.toThrow();
      expect(() => check('evil.example')).toThrow(/does not answer to the host name "evil.example"/);
      expect(() => check('evil.example:4010')).toThrow(/does not answer/);
    }
  });

  it('past 64 accepted headers, still refuses what it refused and accepts what it accepted', () => {
    const check = createHostCheck([]);
    for (let port = 1000; port < 1200; port += 1) expect(() => check(`localhost:${port}`)).not.toThrow();
    expect(() => check('attacker.example:1000')).toThrow(/does not answer/);
    expect(() => check('localhost:1000')).not.toThrow();
  });
});
