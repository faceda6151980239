// Code samples for every operation, generated from the spec: each language in samples/ renders
// the same language-neutral request (samples/request.mjs). A language is an object
// `{ lang, label, render(request, entry), supports?(request) }`; add one to `languages` (or pass
// `languages` to codeSamples) to show it on every operation it supports.
import { curl } from './samples/curl.mjs';
import { powershell } from './samples/powershell.mjs';
import { python } from './samples/python.mjs';
import { describeRequest } from './samples/request.mjs';
import { typescript } from './samples/typescript.mjs';

export { DEFAULT_HOST, describeRequest, TOKEN_VARIABLE } from './samples/request.mjs';

/** The tabs of every operation, in this order. */
export const languages = [curl, powershell, python, typescript];

/**
 * The `x-codeSamples` of one operation (an entry of listOperations). `host` goes into the URLs;
 * `languages` replaces the default list.
 */
export function codeSamples(spec, entry, { host, languages: list = languages } = {}) {
  const request = describeRequest(spec, entry, { host });
  return list
    .filter((language) => language.supports?.(request) ?? true)
    .map((language) => ({ lang: language.lang, label: language.label, source: language.render(request, entry) }));
}
