"use client";

import "@/app/_components/zod-client";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { useForm, useWatch } from "react-hook-form";
import { useTranslations } from "next-intl";
import { Dialog, DialogClose } from "@/app/_components/Dialog";
import { ErrorSummary, type SummaryError } from "@/app/_components/ErrorSummary";
import { useToast } from "@/app/_components/Toast";
import { buttonClasses } from "@/app/_components/button-styles";
import type { ActionResult } from "@/lib/auth/action";
import { weightedTotal } from "@/lib/domain/scoring";
import { CRITERION_COMMENT_MAX, OVERALL_COMMENT_MAX, reviewIssues, type ReviewInput } from "@/lib/validation/review";
import { saveReviewDraftAction, submitReviewAction, type SavedReview } from "./actions";
import { registerFlush } from "./review-session";

export type FormCriterion = { id: string; name: string; description: string; scaleMin: number; scaleMax: number; weight: number };

type Values = { scores: Record<string, string>; comments: Record<string, string>; comment: string };

type SaveState =
  | { kind: "idle" }
  | { kind: "saving" }
  | { kind: "saved"; at: string }
  | { kind: "failed"; message: string }
  | { kind: "stale" };

const AUTOSAVE_MS = 1000;

const scoreInputId = (criterionId: string, score: number) => `score-${criterionId}-${score}`;
const commentId = (criterionId: string) => `comment-${criterionId}`;

function toInput(assignmentId: string, version: number, v: Values): ReviewInput {
  const scores: Record<string, number | null> = {};
  for (const [id, s] of Object.entries(v.scores)) scores[id] = s === "" || s === undefined || s === null ? null : Number(s);
  const comments: Record<string, string> = {};
  for (const [id, c] of Object.entries(v.comments)) if (c) comments[id] = c;
  return { assignmentId, version, comment: v.comment, scores, comments };
}

/**
 * The scoring form of one assigned application: a score (radio group on the criterion's scale: Tab between
 * criteria, arrow keys to choose) and an optional comment per criterion, an overall comment, autosaved a
 * second after the last change (saves run one after another, each with the version the previous one
 * returned), and a confirmed submit. The server checks everything again (lib/dal/reviews.ts).
 */
