// The note an error carries when a server kept refusing a call (429, 503...): how often, whether it
// asked to come back and when, and why the client stopped trying. Loaded by the transport only for a
// call that ends that way.

/** Says that the server kept refusing, when it asked to come back, and why the client stopped trying. */
export function refusalNote(status: number, refusals: number, attempts: number, retryAfter: string | null, retryAfterMs: number | undefined, stop: string): string {
  const kept = attempts > 1 ? `the server kept refusing (${status} to ${refusals} of ${attempts} attempts)` : `the server refused (${status})`;
  let asked = '';
  if (retryAfter !== null) {
    const delta = /^\s*\d+\s*$/.test(retryAfter);
    asked = delta ? ` and asked to come back in ${retryAfter.trim()} s` : ` and asked to come back at ${retryAfter.trim()}${retryAfterMs === undefined ? '' : ` (in ${(retryAfterMs / 1000).toFixed(1)} s)`}`;
  }
  return `${kept}${asked}; not tried again: ${stop}`;
}
