// The `pa` command line (@permission-assist/cli) for an API operation: rendered by the CLI's own
// renderPaCommand from the same model its commands are built from, so a sample never names a
// command or flag pa does not have. Dates are computed by `date` when the command runs, as in curl.
import { renderPaCommand } from '@permission-assist/cli';
import { DaysFromToday } from './request.mjs';

const MARK = /PADATE(\d+)(T?)X/g;

/** Each date as a placeholder word that renderPaCommand leaves unquoted, for the shell to fill in. */
function markDates(value) {
  if (value instanceof DaysFromToday) return `PADATE${value.days}${value.time ? 'T' : ''}X`;
  if (Array.isArray(value)) return value.map(markDates);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, markDates(v)]));
  return value;
}

const dateCommand = (days, time) => `$(date -u -d '+${days} days' +%F)${time ? 'T00:00:00Z' : ''}`;

export const pa = {
  lang: 'Shell',
  label: 'pa',
  /** pa's commands cover the API; the sandbox's controls are `pa sandbox ...`, not one per operation. */
  supports: (request) => request.path.startsWith('/api/'),
  /** @param {import('./request.mjs').SampleRequest} request */
  render(request, { parameters }) {
    const path = Object.fromEntries(parameters.filter((p) => p.in === 'path').map((p) => [p.name, p.example]));
    const query = Object.fromEntries(request.query);
    let body = request.json === undefined ? undefined : markDates(request.json);
    if (request.multipart) {
      body = {
        ...Object.fromEntries(request.multipart.fields),
        files: Object.fromEntries(request.multipart.files.map((file) => [file.part, `./${file.filename}`])),
      };
    }
    const command = renderPaCommand(request.operationId, { path, query, body })
      // A date that is a whole argument becomes "$(date ...)"; one inside quoted JSON leaves the quotes for it.
      .replace(/ PADATE(\d+)(T?)X(?= |$)/g, (_m, days, time) => ` "${dateCommand(days, time)}"`)
      .replace(MARK, (_m, days, time) => `'"${dateCommand(days, time)}"'`);
    return `# pa reads the server from $PA_BASE_URL and the token from $PA_TOKEN; exit code 0 on success.\n${command}\n`;
  },
};
