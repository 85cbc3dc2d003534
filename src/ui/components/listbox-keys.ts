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
