"use client";

/**
 * The one scoring form on the page registers how to save what is typed; the previous/next links call it
 * before they navigate, so moving through the queue never drops the last second of typing.
 */
let flush: (() => Promise<boolean>) | null = null;

export function registerFlush(fn: () => Promise<boolean>): () => void {
  flush = fn;
  return () => {
    if (flush === fn) flush = null;
  };
}

export async function flushReview(): Promise<boolean> {
  return flush ? flush() : true;
}
