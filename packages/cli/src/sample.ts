// The `pa` command line of an operation, for the docs site's code samples: the same model the
// commands are built from, so a sample always names a command and flags that exist.
import { resources } from './generated/model.js';
import type { ResourceModel } from './model-types.js';

export interface SampleParameters {
  /** Path parameters by name (`{ id: '3f2a...' }`). */
  path?: Record<string, unknown>;
  /** Query parameters by name. */
  query?: Record<string, unknown>;
  /** A JSON request body; for an upload, `{ applicationId, files: { FILE_GROUP_ID: './file.csv' } }`. */
  body?: unknown;
}

/** Quotes a word for a POSIX shell when it needs it. */
function shellWord(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replaceAll("'", `'\\''`)}'`;
}

/**
 * `renderPaCommand('getIdentity', { path: { id } })` -> `pa identities get 3f2a...`. Scalar body
 * fields become flags; a body with nested objects goes in `--data '{...}'`. Throws for an unknown
 * operationId. `model` is for pa's own help, which renders from the model it was built with.
 */
export function renderPaCommand(operationId: string, parameters: SampleParameters = {}, model: ResourceModel[] = resources): string {
  for (const resource of model) {
    const action = resource.actions.find((a) => a.operationId === operationId);
    if (!action) continue;
    const words = ['pa', resource.name, action.name];
    if (action.pathParam) words.push(shellWord(parameters.path?.[action.pathParam.name] ?? 'ID'));
    for (const flag of action.query) {
      const value = parameters.query?.[flag.key] ?? (action.body === 'multipart' && flag.key === 'applicationId' ? (parameters.body as Record<string, unknown> | undefined)?.applicationId : undefined);
      if (value !== undefined && value !== null) words.push(`--${flag.name}`, shellWord(value));
    }
    if (action.body === 'multipart') {
      const files = ((parameters.body as { files?: Record<string, unknown> } | undefined)?.files ?? {}) as Record<string, unknown>;
      for (const [group, file] of Object.entries(files)) words.push('--file', shellWord(`${group}=${typeof file === 'string' ? file : './file.csv'}`));
    } else if (action.body === 'json' && parameters.body && typeof parameters.body === 'object') {
      const rest: Record<string, unknown> = { ...(parameters.body as Record<string, unknown>) };
      if (action.idField && typeof rest[action.idField] === 'string') {
        words.push(shellWord(rest[action.idField]));
        delete rest[action.idField];
      }
      for (const flag of action.bodyFields) {
        const value = rest[flag.key];
        if (value === undefined || (typeof value === 'object' && value !== null)) continue;
        words.push(`--${flag.name}`, shellWord(value));
        delete rest[flag.key];
      }
      if (Object.keys(rest).length) words.push('--data', shellWord(JSON.stringify(rest)));
    }
    return words.join(' ');
  }
  throw new Error(`renderPaCommand: no operation ${operationId} in the spec pa was built from`);
}
