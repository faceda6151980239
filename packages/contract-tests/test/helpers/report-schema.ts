// The published JSON Schema of the JSON report, compiled once for the tests that check real reports.
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';

const schema = JSON.parse(readFileSync(new URL('../../schema/report.schema.json', import.meta.url), 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: true });
// module.exports of ajv-formats is the plugin itself, which also carries itself as `default`.
formats.default(ajv);
const validate = ajv.compile(schema);

/** The schema's complaints about a report (empty when it conforms). */
export function reportErrors(report: unknown): string[] {
  return validate(report) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}
