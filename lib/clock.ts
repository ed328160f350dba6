/**
 * The one source of "now". Deadlines, tokens and throttling read it, so tests and benchmarks can
 * move time. In a server process CLOCK_OFFSET_MS is not used: only tests call setClock().
 */
type Clock = () => Date;

const systemClock: Clock = () => new Date();
let current: Clock = systemClock;

export function now(): Date {
  return current();
}

/** Fix time at an instant, or follow a function. Returns a function that restores the system clock. */
export function setClock(at: Date | Clock): () => void {
  current = typeof at === "function" ? at : () => new Date(at.getTime());
  return resetClock;
}

export function resetClock(): void {
  current = systemClock;
}
