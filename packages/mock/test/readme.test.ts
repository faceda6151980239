// The mock README states what the sandbox does where the vendor is silent, its delays and limits:
// these tests keep it in step with the spec and the code, and run its in-process example.
import { execFile } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { listOperations, loadSpec, sandboxSpecPath } from '@permission-assist/spec-kit';
import { LIMITS } from '../src/http/body.js';
import { FAST, type Delay } from '../src/sandbox/lifecycle/timing.js';
import { budget } from './helpers/budget.js';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const readme = readFileSync(`${packageDir}README.md`, 'utf8');
/** The names of the choices a spec node marks with x-assumptions (an extension, so not in the OpenAPI types). */
const assumptionsOf = (node: object) => Object.keys((node as { 'x-assumptions'?: object })['x-assumptions'] ?? {});

describe('mock README', () => {
  it('names every choice the spec marks with x-assumptions', () => {
    const keys = new Set<string>();
    for (const { operation, parameters } of listOperations(loadSpec())) {
      for (const key of assumptionsOf(operation)) keys.add(key);
      for (const parameter of parameters) for (const key of assumptionsOf(parameter)) keys.add(key);
    }
    expect(keys.size).toBeGreaterThan(10);
    const missing = [...keys].filter((key) => !readme.includes(`\`${key}\``));
    expect(missing).toEqual([]);
  });

  it('lists the delays the sandbox uses for records created through the API', () => {
    const rows: Record<string, Delay> = {
      'personnel event approval': 'eventApproval',
      'personnel event verification': 'eventVerification',
      'access request approval': 'requestApproval',
      'access request provisioning': 'requestProvisioning',
      'access request verification': 'requestVerification',
      'import waiting in the queue': 'importQueue',
      'import build': 'importBuild',
      'import cancellation': 'importCancel',
    };
    expect(Object.values(rows).sort()).toEqual(Object.keys(FAST).sort());
    for (const [label, delay] of Object.entries(rows)) {
      const seconds = new RegExp(`^\\| ${label} \\| (\\d+) s \\|$`, 'm').exec(readme)?.[1];
      expect(Number(seconds), label).toBe(FAST[delay] / 1000);
    }
  });

  it('states the body limits and the upload queue the server enforces', () => {
    const words = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
    expect(readme).toContain(`JSON bodies up to ${LIMITS.jsonBodyBytes / 1024 / 1024} MB, uploads up to ${LIMITS.uploadBytes / 1024 / 1024} MB`);
    expect(readme.toLowerCase()).toContain(`${words[LIMITS.concurrentUploads]} uploads are read at a time and ${words[LIMITS.queuedUploads]} more may wait`);
  });

  it('names every webhook event the sandbox sends', () => {
    const names = (loadSpec(sandboxSpecPath).components?.schemas?.WebhookEventName as { enum: string[] }).enum;
    const bullet = /every matching event \(([^)]*)/.exec(readme)?.[1] ?? '';
    expect([...bullet.matchAll(/`(\w+)`/g)].map((m) => m[1])).toEqual(names);
  });

  it('its in-process example passes as an integrator would run it (vitest)', async () => {
    const code = /### In your own test suite\n\n```ts\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(code).toBeDefined();
    // The package's own name resolves to the built package, as in an integration's project.
    const file = `test/readme-example-${process.pid}.tmp.test.ts`;
    writeFileSync(`${packageDir}${file}`, code!);
    try {
      const result = await promisify(execFile)(`${packageDir}../../node_modules/.bin/vitest`, ['run', file, '--reporter=dot'], { cwd: packageDir, timeout: budget(60_000) }).catch(
        (error: { stdout: string; stderr: string }) => error,
      );
      const plain = result.stdout.replace(/\x1b\[[0-9;]*m/g, '');
      expect(plain, result.stderr).toMatch(/Tests\s+1 passed \(1\)/);
    } finally {
      rmSync(`${packageDir}${file}`, { force: true });
    }
  }, budget(90_000));
});
