"use client";

import { useRef, useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { deleteAttachmentAction } from "./actions";

export type AttachmentItem = { id: string; fileName: string; sizeBytes: number };

const MAX_FILES = 5;
const MAX_BYTES = 10 * 1024 * 1024;
const ACCEPT = ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png";
const UPLOAD_ERRORS = ["unauthenticated", "forbidden", "bad_request", "empty", "too_large", "type_not_allowed", "too_many", "not_found", "not_draft", "deadline_passed", "storage_full", "unavailable", "network"] as const;
type UploadError = (typeof UPLOAD_ERRORS)[number];

function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/**
 * Supporting files (quotes, certificates; never an ID document): PDF, JPEG or PNG up to 10 MB, at most
 * five. Sent with XMLHttpRequest to the streaming route so the progress shows; the server decides the
 * type by the file's first bytes.
 */
export function AttachmentsStep({
  applicationId,
  files,
  setFiles,
  readOnly,
}: {
  applicationId: string;
  files: AttachmentItem[];
  setFiles: (update: (f: AttachmentItem[]) => AttachmentItem[]) => void;
  readOnly: boolean;
}) {
  const t = useTranslations("Wizard");
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<UploadError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [deleting, startDelete] = useTransition();
  const input = useRef<HTMLInputElement>(null);

  const upload = (file: File) => {
    setError(null);
    setNotice(null);
    if (files.length >= MAX_FILES) return setError("too_many");
    if (file.size > MAX_BYTES) return setError("too_large");
    if (file.size === 0) return setError("empty");
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/files?applicationId=${encodeURIComponent(applicationId)}`);
    xhr.setRequestHeader("X-File-Name", encodeURIComponent(file.name));
    xhr.setRequestHeader("Content-Type", "application/octet-stream");
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) setProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onerror = () => {
      setProgress(null);
      setError("network");
    };
    xhr.onload = () => {
      setProgress(null);
      let body: { ok?: boolean; code?: string; attachment?: AttachmentItem } | null = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      if (xhr.status === 201 && body?.ok && body.attachment) {
        const a = body.attachment;
        setFiles((f) => [...f, { id: a.id, fileName: a.fileName, sizeBytes: a.sizeBytes }]);
        setNotice(t("uploaded", { name: a.fileName }));
        if (input.current) input.current.value = "";
        return;
      }
      const code = (UPLOAD_ERRORS as readonly string[]).includes(body?.code ?? "") ? (body!.code as UploadError) : xhr.status === 413 ? "too_large" : "network";
      setError(code);
      if (input.current) input.current.value = "";
    };
    setProgress(0);
    xhr.send(file);
  };

  const remove = (id: string) => {
    setError(null);
    startDelete(async () => {
      const r = await deleteAttachmentAction({ attachmentId: id });
      if (r.ok) {
        setFiles((f) => f.filter((x) => x.id !== id));
        setNotice(t("deleted"));
      } else setNotice(r.message);
    });
  };

  return (
    <div className="space-y-4" data-testid="attachments-step">
      <p className="text-slate-700">{t("attachmentsIntro")}</p>
      <p className="text-sm text-slate-600">{t("attachmentsRules")}</p>
      {!readOnly ? (
        <div className="flex flex-col gap-1">
          <label htmlFor="attachment-file" className="font-medium">
            {t("attachmentChoose")}
          </label>
          <input
            ref={input}
            id="attachment-file"
            type="file"
            accept={ACCEPT}
            disabled={progress !== null || files.length >= MAX_FILES}
            aria-describedby={error ? "attachment-error" : undefined}
            className="block w-full text-base file:mr-3 file:min-h-11 file:rounded-md file:border file:border-brand-700 file:bg-white file:px-4 file:font-semibold file:text-brand-800"
            onChange={(e) => {
              const f = e.target.files?.[0];
              if (f) upload(f);
            }}
            data-testid="attachment-input"
          />
        </div>
      ) : null}
      {!readOnly && files.length >= MAX_FILES ? (
        <p className="rounded-md border-l-4 border-sun-400 bg-white p-3" data-testid="attachments-full">
          {t("uploadErrors.too_many")}
        </p>
      ) : null}
      {progress !== null ? (
        <div className="space-y-1" data-testid="upload-progress">
          <label htmlFor="upload-progress-bar" className="text-sm">
            {t("uploading", { percent: progress })}
          </label>
          <progress id="upload-progress-bar" max={100} value={progress} className="h-3 w-full" />
        </div>
      ) : null}
      <div aria-live="assertive">
        {error ? (
          <p id="attachment-error" role="alert" className="rounded-md border-2 border-danger-600 bg-danger-50 p-3 font-medium text-danger-700" data-testid="upload-error" data-code={error}>
            {t(`uploadErrors.${error}`)}
          </p>
        ) : null}
      </div>
      <div aria-live="polite">{notice ? <p className="font-medium text-success-700" data-testid="attachment-notice">{notice}</p> : null}</div>
      {files.length > 0 ? (
        <ul className="m-0 list-none space-y-2 p-0" data-testid="attachment-list">
          {files.map((f) => (
            <li key={f.id} className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-slate-300 bg-white p-3" data-testid="attachment">
              <a href={`/api/files/${f.id}`} className="break-all font-medium text-brand-700 underline" data-testid="attachment-download">
                {f.fileName}
              </a>
              <span className="text-sm text-slate-600">{sizeText(f.sizeBytes)}</span>
              {!readOnly ? (
                <button
                  type="button"
                  disabled={deleting}
                  className="min-h-11 px-2 text-danger-700 underline"
                  onClick={() => remove(f.id)}
                  aria-label={t("deleteFile", { name: f.fileName })}
                  data-testid="attachment-delete"
                >
                  {t("delete")}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-slate-600" data-testid="attachments-empty">
          {t("attachmentsNone")}
        </p>
      )}
      <p className="text-sm text-slate-600">{t("attachmentsCount", { count: files.length, max: MAX_FILES })}</p>
    </div>
  );
}
