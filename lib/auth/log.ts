/**
 * Server log lines without personal data: e-mail addresses, IINs and phone numbers are masked in
 * any message that goes to the log.
 */
const EMAIL = /[^\s@"'<>()]+@[^\s@"'<>()]+\.[^\s@"'<>()]+/g;
const DIGITS_12 = /\b\d{12}\b/g;
const PHONE = /\+?7[\s-]?\(?\d{3}\)?[\s-]?\d{3}[\s-]?\d{2}[\s-]?\d{2}\b/g;

export function redact(text: string): string {
  return text.replace(EMAIL, "[email]").replace(DIGITS_12, "[iin]").replace(PHONE, "[phone]");
}

/** One line for an unexpected error: its name, a database error code, the redacted message. */
export function describeError(err: unknown): string {
  if (!(err instanceof Error)) return typeof err;
  const code = (err as { code?: unknown }).code;
  const codePart = typeof code === "string" ? ` [${code}]` : "";
  const message = redact(err.message).slice(0, 300);
  return `${err.name}${codePart}: ${message}`;
}

export function logServerError(scope: string, err: unknown): void {
  const cause = err instanceof Error && err.cause instanceof Error ? ` (cause: ${describeError(err.cause)})` : "";
  console.error(`[${scope}] ${describeError(err)}${cause}`);
}
