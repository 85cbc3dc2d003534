/** A labelled search field; the caller owns the query. */
export function SearchBox(props: { value: string; onInput: (q: string) => void; label: string; placeholder?: string }) {
  return (
    <input
      class="ui-search"
      type="search"
      aria-label={props.label}
      placeholder={props.placeholder}
      value={props.value}
      data-testid="search"
      onInput={(e) => props.onInput((e.currentTarget as HTMLInputElement).value)}
    />
  );
}