export function ScoringForm({
  assignmentId,
  reference,
  criteria,
  scoreOutOf,
  initial,
}: {
  assignmentId: string;
  reference: string;
  criteria: FormCriterion[];
  scoreOutOf: number;
  initial: { version: number; comment: string; scores: Record<string, number>; comments: Record<string, string>; savedAt: string | null };
}) {
  const t = useTranslations("Scoring");
  const tv = useTranslations("Validation");
  const tu = useTranslations("Ui");
  const router = useRouter();
  const toast = useToast();
  const { register, control, getValues, handleSubmit, setError, clearErrors, formState } = useForm<Values>({
    defaultValues: {
      scores: Object.fromEntries(criteria.map((c) => [c.id, initial.scores[c.id] === undefined ? "" : String(initial.scores[c.id])])),
      comments: Object.fromEntries(criteria.map((c) => [c.id, initial.comments[c.id] ?? ""])),
      comment: initial.comment,
    },
  });
  const values = useWatch({ control }) as Values;

  const version = useRef(initial.version);
  const chain = useRef<Promise<unknown>>(Promise.resolve());
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const dirty = useRef(false);
  const [save, setSave] = useState<SaveState>(initial.savedAt ? { kind: "saved", at: initial.savedAt } : { kind: "idle" });
  const [serverErrors, setServerErrors] = useState<SummaryError[]>([]);
  /**
   * The summary is a snapshot taken when the person tries to submit: it does not shrink while they fix
   * fields (the inline messages do), so it never takes the focus back in the middle of their typing.
   */
  const [summary, setSummary] = useState<SummaryError[]>([]);
  const [confirming, setConfirming] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);

  /** Run one call after the ones already queued, with the latest version. */
  const enqueue = useCallback(<T,>(fn: () => Promise<T>): Promise<T> => {
    const next = chain.current.then(fn, fn);
    chain.current = next.catch(() => undefined);
    return next;
  }, []);

  const saveNow = useCallback((): Promise<boolean> => {
    if (timer.current) {
      clearTimeout(timer.current);
      timer.current = null;
    }
    if (!dirty.current) return chain.current.then(() => true);
    dirty.current = false;
    return enqueue(async () => {
      setSave({ kind: "saving" });
      let r: ActionResult<SavedReview>;
      try {
        r = await saveReviewDraftAction(toInput(assignmentId, version.current, getValues()));
      } catch {
        dirty.current = true;
        setSave({ kind: "failed", message: tv("invalid") });
        return false;
      }
      if (r.ok && r.data) {
        version.current = r.data.version;
        setSave({ kind: "saved", at: r.data.savedAt });
        return true;
      }
      if (!r.ok && r.code === "conflict") {
        setSave({ kind: "stale" });
        return false;
      }
      dirty.current = true;
      setSave({ kind: "failed", message: r.ok ? "" : r.message });
      return false;
    });
  }, [assignmentId, enqueue, getValues, tv]);

  // Autosave a second after the last change.
  const first = useRef(true);
  const signature = JSON.stringify(values);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    dirty.current = true;
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void saveNow(), AUTOSAVE_MS);
  }, [signature, saveNow]);

  // Previous/next links and leaving the page save what is typed first.
  useEffect(() => registerFlush(saveNow), [saveNow]);
  useEffect(() => {
    const onHide = () => {
      if (dirty.current) void saveNow();
    };
    window.addEventListener("pagehide", onHide);
    return () => window.removeEventListener("pagehide", onHide);
  }, [saveNow]);

  const numbers = useMemo(
    () => criteria.map((c) => (values.scores?.[c.id] === "" || values.scores?.[c.id] === undefined ? null : Number(values.scores[c.id]))),
    [criteria, values.scores],
  );
  const scored = numbers.filter((n) => n !== null).length;
  const total = scored === criteria.length ? weightedTotal(numbers as number[], { criteria, scoreOutOf }) : null;
  const fmt = (n: number) => new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 }).format(n);

  const fieldIdOf = (field: string): string | undefined => {
    if (field === "comment") return "overall-comment";
    const [kind, id] = field.split(".");
    const c = criteria.find((x) => x.id === id);
    if (!c) return undefined;
    return kind === "scores" ? scoreInputId(c.id, c.scaleMin) : commentId(c.id);
  };

  /** In the summary, a criterion's message says which criterion ("3. Market research: …"). */
  const labelled = (field: string, message: string): string => {
    const id = field.split(".")[1];
    const i = criteria.findIndex((c) => c.id === id);
    return i < 0 ? message : `${i + 1}. ${criteria[i].name}: ${message}`;
  };

  const onValid = () => {
    setServerErrors([]);
    setSummary([]);
    setSubmitError(null);
    setConfirming(true);
  };

  /** The client check: the same rules as the server's (lib/validation/review.ts). */
  const validate = (v: Values): boolean => {
    clearErrors();
    const issues = reviewIssues(toInput(assignmentId, 0, v), criteria, "submit");
    const list: SummaryError[] = [];
    for (const [field, key] of Object.entries(issues)) {
      const message = tv.has(key as never) ? tv(key as never) : tv("invalid");
      setError(field as "comment", { type: "rubric", message });
      list.push({ fieldId: fieldIdOf(field), message: labelled(field, message) });
    }
    setSummary(list);
    return list.length === 0;
  };

  async function confirmSubmit() {
    setSubmitting(true);
    setSubmitError(null);
    try {
      await saveNow();
      const r = await enqueue(() => submitReviewAction(toInput(assignmentId, version.current, getValues())));
      if (r.ok) {
        setConfirming(false);
        toast.toast({ title: t("submitted", { reference }), tone: "success" });
        router.refresh();
        return;
      }
      if (r.code === "invalid" && r.fieldErrors) {
        setConfirming(false);
        setServerErrors(Object.entries(r.fieldErrors).map(([field, message]) => ({ fieldId: fieldIdOf(field), message })));
        setSummary(Object.entries(r.fieldErrors).map(([field, message]) => ({ fieldId: fieldIdOf(field), message: labelled(field, message) })));
        return;
      }
      if (r.code === "conflict" && !r.message) setSave({ kind: "stale" });
      setSubmitError(r.message);
    } finally {
      setSubmitting(false);
    }
  }

  const errorOf = (field: string): string | undefined => {
    const fromServer = serverErrors.find((e) => e.fieldId === fieldIdOf(field));
    if (fromServer) return fromServer.message;
    if (field === "comment") return formState.errors.comment?.message;
    const id = field.split(".")[1];
    const e = (formState.errors.scores as Record<string, { message?: string }> | undefined)?.[id];
    return e?.message;
  };

  return (
    <form
      noValidate
      className="space-y-6"
      data-testid="scoring-form"
      onSubmit={handleSubmit((v) => {
        if (validate(v)) onValid();
      })}
    >
      <ErrorSummary title={t("errorTitle")} errors={summary} />
      <p className="text-slate-700">{t("rubricIntro")}</p>
      <p className="text-sm text-slate-600">{t("keyboardHint")}</p>

      {criteria.map((c, i) => {
        const error = errorOf(`scores.${c.id}`);
        const descId = `desc-${c.id}`;
        const errId = `err-${c.id}`;
        const range = Array.from({ length: c.scaleMax - c.scaleMin + 1 }, (_, k) => c.scaleMin + k);
        return (
          <fieldset
            key={c.id}
            className={`space-y-3 rounded-lg border bg-white p-4 ${error ? "border-2 border-danger-600" : "border-slate-300"}`}
            aria-describedby={[descId, error ? errId : null].filter(Boolean).join(" ")}
            data-testid="criterion"
            data-criterion={c.id}
          >
            <legend className="px-1 text-lg font-semibold">
              {i + 1}. {c.name}
            </legend>
            <p id={descId} className="text-slate-700">
              {c.description} <span className="text-sm text-slate-600">({t("weight", { weight: c.weight })}; {t("scale", { min: c.scaleMin, max: c.scaleMax })})</span>
            </p>
            {error ? (
              <p id={errId} className="font-medium text-danger-700">
                {error}
              </p>
            ) : null}
            <div className="flex flex-wrap gap-1.5">
              {range.map((score) => (
                <label key={score} className="relative">
                  <input
                    type="radio"
                    id={scoreInputId(c.id, score)}
                    value={String(score)}
                    {...register(`scores.${c.id}`)}
                    className="peer absolute inset-0 h-full w-full cursor-pointer opacity-0"
                    aria-label={t("scoreValue", { score })}
                    data-testid={`score-${i}-${score}`}
                  />
                  <span
                    aria-hidden="true"
                    className="grid min-h-11 min-w-11 place-items-center rounded-md border border-slate-400 bg-white text-lg font-semibold tabular-nums text-slate-900 peer-checked:border-brand-700 peer-checked:bg-brand-700 peer-checked:text-white peer-focus-visible:outline-3 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-sun-400 peer-focus-visible:outline-solid"
                  >
                    {score}
                  </span>
                </label>
              ))}
            </div>
            <div className="flex flex-col gap-1">
              <label htmlFor={commentId(c.id)} className="text-sm font-medium text-slate-800">
                {t("criterionComment", { name: c.name })}
              </label>
              <textarea
                id={commentId(c.id)}
                rows={2}
                maxLength={CRITERION_COMMENT_MAX}
                {...register(`comments.${c.id}`)}
                className="w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base"
              />
            </div>
          </fieldset>
        );
      })}

      <div className="flex flex-col gap-1">
        <label htmlFor="overall-comment" className="text-lg font-semibold">
          {t("overallComment")}
        </label>
        <p id="overall-hint" className="text-sm text-slate-600">
          {t("overallHint")}
        </p>
        {errorOf("comment") ? (
          <p id="overall-error" className="font-medium text-danger-700">
            {errorOf("comment")}
          </p>
        ) : null}
        <textarea
          id="overall-comment"
          rows={5}
          maxLength={OVERALL_COMMENT_MAX}
          aria-describedby={errorOf("comment") ? "overall-hint overall-error" : "overall-hint"}
          aria-invalid={errorOf("comment") ? true : undefined}
          {...register("comment")}
          className={`w-full rounded-md border bg-white px-3 py-2 text-base ${errorOf("comment") ? "border-2 border-danger-600" : "border-slate-400"}`}
          data-testid="overall-comment"
        />
      </div>

      <div className="space-y-1 rounded-lg border border-slate-300 bg-slate-50 p-4" data-testid="score-summary">
        <p className="font-medium" data-testid="scored-count">
          {t("progress", { scored, total: criteria.length })}
        </p>
        <p className="text-lg font-semibold" data-testid="total-preview" data-total={total ?? ""}>
          {total === null ? t("totalPending") : t("totalPreview", { total: fmt(total), outOf: scoreOutOf })}
        </p>
      </div>

      <div role="status" aria-live="polite" className="min-h-6 text-slate-700" data-testid="save-status" data-state={save.kind}>
        {save.kind === "idle" ? t("saveIdle") : null}
        {save.kind === "saving" ? t("saving") : null}
        {save.kind === "saved" ? t("saved", { time: new Date(save.at).toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit", second: "2-digit", timeZone: "Asia/Almaty" }) }) : null}
        {save.kind === "failed" ? (
          <span className="text-danger-700">
            {t("saveFailed", { message: save.message })}{" "}
            <button
              type="button"
              className="underline"
              onClick={() => {
                dirty.current = true;
                void saveNow();
              }}
            >
              {t("retry")}
            </button>
          </span>
        ) : null}
      </div>
      {save.kind === "stale" ? (
        <div role="alert" className="space-y-2 rounded-md border-l-4 border-danger-600 bg-danger-50 px-4 py-3 text-danger-700" data-testid="review-stale">
          <p className="font-semibold">{t("staleTitle")}</p>
          <p>{t("staleBody")}</p>
          <button type="button" className={buttonClasses("secondary")} onClick={() => window.location.reload()}>
            {t("reload")}
          </button>
        </div>
      ) : null}

      <button type="submit" className={buttonClasses("primary", "w-full sm:w-auto")} data-testid="submit-review" disabled={save.kind === "stale"}>
        {t("submit")}
      </button>

      <Dialog
        open={confirming}
        onOpenChange={(open) => {
          if (!submitting) setConfirming(open);
        }}
        dismissible={!submitting}
        title={t("confirmTitle", { reference })}
        description={t("confirmBody", { total: total === null ? "—" : fmt(total), outOf: scoreOutOf })}
        data-testid="submit-dialog"
      >
        <div className="space-y-4">
          {submitError ? (
            <p role="alert" className="rounded-md border-l-4 border-danger-600 bg-danger-50 px-3 py-2 font-medium text-danger-700">
              {submitError}
            </p>
          ) : null}
          <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
            <DialogClose className={buttonClasses("secondary")} disabled={submitting}>
              {tu("cancel")}
            </DialogClose>
            <button type="button" className={buttonClasses("primary")} onClick={() => void confirmSubmit()} disabled={submitting} aria-disabled={submitting || undefined} data-testid="confirm-submit">
              {submitting ? t("submitting") : t("confirm")}
            </button>
          </div>
        </div>
      </Dialog>
    </form>
  );
}
