/**
 * URLs carry secrets: session IDs (`;jsessionid=…`), OAuth codes, reset and magic-link tokens,
 * API keys. Before a URL is stored, every query-parameter value, every `;name=value` path
 * parameter and the fragment are replaced by `{length:digest}` — the same keyed digest as cookie
 * values, so a URL parameter can still be matched to a session cookie without keeping either.
 * Works on the string (not `URL` re-serialisation) so the rest of the URL stays byte for byte.
 */

export interface DescribedValue {
  valueLength: number;
  valueDigest: string;
}

export type Describe = (value: string) => DescribedValue;

/** `{32:0123456789ab}`: what a redacted value looks like in a stored URL. */
const MARKER = /^\{(\d+):([0-9a-f]+)\}$/;

const marker = (d: DescribedValue): string => `{${d.valueLength}:${d.valueDigest}}`;

function decoded(raw: string): string {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return raw;
  }
}

/** `a=1&b=&c` with each value replaced; names kept. */
function redactPairs(part: string, sep: RegExp, describe: Describe): string {
  return part.replace(sep, (pair) => {
    const eq = pair.indexOf('=');
    if (eq < 0) return pair;
    const value = pair.slice(eq + 1);
    if (value === '' || MARKER.test(value)) return pair;
    return `${pair.slice(0, eq)}=${marker(describe(decoded(value)))}`;
  });
}

/** The URL with parameter values and the fragment replaced by their length and digest. */
export function redactUrl(url: string, describe: Describe): string {
  const hashAt = url.indexOf('#');
  const beforeHash = hashAt < 0 ? url : url.slice(0, hashAt);
  const fragment = hashAt < 0 ? undefined : url.slice(hashAt + 1);
  const queryAt = beforeHash.indexOf('?');
  const beforeQuery = queryAt < 0 ? beforeHash : beforeHash.slice(0, queryAt);
  const query = queryAt < 0 ? undefined : beforeHash.slice(queryAt + 1);
  // Path parameters only after the authority: `;` in `user;auth@host` is not one.
  const schemeEnd = beforeQuery.indexOf('://');
  const pathAt = schemeEnd < 0 ? 0 : beforeQuery.indexOf('/', schemeEnd + 3);
  let out = pathAt < 0 ? beforeQuery : beforeQuery.slice(0, pathAt) + redactPairs(beforeQuery.slice(pathAt), /;[^;/]*/g, describe);
  if (query !== undefined) out += `?${redactPairs(query, /[^&;]+/g, describe)}`;
  if (fragment !== undefined) out += fragment === '' || MARKER.test(fragment) ? `#${fragment}` : `#${marker(describe(decoded(fragment)))}`;
  return out;
}

export interface UrlParam {
  /** `query` (`?name=`), `path` (`;name=`). */
  where: 'query' | 'path';
  name: string;
  /** Present when the URL was stored with values (value recording on). */
  value?: string;
  /** Present when the value was redacted (or could be described by the caller). */
  valueLength?: number;
  valueDigest?: string;
}

function paramOf(where: UrlParam['where'], pair: string): UrlParam | undefined {
  const eq = pair.indexOf('=');
  if (eq <= 0) return undefined;
  const name = decoded(pair.slice(0, eq));
  const raw = pair.slice(eq + 1);
  const m = MARKER.exec(raw);
  if (m) return { where, name, valueLength: Number(m[1]), valueDigest: m[2] as string };
  return { where, name, value: decoded(raw) };
}

/** The parameters of a stored URL (redacted or not), for display by name and for matching digests. */
export function urlParams(url: string): UrlParam[] {
  const noHash = url.split('#', 1)[0] ?? '';
  const queryAt = noHash.indexOf('?');
  const path = queryAt < 0 ? noHash : noHash.slice(0, queryAt);
  const query = queryAt < 0 ? '' : noHash.slice(queryAt + 1);
  const out: UrlParam[] = [];
  const schemeEnd = path.indexOf('://');
  const pathAt = schemeEnd < 0 ? 0 : path.indexOf('/', schemeEnd + 3);
  if (pathAt >= 0) {
    for (const m of path.slice(pathAt).matchAll(/;([^;/]*)/g)) {
      const p = paramOf('path', m[1] ?? '');
      if (p) out.push(p);
    }
  }
  for (const pair of query.split(/[&;]/)) {
    const p = paramOf('query', pair);
    if (p) out.push(p);
  }
  return out;
}

/** A stored URL for people: each `{length:digest}` value shown as `…`, the parameter names kept. */
export function readableUrl(url: string): string {
  return url.replace(/\{\d+:[0-9a-f]+\}/g, '…');
}
