// Which Host names a server answers to. A page on any web site can point its own domain at
// 127.0.0.1 (DNS rebinding) and then call the sandbox as if it were the page's own origin: the
// browser sends that domain in Host. Answering only loopback names, IP addresses (a rebinding needs
// a name) and the names the user gave (--host, --allow-host) closes that door.
import { isIP } from 'node:net';
import { HttpError } from './errors.js';

/** The name in a Host header, lower case, without port or IPv6 brackets; undefined if malformed. */
export function hostName(header: string): string | undefined {
  const found = /^(?:\[([0-9a-f:.]+)\]|([^:[\]]+))(?::\d{1,5})?$/i.exec(header.trim());
  if (!found) return undefined;
  return (found[1] ?? found[2]!).toLowerCase().replace(/\.$/, '');
}

export function isLoopbackName(name: string): boolean {
  return name === 'localhost' || name.endsWith('.localhost');
}

/** Throws 403 for a Host the server does not answer to; `allowed` are extra names (case ignored). */
export function createHostCheck(allowed: readonly string[]) {
  const names = new Set(allowed.map((name) => hostName(name) ?? name.toLowerCase()));
  // A client sends the same Host on every request: the verdict on a header already accepted is
  // remembered (a few distinct ones, so no client can grow it).
  const accepted = new Set<string>();
  return (header: string | undefined): void => {
    // HTTP/1.0 without Host: no browser sends that, so it cannot be a rebinding page.
    if (header === undefined || accepted.has(header)) return;
    const name = hostName(header);
    if (name !== undefined && (isIP(name) !== 0 || isLoopbackName(name) || names.has(name))) {
      if (accepted.size >= 64) accepted.clear();
      accepted.add(header);
      return;
    }
    throw new HttpError(
      403,
      `This server does not answer to the host name ${JSON.stringify(header.slice(0, 100))}: it answers to localhost, IP addresses and the names given with --host or --allow-host (start it with --allow-host ${name ?? '<name>'} to accept this one)`,
    );
  };
}
