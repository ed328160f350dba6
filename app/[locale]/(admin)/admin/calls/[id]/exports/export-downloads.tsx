"use client";

import { useEffect, useRef, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { buttonClasses } from "@/app/_components/button-styles";

type Kind = "applications" | "reviews" | "awards";
type Format = "csv" | "xlsx";

/** The header the export route sends with the number of rows it is about to stream. */
const ROWS_HEADER = "X-Export-Rows";
/** The screen reader hears the progress at most this often (the bar and the text move with every chunk). */
const ANNOUNCE_EVERY_MS = 5000;

type State =
  | { phase: "idle" }
  | { phase: "running"; kind: Kind; format: Format; file: string; total: number | null; rows: number; bytes: number; startedAt: number; now: number }
  | { phase: "done"; file: string; bytes: number }
  | { phase: "cancelled"; kind: Kind }
  | { phase: "failed"; kind: Kind; status: number | null };

/** The readable name from `Content-Disposition` (`filename*` first, then `filename`). */
export function fileNameFrom(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      /* fall through */
    }
  }
  const plain = /filename="([^"]+)"/i.exec(disposition);
  return plain ? plain[1] : fallback;
}

/**
 * Counts CSV records in a byte stream chunk by chunk: a line feed outside quotes ends a record (RFC 4180:
 * a quoted field may hold line breaks, and a doubled quote toggles twice, so the state stays right).
 */
export function csvRecordCounter() {
  let quoted = false;
  let records = 0;
  return {
    add(chunk: Uint8Array): number {
      for (let i = 0; i < chunk.length; i++) {
        const b = chunk[i];
        if (b === 0x22) quoted = !quoted;
        else if (b === 0x0a && !quoted) records++;
      }
      return records;
    },
  };
}

function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.style.display = "none";
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

type Item = { kind: Kind; count: number };

/**
 * The exports of a call as download links. Without JavaScript they are plain links (the browser saves the
 * file). With it, a click downloads through fetch and the response's reader: a progress bar (CSV: rows
 * received out of the `X-Export-Rows` the server announced; XLSX, compressed, so rows cannot be counted
 * on the way: bytes received and time elapsed, with the row total), a cancel button (aborts the request:
 * the server closes its database cursor), then the Blob is saved under the server's file name. Progress is
 * announced politely to screen readers, at the start, every few seconds and at the end.
 */
