// JSON Pointer (RFC 6901), the one place its escaping is undone: `$ref`s, Ajv's instance paths.

/** One reference token unescaped: `~1` is `/`, `~0` is `~` (in that order, so `~01` stays `~1`). */
export function unescapeToken(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** `/a~1b/0` -> ['a/b', '0']; the empty pointer (the whole document) -> []. */
export function pointerTokens(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw new Error(`A JSON pointer starts with "/", got ${JSON.stringify(pointer)}`);
  return pointer.slice(1).split('/').map(unescapeToken);
}

/** The value a pointer designates inside `root`, or undefined when the path does not exist. */
export function valueAtPointer(root: unknown, pointer: string): unknown {
  let node = root;
  for (const key of pointerTokens(pointer)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}
