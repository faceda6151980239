// Turns a description into what the site renders: text the renderer shows as typed (its search
// excerpts and the Servers box) made clean, and request examples dated after the build day.
import { deref, listOperations } from '@permission-assist/spec-kit';
import { computedDates, writeDates } from './samples/request.mjs';

const BLOCK = /^\s*([-*+]\s|\d+[.)]\s|#|>|\||```|~~~)/;

/**
 * Joins the lines of each Markdown paragraph (and list item) into one. Rendered Markdown shows a
 * soft line break as a space anyway, but the renderer's search index drops it, so "no\nshared"
 * became "noshared" in the excerpts. Code blocks, tables, headings and blank lines stay as they are.
 */
export function unwrapParagraphs(markdown) {
  const out = [];
  let fenced = false;
  for (const line of markdown.split('\n')) {
    const fence = /^\s*(```|~~~)/.test(line);
    const previous = out.at(-1);
    const joinable = !fenced && !fence && line.trim() !== '' && !BLOCK.test(line) && previous !== undefined && previous.trim() !== '' && !/^\s*(#|\||```|~~~)/.test(previous);
    if (joinable) out[out.length - 1] = `${previous.replace(/\s+$/, '')} ${line.trim()}`;
    else out.push(line);
    if (fence) fenced = !fenced;
  }
  return out.join('\n');
}

/** Markdown to the plain text of one line: for fields the renderer shows as typed (the Servers box). */
export function plainText(markdown) {
  return unwrapParagraphs(markdown)
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\*\*([^*]+)\*\*|__([^_]+)__/g, '$1$2')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/\s*\n\s*/g, ' ')
    .trim();
}

function eachDescription(node, visit) {
  if (Array.isArray(node)) node.forEach((item) => eachDescription(item, visit));
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'description' && typeof value === 'string') node[key] = visit(value);
      else if (key !== 'example' && key !== 'examples') eachDescription(value, visit);
    }
  }
}

/** Changes `document` (a copy made for the site) in place; returns it. */
export function prepareForSite(document, { today = new Date() } = {}) {
  eachDescription(document, unwrapParagraphs);
  for (const server of document.servers ?? []) {
    if (server.description) server.description = plainText(server.description);
    for (const variable of Object.values(server.variables ?? {})) if (variable.description) variable.description = plainText(variable.description);
  }
  // Example bodies of requests carry fixed dates that the API refuses once past ("today or later").
  // Only requests a reader sends: a webhook's payload is what the server sent, dates and all.
  for (const { operation } of listOperations(document).filter((entry) => entry.section === 'paths')) {
    const content = deref(document, operation.requestBody)?.content ?? {};
    for (const media of Object.values(content)) {
      for (const [name, example] of Object.entries(media.examples ?? {})) {
        const resolved = deref(document, example);
        media.examples[name] = { ...resolved, value: writeDates(computedDates(resolved.value), today) };
      }
    }
  }
  return document;
}
