/** Recognising IndexedDB failures through Dexie's error wrapping. */

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  inner?: unknown;
  failures?: unknown;
}

/**
 * True for a storage-quota failure however it surfaces:
 * - a `QuotaExceededError` DOMException, or Dexie's `Dexie.QuotaExceededError` mapping of it;
 * - Dexie's `AbortError` carrying it as `inner` — Chrome aborts the transaction instead of failing the
 *   request (https://github.com/dexie/Dexie.js/issues/776, /issues/840), and the message is all that
 *   names it in some versions;
 * - a `BulkError` whose per-item `failures` include it.
 */
export function isQuotaError(err: unknown, depth = 0): boolean {
  if (depth > 4 || typeof err !== 'object' || err === null) return false;
  const e = err as ErrorLike;
  if (e.name === 'QuotaExceededError') return true;
  if (typeof e.message === 'string' && e.message.includes('QuotaExceededError')) return true;
  if (Array.isArray(e.failures) && e.failures.some((f) => isQuotaError(f, depth + 1))) return true;
  return isQuotaError(e.inner, depth + 1);
}
