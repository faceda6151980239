// --wait, --until and `pa imports wait` on the sandbox clock: the sandbox is frozen, so a record
// moves only when the test advances the clock, after pa has been seen polling. pa runs as a real
// process here (bin/pa.js), so Ctrl-C is a real SIGINT.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '@permission-assist/mock';
import { EXIT } from '../src/exit-codes.js';
import { json, outputs, pa, spawnPa, TOKEN } from './helpers.js';

let sandbox: RunningSandbox;
let env: Record<string, string>;
type Connector = { application: { id: string; isArchived: boolean }; importSchedule: { filesPresent: boolean } | null };
let connectors: Connector[];

beforeAll(async () => {
  sandbox = await startSandbox({ size: 'small', frozen: true });
  env = { PA_BASE_URL: sandbox.url };
  connectors = json<{ items: Connector[] }>(await pa(['sandbox', 'connectors'], { env })).items;
});
afterAll(async () => {
  await sandbox?.close();
});

const good = () => connectors.find((c) => c.importSchedule?.filesPresent && !c.application.isArchived)!.application.id;
const missingFiles = () => connectors.find((c) => c.importSchedule && !c.importSchedule.filesPresent && !c.application.isArchived)!.application.id;
const stage = async (applicationId: string) => json<{ id: string; status: string }>(await pa(['imports', 'stage', '--application-id', applicationId], { env })).id;
// --verbose prints each poll's answer on stderr, which tells the test pa is waiting.
const POLLING = /^< 200 GET \/?.*\/api\/application-imports\/[0-9a-f-]+ /m;

