// The processes one `npm test` run started, found by the PA_TEST_RUN=<id> each inherits, so that
// a server a failed test did not stop is found and stopped even after its parent is gone (it is
// then a child of init, out of reach of any process-group kill). Linux's /proc only: elsewhere
// this finds nothing and the tests' own clean-up is all there is.
import { readdirSync, readFileSync } from 'node:fs';

/** Live processes whose environment holds PA_TEST_RUN=runId, with their command lines. */
export function liveProcessesOf(runId) {
  let pids;
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return [];
  }
  const marker = `PA_TEST_RUN=${runId}`;
  const found = [];
  for (const pid of pids) {
    if (Number(pid) === process.pid) continue;
    try {
      if (!readFileSync(`/proc/${pid}/environ`, 'latin1').split('\0').includes(marker)) continue;
      const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ');
      // A zombie has an empty command line: it is already gone, only not yet reaped.
      if (command) found.push({ pid: Number(pid), command: command.length > 160 ? `${command.slice(0, 157)}...` : command });
    } catch {
      // Gone meanwhile, or not ours to read.
    }
  }
  return found;
}

export function stopProcesses(processes) {
  for (const { pid } of processes) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}
