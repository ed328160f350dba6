/**
 * Where focus goes in an open menu for a key (WAI-ARIA menu pattern): ↓ and ↑ move and wrap around,
 * Home and End go to the first and the last item. Null for any other key (the browser's default).
 * `current` is −1 when focus is on none of the items.
 */
export function nextMenuIndex(key: string, current: number, length: number): number | null {
  if (length === 0) return null;
  switch (key) {
    case "ArrowDown":
      return current < 0 ? 0 : (current + 1) % length;
    case "ArrowUp":
      return current < 0 ? length - 1 : (current - 1 + length) % length;
    case "Home":
      return 0;
    case "End":
      return length - 1;
    default:
      return null;
  }
}