describe('waiting on the sandbox clock', () => {
  it('pa imports wait: exit 0 with the finished import once the clock moves', async () => {
    const id = await stage(good());
    const waiting = spawnPa(['imports', 'wait', id, '--poll-interval', '50ms', '--verbose'], env);
    try {
      await waiting.stderrMatching(POLLING);
      expect(json(await pa(['imports', 'get', id], { env })).status).toBe('Pending');
      sandbox.clock.advance({ minutes: 1 });
      const result = await waiting.result;
      expect(result.code).toBe(EXIT.ok);
      expect(json(result)).toMatchObject({ id, status: 'Finished' });
    } finally {
      waiting.child.kill();
    }
  });

  it('stage --wait: exit 9 when the import ends Failed, with the statuses seen', async () => {
    const waiting = spawnPa(['imports', 'stage', '--application-id', missingFiles(), '--wait', '--poll-interval', '50ms', '--verbose', '--output', 'json'], env);
    try {
      await waiting.stderrMatching(POLLING);
      sandbox.clock.advance({ minutes: 1 });
      const result = await waiting.result;
      expect(result.code).toBe(EXIT.waitFailure);
      expect(result.stderr).toMatch(/^pa: [0-9a-f-]+ ended Failed instead of Finished \(seen: Pending -> .*Failed\)$/m);
      const error = JSON.parse(result.stderr.trimEnd().split('\n').at(-1)!).error;
      expect(error).toMatchObject({ exitCode: 9, status: 'Failed', lastRecord: { status: 'Failed' } });
      expect(error.statusesSeen[0]).toBe('Pending');
    } finally {
      waiting.child.kill();
    }
  });

  it('--wait --timeout: exit 8 when the clock does not move, with the last record', async () => {
    const result = await pa(['imports', 'stage', '--application-id', good(), '--wait', '--timeout', '400ms', '--poll-interval', '50ms', '--output', 'json'], { env });
    expect(result.code).toBe(EXIT.waitTimeout);
    expect(result.stderr).toMatch(/^pa: waited \d+ ms for [0-9a-f-]+ to reach Finished; still Pending after \d+ polls \(seen: Pending\)$/m);
    expect(JSON.parse(result.stderr.trimEnd().split('\n').at(-1)!).error).toMatchObject({ exitCode: 8, statusesSeen: ['Pending'], lastRecord: { status: 'Pending' } });
  });

  it('a bad --timeout or --query stops a write before it is sent', async () => {
    const before = Number((await pa(['imports', 'list', '-q', 'totalCount'], { env })).stdout);
    const badTimeout = await pa(['imports', 'stage', '--application-id', good(), '--wait', '--timeout', 'a while'], { env });
    expect(badTimeout.code).toBe(EXIT.usage);
    expect(badTimeout.stderr).toContain('--timeout: "a while" is not a duration');
    expect((await pa(['imports', 'stage', '--application-id', good(), '-q', 'status[', ], { env })).code).toBe(EXIT.usage);
    expect(Number((await pa(['imports', 'list', '-q', 'totalCount'], { env })).stdout)).toBe(before);
  });

  it('a progress line (status, elapsed time) on stderr only when stderr is a terminal', async () => {
    const id = await stage(good());
    const args = ['imports', 'wait', id, '--timeout', '300ms', '--poll-interval', '50ms'];
    const onTerminal = await pa(args, { env, tty: true });
    expect(onTerminal.code).toBe(EXIT.waitTimeout);
    expect(onTerminal.stderr).toMatch(new RegExp(`\\r\\x1b\\[2K${id}: Pending after \\d+s`));
    const piped = await pa(args, { env });
    expect(piped.code).toBe(EXIT.waitTimeout);
    expect(piped.stderr).not.toContain('\r');
    expect(piped.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('--until names the status to stop at', async () => {
    // Imports are built one at a time: let the ones queued by earlier tests finish first.
    sandbox.clock.advance({ minutes: 5 });
    const waiting = spawnPa(['imports', 'stage', '--application-id', good(), '--wait', '--until', 'Running', '--poll-interval', '50ms', '--verbose'], env);
    try {
      await waiting.stderrMatching(POLLING);
      // Past the queue delay but not the build: the import is Running.
      sandbox.clock.advance({ seconds: 2 });
      const result = await waiting.result;
      expect(result.code).toBe(EXIT.ok);
      expect(json(result).status).toBe('Running');
    } finally {
      waiting.child.kill();
    }
    expect((await pa(['imports', 'stage', '--application-id', good(), '--until', 'Running'], { env })).code).toBe(EXIT.usage);
    expect((await pa(['imports', 'wait', 'x', '--until', 'Done'], { env })).stderr).toContain('must be one of Finished, Failed, Canceled, Pending, Running, Canceling');
  });

  it('cancel --wait waits for Canceled (x-pa-wait-until), exit 0', async () => {
    sandbox.clock.advance({ minutes: 5 });
    const id = await stage(good());
    const waiting = spawnPa(['imports', 'cancel', id, '--wait', '--poll-interval', '50ms', '--verbose'], env);
    try {
      await waiting.stderrMatching(POLLING);
      sandbox.clock.advance({ seconds: 5 });
      const result = await waiting.result;
      expect(result.code).toBe(EXIT.ok);
      expect(json(result)).toMatchObject({ id, status: 'Canceled' });
    } finally {
      waiting.child.kill();
    }
    expect((await pa(['imports', 'cancel', '--help'])).stdout).toContain('wait until the application import is Canceled');
  });

  it('personnel events wait too: onboard --wait --until Open', async () => {
    const hire = JSON.stringify({ identity: { firstName: 'Alan', lastName: 'Turing' }, effectiveDate: sandbox.clock.now().toISOString().slice(0, 10) });
    const waiting = spawnPa(['personnel-events', 'onboard', '--data', hire, '--wait', '--until', 'Open', '--poll-interval', '50ms', '--verbose'], env);
    try {
      await waiting.stderrMatching(/^< 200 GET .*\/api\/personnel-events\/[0-9a-f-]+ /m);
      // Past the approval delay (30 s), before provisioning is done.
      sandbox.clock.advance({ seconds: 35 });
      const result = await waiting.result;
      expect(result.code).toBe(EXIT.ok);
      expect(json(result)).toMatchObject({ type: 'Onboard', status: 'Open' });
    } finally {
      waiting.child.kill();
    }
  });

  it('Ctrl-C stops a wait with exit 130', async () => {
    const id = await stage(good());
    const waiting = spawnPa(['imports', 'wait', id, '--poll-interval', '50ms', '--verbose'], env);
    try {
      await waiting.stderrMatching(POLLING);
      waiting.child.kill('SIGINT');
      const result = await waiting.result;
      expect(result.code).toBe(EXIT.interrupted);
      expect(result.stderr).toMatch(/^pa: .*aborted by the caller$/m);
    } finally {
      waiting.child.kill();
    }
  });

  it('the token is in no output of this file', () => {
    expect(outputs.length).toBeGreaterThan(10);
    expect(outputs.filter((text) => text.includes(TOKEN))).toEqual([]);
  });
});
