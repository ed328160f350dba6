"use client";

import { setNonce } from "get-nonce";

let cached: string | undefined;

/**
 * The nonce of the document's Content-Security-Policy, read from a script Next stamped with it.
 * Not a prop from the server: after a client-side navigation the server renders with a new
 * request's nonce, but the document keeps the policy (and nonce) it was loaded with.
 * Undefined on the server. For Radix parts that take a `nonce` prop (Select.Viewport).
 */
export function documentNonce(): string | undefined {
  if (typeof document === "undefined") return undefined;
  if (!cached) {
    const script = document.querySelector<HTMLScriptElement>("script[nonce]");
    cached = script?.nonce || script?.getAttribute("nonce") || undefined;
  }
  return cached;
}

/**
 * Radix (through react-style-singleton) injects <style> tags on the client; `get-nonce` gives them
 * the document's nonce so `style-src-elem 'nonce-…'` allows them. Rendered once in the root
 * layout, before any Radix component mounts.
 */
export function NonceSetter() {
  const nonce = documentNonce();
  if (nonce) setNonce(nonce);
  return null;
}
