/**
 * The WAI-ARIA listbox keys (https://www.w3.org/WAI/ARIA/apg/patterns/listbox/): where a key moves
 * the selection in a list of `length` items, from `from` (-1: nothing selected yet), `page` items
 * per Page Up/Down. Undefined for keys the listbox leaves alone.
 */
export function listboxTarget(key: string, from: number, length: number, page: number): number | undefined {
  if (length === 0) return undefined;
  const at = from < 0 ? -1 : from;
  const targets: Record<string, number> = {
    ArrowDown: at + 1,
    ArrowUp: at < 0 ? length - 1 : at - 1,
    PageDown: at + page,
    PageUp: at < 0 ? length - 1 : at - page,
    Home: 0,
    End: length - 1,
  };
  const target = targets[key];
  return target === undefined ? undefined : Math.max(0, Math.min(length - 1, target));
}

/**
 * Type-ahead: the first item after `from` (wrapping) whose name starts with `typed`, ignoring case;
 * while one key is repeated ("jjj") it cycles through the names starting with it.
 */
export function typeAheadMatch(names: readonly string[], typed: string, from: number): number | undefined {
  if (typed === '' || names.length === 0) return undefined;
  const q = typed.toLowerCase();
  const repeated = q.length > 1 && [...q].every((c) => c === q[0]);
  // A longer prefix may still match the current item; a first or repeated key moves on.
  const start = q.length === 1 || repeated ? from + 1 : Math.max(from, 0);
  for (let n = 0; n < names.length; n++) {
    const i = (start + n + names.length) % names.length;
    const name = (names[i] as string).toLowerCase();
    if (name.startsWith(q) || (repeated && name.startsWith(q[0] as string))) return i;
  }
  return undefined;
}
