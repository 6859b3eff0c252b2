// Where a value sits in a JSON text, so a rule can replace that value alone and every other byte
// (large integers, escapes, spacing) stays as the sender wrote it.

export type JsonPath = ReadonlyArray<string | number>;

/** [start, end) of the value at `path` in `text` (valid JSON), or null if there is none. */
export function valueSpan(text: string, path: JsonPath): [number, number] | null {
  let start = skipSpace(text, 0);
  for (const step of path) {
    const found = typeof step === 'number' ? elementStart(text, start, step) : memberStart(text, start, step);
    if (found === -1) return null;
    start = found;
  }
  return [start, valueEnd(text, start)];
}

/** `text` with the values at the given paths replaced by `JSON.stringify(value)`. */
export function spliceValues(text: string, changes: ReadonlyArray<{ path: JsonPath; value: unknown }>): string {
  const spans = changes
    .map((change) => ({ span: valueSpan(text, change.path), json: JSON.stringify(change.value) }))
    .filter((c): c is { span: [number, number]; json: string } => c.span !== null)
    .sort((a, b) => b.span[0] - a.span[0]);
  let out = text;
  for (const { span, json } of spans) out = out.slice(0, span[0]) + json + out.slice(span[1]);
  return out;
}

/** `text` with the values at the given paths replaced by JSON texts (e.g. spans of the original). */
export function spliceJson(text: string, changes: ReadonlyArray<{ path: JsonPath; json: string }>): string {
  const spans = changes
    .map((change) => ({ span: valueSpan(text, change.path), json: change.json }))
    .filter((c): c is { span: [number, number]; json: string } => c.span !== null)
    .sort((a, b) => b.span[0] - a.span[0]);
  let out = text;
  for (const { span, json } of spans) out = out.slice(0, span[0]) + json + out.slice(span[1]);
  return out;
}

/** The original text of the value at `path`, or null. */
export function valueText(text: string, path: JsonPath): string | null {
  const span = valueSpan(text, path);
  return span === null ? null : text.slice(span[0], span[1]);
}

/** `text` without the member `name` of the object at `path` (its comma too); unchanged if absent. */
export function removeMember(text: string, path: JsonPath, name: string): string {
  const span = valueSpan(text, path);
  if (span === null || text[span[0]] !== '{') return text;
  let i = skipSpace(text, span[0] + 1);
  let previousEnd = -1; // where the member before the found one ended (its comma follows)
  while (text[i] === '"') {
    const keyStart = i;
    const keyEnd = stringEnd(text, i);
    const key = JSON.parse(text.slice(i, keyEnd)) as string;
    i = skipSpace(text, skipSpace(text, keyEnd) + 1);
    const end = valueEnd(text, i);
    const next = skipSpace(text, end);
    if (key === name) {
      if (text[next] === ',') return text.slice(0, keyStart) + text.slice(skipSpace(text, next + 1));
      return previousEnd === -1 ? text.slice(0, keyStart) + text.slice(next) : text.slice(0, previousEnd) + text.slice(next);
    }
    if (text[next] !== ',') return text;
    previousEnd = end;
    i = skipSpace(text, next + 1);
  }
  return text;
}

/** `text` with `items` (JSON texts) appended to the array at `path`. */
export function appendToArray(text: string, path: JsonPath, items: string[]): string {
  const span = valueSpan(text, path);
  if (span === null || text[span[0]] !== '[' || items.length === 0) return text;
  const close = span[1] - 1;
  const empty = skipSpace(text, span[0] + 1) === close;
  return text.slice(0, close) + (empty ? '' : ',') + items.join(',') + text.slice(close);
}

function skipSpace(text: string, i: number): number {
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) break;
    i++;
  }
  return i;
}

function stringEnd(text: string, i: number): number {
  for (i++; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5c) i++;
    else if (c === 0x22) return i + 1;
  }
  return text.length;
}

/** End (exclusive) of the value starting at `i`; iterative, so deep nesting cannot overflow. */
function valueEnd(text: string, i: number): number {
  const c = text[i];
  if (c === '"') return stringEnd(text, i);
  if (c !== '{' && c !== '[') {
    while (i < text.length && !',]} \n\r\t'.includes(text[i]!)) i++;
    return i;
  }
  let depth = 0;
  for (; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') i = stringEnd(text, i) - 1;
    else if (ch === '{' || ch === '[') depth++;
    else if (ch === '}' || ch === ']') {
      if (--depth === 0) return i + 1;
    }
  }
  return text.length;
}

function elementStart(text: string, arrayStart: number, index: number): number {
  if (text[arrayStart] !== '[') return -1;
  let i = skipSpace(text, arrayStart + 1);
  if (text[i] === ']') return -1;
  for (let n = 0; ; n++) {
    if (n === index) return i;
    i = skipSpace(text, valueEnd(text, i));
    if (text[i] !== ',') return -1;
    i = skipSpace(text, i + 1);
  }
}

/** The last member named `name` wins, as in JSON.parse. */
function memberStart(text: string, objectStart: number, name: string): number {
  if (text[objectStart] !== '{') return -1;
  let found = -1;
  let i = skipSpace(text, objectStart + 1);
  if (text[i] === '}') return -1;
  for (;;) {
    const keyEnd = stringEnd(text, i);
    const raw = text.slice(i + 1, keyEnd - 1);
    const key = raw.includes('\\') ? (JSON.parse(text.slice(i, keyEnd)) as string) : raw;
    i = skipSpace(text, keyEnd);
    i = skipSpace(text, i + 1); // ':'
    if (key === name) found = i;
    i = skipSpace(text, valueEnd(text, i));
    if (text[i] !== ',') return found;
    i = skipSpace(text, i + 1);
  }
}
