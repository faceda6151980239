// Where a target's paths start: the base URL users give may end in `/` or `/api`, while every
// operation path (and the sandbox's /sandbox) is written from the server's root.
export function serverRoot(baseUrl: string): string {
  return baseUrl.replace(/\/+$/, '').replace(/\/api$/, '');
}