export function ExportDownloads({ callId, items }: { callId: string; items: Item[] }) {
  const t = useTranslations("AdminExports");
  const locale = useLocale();
  const [state, setState] = useState<State>({ phase: "idle" });
  const [announcement, setAnnouncement] = useState("");
  const [busy, setBusy] = useState(false);
  const abort = useRef<AbortController | null>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const running = state.phase === "running";

  useEffect(() => () => abort.current?.abort(), []);

  const nf = new Intl.NumberFormat(`${locale}-KZ`);
  const size = (bytes: number) =>
    bytes < 1024 * 1024
      ? new Intl.NumberFormat(`${locale}-KZ`, { style: "unit", unit: "kilobyte", maximumFractionDigits: 0 }).format(Math.max(1, Math.round(bytes / 1024)))
      : new Intl.NumberFormat(`${locale}-KZ`, { style: "unit", unit: "megabyte", maximumFractionDigits: 1 }).format(bytes / (1024 * 1024));
  const kindName = (kind: Kind) => t(`kind.${kind}`);
  const href = (kind: Kind, format: Format) => `/api/calls/${callId}/export/${kind}.${format}?lang=${locale}`;

  const progressText = (s: Extract<State, { phase: "running" }>) =>
    s.format === "csv" && s.total !== null
      ? t("progressRows", { kind: kindName(s.kind), received: nf.format(Math.min(s.rows, s.total)), total: nf.format(s.total) })
      : t("progressBytes", { kind: kindName(s.kind), size: size(s.bytes), seconds: nf.format(Math.round((s.now - s.startedAt) / 1000)), total: s.total === null ? "—" : nf.format(s.total) });

  async function start(kind: Kind, format: Format) {
    if (abort.current) {
      setBusy(true);
      return;
    }
    setBusy(false);
    const controller = new AbortController();
    abort.current = controller;
    const fallback = `${kind}.${format}`;
    const startedAt = Date.now();
    setState({ phase: "running", kind, format, file: fallback, total: null, rows: 0, bytes: 0, startedAt, now: startedAt });
    setAnnouncement(t("starting", { file: kindName(kind) }));
    requestAnimationFrame(() => cancelRef.current?.focus());
    try {
      const res = await fetch(href(kind, format), { signal: controller.signal, credentials: "same-origin" });
      if (!res.ok || !res.body) {
        setState({ phase: "failed", kind, status: res.status });
        setAnnouncement(t("failed", { kind: kindName(kind), status: res.status }));
        return;
      }
      const totalHeader = res.headers.get(ROWS_HEADER);
      const total = totalHeader !== null && /^\d+$/.test(totalHeader) ? Number(totalHeader) : null;
      const file = fileNameFrom(res.headers.get("Content-Disposition"), fallback);
      const reader = res.body.getReader();
      const chunks: Uint8Array<ArrayBuffer>[] = [];
      const counter = csvRecordCounter();
      let bytes = 0;
      let rows = 0;
      let lastAnnounced = startedAt;
      let lastPainted = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value as Uint8Array<ArrayBuffer>);
        bytes += value.byteLength;
        // The header record is not a row.
        if (format === "csv") rows = Math.max(0, counter.add(value) - 1);
        const now = Date.now();
        if (now - lastPainted > 100) {
          lastPainted = now;
          const next = { phase: "running", kind, format, file, total, rows, bytes, startedAt, now } as const;
          setState(next);
          if (now - lastAnnounced >= ANNOUNCE_EVERY_MS) {
            lastAnnounced = now;
            setAnnouncement(progressText(next));
          }
        }
      }
      const blob = new Blob(chunks, { type: res.headers.get("Content-Type") ?? "application/octet-stream" });
      saveBlob(blob, file);
      setState({ phase: "done", file, bytes });
      setAnnouncement(t("saved", { file, size: size(bytes) }));
    } catch {
      if (controller.signal.aborted) {
        setState({ phase: "cancelled", kind });
        setAnnouncement(t("cancelled", { kind: kindName(kind) }));
      } else {
        setState({ phase: "failed", kind, status: null });
        setAnnouncement(t("networkFailed", { kind: kindName(kind) }));
      }
    } finally {
      abort.current = null;
    }
  }

  const message =
    state.phase === "running"
      ? progressText(state)
      : state.phase === "done"
        ? t("saved", { file: state.file, size: size(state.bytes) })
        : state.phase === "cancelled"
          ? t("cancelled", { kind: kindName(state.kind) })
          : state.phase === "failed"
            ? state.status === null
              ? t("networkFailed", { kind: kindName(state.kind) })
              : t("failed", { kind: kindName(state.kind), status: state.status })
            : null;

  return (
    <div className="space-y-6">
      <ul className="m-0 list-none space-y-4 p-0" data-testid="export-list">
        {items.map(({ kind, count }) => (
          <li key={kind} className="space-y-2 rounded-lg border border-slate-300 bg-white p-4" data-testid={`export-${kind}`}>
            <h2 className="text-lg font-semibold" id={`export-${kind}-title`}>
              {kindName(kind)}
            </h2>
            <p className="text-sm text-slate-700">{t(`kindDescription.${kind}`)}</p>
            <p className="text-sm font-medium" data-testid={`export-${kind}-count`} data-count={count}>
              {t("rowsNow", { count })}
            </p>
            <div role="group" aria-labelledby={`export-${kind}-title`} className="flex flex-wrap gap-3">
              {(["csv", "xlsx"] as const).map((format) => (
                <a
                  key={format}
                  href={href(kind, format)}
                  download
                  aria-disabled={running || undefined}
                  aria-label={t("downloadLabel", { kind: kindName(kind), format: format.toUpperCase() })}
                  className={buttonClasses(format === "csv" ? "primary" : "secondary", running ? "opacity-70" : "")}
                  data-testid={`download-${kind}-${format}`}
                  onClick={(e) => {
                    e.preventDefault();
                    void start(kind, format);
                  }}
                >
                  {t(format === "csv" ? "downloadCsv" : "downloadXlsx")}
                </a>
              ))}
            </div>
          </li>
        ))}
      </ul>

      <section aria-labelledby="progress-title" className="space-y-2 rounded-lg border border-slate-300 bg-white p-4" data-testid="export-progress" data-phase={state.phase}>
        <h2 id="progress-title" className="text-lg font-semibold">
          {t("progressTitle")}
        </h2>
        {state.phase === "running" ? (
          <>
            <progress
              className="h-3 w-full"
              aria-labelledby="progress-title"
              aria-describedby="progress-text"
              max={state.format === "csv" && state.total ? state.total : undefined}
              value={state.format === "csv" && state.total ? Math.min(state.rows, state.total) : undefined}
              data-testid="export-progress-bar"
            />
          </>
        ) : null}
        <p id="progress-text" className="text-sm break-words" data-testid="export-progress-text" data-rows={state.phase === "running" ? state.rows : undefined} data-total={state.phase === "running" && state.total !== null ? state.total : undefined}>
          {message ?? "—"}
        </p>
        {busy && running ? <p className="text-sm text-danger-700">{t("busy")}</p> : null}
        {running ? (
          <button ref={cancelRef} type="button" className={buttonClasses("danger")} onClick={() => abort.current?.abort()} data-testid="export-cancel">
            {t("cancel")}
          </button>
        ) : null}
        <p className="sr-only" aria-live="polite" aria-atomic="true" data-testid="export-announcement">
          {announcement}
        </p>
      </section>
    </div>
  );
}
