// Each house rule in .spectral.yaml must fire on a small fixture that breaks it, at the right place.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, spectral, type SpectralResult } from './run-tool.js';

const fixtures = 'spec/test/fixtures/house-rules';
let results: SpectralResult[] = [];

beforeAll(async () => {
  // One Spectral run over every fixture keeps this suite to a single process start.
  results = await spectral([`${fixtures}/*.yaml`]);
});

function fired(fixture: string, rule: string) {
  return results
    .filter((r) => r.source.endsWith(`/${fixture}`) && r.code === rule)
    .map((r) => r.path.join('.'));
}

describe('house rules', () => {
  it('pa-list-operation-paginated: a list without `page` returning a bare array', () => {
    expect(fired('list-not-paginated.yaml', 'pa-list-operation-paginated')).toEqual([
      'paths./api/widgets.get',
      'paths./api/widgets.get.responses.200',
    ]);
  });

  it('pa-id-is-uuid: a reference id typed as a plain string (but not correlationId)', () => {
    expect(fired('id-not-uuid.yaml', 'pa-id-is-uuid')).toEqual(['components.schemas.Widget.properties.applicationId']);
  });

  it('pa-timestamp-shared: a ...Date field defined inline (request dates and shared refs pass)', () => {
    expect(fired('timestamp-not-shared.yaml', 'pa-timestamp-shared')).toEqual(['components.schemas.Widget.properties.createdDate']);
  });

  it('pa-assumptions-shape / pa-assumption-shape: markers that contract cases cannot refer to', () => {
    expect(fired('assumptions-malformed.yaml', 'pa-assumptions-shape')).toEqual(['paths./api/widgets/{id}.get.x-assumptions']);
    expect(fired('assumptions-malformed.yaml', 'pa-assumption-shape')).toEqual(['components.schemas.Widget.properties.name.x-assumption']);
  });

  it('pa-operation-summary: an operation without a summary', () => {
    expect(fired('operation-incomplete.yaml', 'pa-operation-summary')).toEqual(['paths./api/widgets/{id}.get']);
  });

  it('pa-operation-one-tag: an operation with two tags', () => {
    expect(fired('operation-incomplete.yaml', 'pa-operation-one-tag')).toEqual(['paths./api/widgets/{id}.get.tags']);
  });

  it('pa-operation-401: an operation that does not document 401', () => {
    expect(fired('operation-incomplete.yaml', 'pa-operation-401')).toEqual(['paths./api/widgets/{id}.get.responses']);
  });

  it('pa-request-examples: a request body without examples', () => {
    expect(fired('operation-incomplete.yaml', 'pa-request-examples')).toEqual([
      'paths./api/widgets/{id}.get.requestBody.content.application/json',
    ]);
  });

  it('pa-response-examples: a response body without examples', () => {
    expect(fired('operation-incomplete.yaml', 'pa-response-examples')).toEqual([
      'paths./api/widgets/{id}.get.responses.200.content.application/json',
    ]);
  });

  it('pa-error-response-shared: an error response defined inline', () => {
    expect(fired('error-response-not-shared.yaml', 'pa-error-response-shared')).toEqual([
      'paths./api/widgets/{id}.get.responses.404',
    ]);
  });

  it('pa-error-schema: a shared error response whose body is not the Error schema', () => {
    expect(fired('error-response-not-shared.yaml', 'pa-error-schema')).toEqual([
      'components.responses.Gone.content.application/json.schema',
    ]);
  });

  it('pa-waiters-shape: a waiter declaration with a key it does not define', () => {
    expect(fired('waiters-malformed.yaml', 'pa-waiters-shape')).toEqual(['paths./api/widgets/{id}.get.x-pa-waiters']);
  });

  it('pa-wait-until-shape: a wait target that is not a list of statuses', () => {
    expect(fired('waiters-malformed.yaml', 'pa-wait-until-shape')).toEqual(['paths./api/widgets/cancel.post.x-pa-wait-until']);
  });

  it('pa-waiters: states that are not values of the field, and values left unclassified', () => {
    const messages = (path: string) => results.filter((r) => r.source.endsWith('/waiters-malformed.yaml') && r.code === 'pa-waiters' && r.path.join('.').startsWith(path)).map((r) => r.message);
    expect(messages('paths./api/widgets/{id}').sort()).toEqual([
      '"Broken" is not a value of status (Pending, Running, Done, Failed).',
      '"Pending" is listed twice in retry.',
      'Every status value must be in success, failure or retry; missing: Running, Failed.',
    ]);
    expect(messages('paths./api/gadgets/{id}')).toEqual(['Every status value must be in success, failure or retry; missing: Running.']);
  });

  it('every house rule is explained in the README table', () => {
    const rules = Object.keys(parse(readFileSync(`${repoRoot}.spectral.yaml`, 'utf8')).rules).filter((name) => name.startsWith('pa-'));
    const readme = readFileSync(`${repoRoot}README.md`, 'utf8');
    expect(rules.length).toBeGreaterThan(5);
    expect(rules.filter((rule) => !readme.includes(`\`${rule}\``))).toEqual([]);
  });
});
