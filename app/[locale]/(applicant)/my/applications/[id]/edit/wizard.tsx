"use client";

// First: before any zod schema is built in the browser (see the module).
import "@/app/_components/zod-client";
import { useCallback, useEffect, useMemo, useRef, useState, useTransition } from "react";
import { FormProvider, useForm, useWatch, get, type Resolver } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { buttonClasses } from "@/app/_components/button-styles";
import type { FormSection } from "@/lib/validation/application";
import type { ActionResult } from "@/lib/auth/action";
import { validationMessage } from "@/lib/i18n/validation";
import { applicationDataSchema } from "@/lib/validation/application";
import { almatyTime, fieldDomId, initialValues, issuesByField, pickSections, submitIssues, type FormValues } from "@/lib/wizard/form";
import { submitApplicationAction } from "./actions";
import { AttachmentsStep, type AttachmentItem } from "./attachments";
import { SectionField, type ErrorLookup, type Locale, type Option } from "./fields";
import { ReviewSummary } from "./review";
import { deviceCopyKey } from "@/lib/wizard/device-copy";

type Props = {
  applicationId: string;
  version: number;
  updatedAt: string;
  data: unknown;
  sections: FormSection[];
  directions: Option[];
  awardAmount: number;
  locale: Locale;
  attachments: AttachmentItem[];
  emailVerified: boolean;
  closed: boolean;
  initialStep?: string;
};

type SaveState =
  | { kind: "saved"; at: string }
  | { kind: "invalid"; sections: string[] }
  | { kind: "saving" | "pending" | "error" | "offline" | "conflict" | "deadline" | "notDraft" | "signedOut" | "restored" | "discarded" };

const AUTOSAVE_DELAY_MS = 2500;
const storageKeyFor = deviceCopyKey;
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

export function Wizard(props: Props) {
  const { applicationId, sections, awardAmount, locale, closed } = props;
  const t = useTranslations("Wizard");
  const tv = useTranslations("Validation");
  const router = useRouter();
  const steps = useMemo(() => [...sections.map((s) => s.key), "attachments", "review"], [sections]);
  const [step, setStep] = useState(() => (props.initialStep && steps.includes(props.initialStep) ? props.initialStep : steps[0]));
  const [focusTarget, setFocusTarget] = useState<string | null>(null);
  const [reviewed, setReviewed] = useState(step === "review");
  const [files, setFiles] = useState<AttachmentItem[]>(props.attachments);

  const ctx = useMemo(() => ({ awardAmount, directions: props.directions.map((d) => d.code) }), [awardAmount, props.directions]);
  const draftSchema = useMemo(() => applicationDataSchema(sections, ctx, "draft"), [sections, ctx]);
  const defaults = useMemo(() => initialValues(sections, props.data), [sections, props.data]);
  const form = useForm<FormValues>({
    // The same schema as the server's (draft mode while typing; the review step applies submit mode).
    resolver: zodResolver(draftSchema as never) as unknown as Resolver<FormValues>,
    defaultValues: defaults,
    mode: "onChange",
    shouldUnregister: false,
  });
  const { getValues, setValue, control, formState } = form;
  const values = useWatch({ control }) as FormValues;

  // ---------------------------------------------------------------- autosave
  const url = `/api/applications/${applicationId}/draft`;
  const versionRef = useRef(props.version);
  const dirty = useRef(new Set<string>());
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inflight = useRef<Promise<boolean> | null>(null);
  const blocked = useRef(closed);
  const [save, setSave] = useState<SaveState>({ kind: "saved", at: props.updatedAt });
  const [nextPath, setNextPath] = useState("/my");

  const backup = useCallback(
    (payload: FormValues) => {
      try {
        const key = storageKeyFor(applicationId);
        const prev = JSON.parse(localStorage.getItem(key) ?? "null") as { version?: number; data?: FormValues } | null;
        const data = { ...(prev?.version === versionRef.current && isRecord(prev.data) ? prev.data : {}), ...payload };
        localStorage.setItem(key, JSON.stringify({ version: versionRef.current, data }));
      } catch {
        // storage full or disabled: nothing more to do
      }
    },
    [applicationId],
  );

  const saveOnce = useCallback(async (): Promise<boolean> => {
    if (blocked.current) return false;
    if (dirty.current.size === 0) return true;
    const keys = [...dirty.current];
    dirty.current.clear();
    const payload = pickSections(getValues(), keys);
    const requeue = () => keys.forEach((k) => dirty.current.add(k));
    const issues = submitIssues(
      sections.filter((s) => keys.includes(s.key)),
      ctx,
      payload,
      "draft",
    );
    if (issues.length > 0) {
      requeue();
      setSave({ kind: "invalid", sections: [...new Set(issues.map((i) => i.section))] });
      void form.trigger();
      return false;
    }
    setSave({ kind: "saving" });
    try {
      const res = await fetch(url, {
        method: "PUT",
        headers: { "Content-Type": "application/json" },
        credentials: "same-origin",
        body: JSON.stringify({ version: versionRef.current, data: payload }),
      });
      const body = (await res.json().catch(() => null)) as { ok?: boolean; code?: string; version?: number; savedAt?: string } | null;
      if (res.ok && body?.ok && typeof body.version === "number") {
        versionRef.current = body.version;
        try {
          localStorage.removeItem(storageKeyFor(applicationId));
        } catch {}
        setSave({ kind: "saved", at: body.savedAt ?? new Date().toISOString() });
        return dirty.current.size === 0;
      }
      switch (body?.code) {
        case "conflict":
          blocked.current = true;
          setSave({ kind: "conflict" });
          return false;
        case "deadline_passed":
          blocked.current = true;
          setSave({ kind: "deadline" });
          return false;
        case "not_draft":
          blocked.current = true;
          setSave({ kind: "notDraft" });
          return false;
        case "unauthenticated":
          requeue();
          backup(payload);
          setNextPath(`${window.location.pathname}${window.location.search}`);
          setSave({ kind: "signedOut" });
          return false;
        case "invalid":
          requeue();
          setSave({ kind: "invalid", sections: keys });
          return false;
        default:
          requeue();
          backup(payload);
          setSave({ kind: "error" });
          return false;
      }
    } catch {
      requeue();
      backup(payload);
      setSave({ kind: "offline" });
      return false;
    }
  }, [applicationId, backup, ctx, form, getValues, sections, url]);

  /** Save what changed now (one request at a time); true when everything is saved. */
  const flush = useCallback(async (): Promise<boolean> => {
    if (timer.current) {
      clearTimeout(timer.current);
      timer.current = null;
    }
    while (inflight.current) await inflight.current;
    const p = saveOnce();
    inflight.current = p;
    try {
      return await p;
    } finally {
      inflight.current = null;
    }
  }, [saveOnce]);

  const schedule = useCallback(() => {
    if (blocked.current) return;
    if (timer.current) clearTimeout(timer.current);
    setSave((s) => (s.kind === "saved" || s.kind === "saving" || s.kind === "restored" || s.kind === "discarded" ? { kind: "pending" } : s));
    timer.current = setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
  }, [flush]);

  useEffect(() => {
    const sub = form.watch((_v, { name }) => {
      if (!name) return;
      dirty.current.add(name.split(".")[0]);
      schedule();
    });
    return () => sub.unsubscribe();
  }, [form, schedule]);

  // Leaving the page (closing the tab, switching app on a phone): send what is left with keepalive.
  useEffect(() => {
    const onHide = () => {
      if (blocked.current || dirty.current.size === 0) return;
      const payload = pickSections(getValues(), dirty.current);
      backup(payload);
      try {
        void fetch(url, {
          method: "PUT",
          keepalive: true,
          headers: { "Content-Type": "application/json" },
          credentials: "same-origin",
          body: JSON.stringify({ version: versionRef.current, data: payload }),
        }).catch(() => undefined);
      } catch {}
    };
    window.addEventListener("pagehide", onHide);
    return () => window.removeEventListener("pagehide", onHide);
  }, [backup, getValues, url]);

  // Text typed while signed out (kept on this device) is saved once the person is back, if the
  // stored draft has not changed meanwhile.
  useEffect(() => {
    let kept: { version?: number; data?: unknown } | null = null;
    try {
      kept = JSON.parse(localStorage.getItem(storageKeyFor(applicationId)) ?? "null");
    } catch {
      kept = null;
    }
    if (!kept) return;
    if (kept.version !== props.version || !isRecord(kept.data) || closed) {
      try {
        localStorage.removeItem(storageKeyFor(applicationId));
      } catch {}
      // Say so: the text kept here is older than what was saved elsewhere.
      if (isRecord(kept.data) && !closed) setSave({ kind: "discarded" });
      return;
    }
    for (const s of sections) {
      const v = (kept.data as FormValues)[s.key];
      if (isRecord(v)) setValue(s.key, v, { shouldDirty: true });
    }
    void flush().then((ok) => {
      if (ok) setSave({ kind: "restored" });
    });
    // once, on arrival
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // ---------------------------------------------------------------- steps
  useEffect(() => {
    const onPop = () => {
      const s = new URLSearchParams(window.location.search).get("step");
      setStep(s && steps.includes(s) ? s : steps[0]);
    };
    window.addEventListener("popstate", onPop);
    return () => window.removeEventListener("popstate", onPop);
  }, [steps]);

  const goTo = useCallback(
    (next: string, focusId?: string) => {
      void flush();
      if (next === "review") setReviewed(true);
      setStep(next);
      setFocusTarget(focusId ?? "step-heading");
      window.history.pushState(null, "", `?step=${encodeURIComponent(next)}`);
    },
    [flush],
  );

  useEffect(() => {
    if (!focusTarget) return;
    const el = document.getElementById(focusTarget);
    if (el) {
      el.focus();
      el.scrollIntoView({ block: "center" });
    }
    setFocusTarget(null);
  }, [focusTarget, step]);

  // ---------------------------------------------------------------- errors
  const issues = useMemo(() => submitIssues(sections, ctx, values), [sections, ctx, values]);
  const issueAt = useMemo(() => {
    const m = new Map<string, string>();
    for (const i of issues) m.set(`${i.section}:${i.path}`, validationMessage(tv, i.message));
    return m;
  }, [issues, tv]);
  const errorAt: ErrorLookup = (section, path) => {
    const e = get(formState.errors, `${section}.${path}`) as { message?: unknown } | undefined;
    if (e && typeof e.message === "string" && e.message) return validationMessage(tv, e.message);
    return reviewed ? issueAt.get(`${section}:${path}`) : undefined;
  };
  const sectionHasIssues = (key: string) => issues.some((i) => i.section === key);

  // ---------------------------------------------------------------- submit
  const [submitState, setSubmitState] = useState<ActionResult<{ revision: number; alreadySubmitted: boolean }> | { ok: false; code: "not_saved"; message: string } | null>(null);
  const [submitting, startSubmit] = useTransition();
  const submittingRef = useRef(false);
  const onSubmit = () => {
    if (submittingRef.current) return;
    submittingRef.current = true;
    setSubmitState(null);
    startSubmit(async () => {
      const saved = await flush();
      if (!saved) {
        submittingRef.current = false;
        setSubmitState({ ok: false, code: "not_saved", message: t("submitNotSaved") });
        return;
      }
      const r = await submitApplicationAction({ applicationId });
      setSubmitState(r);
      if (r.ok) {
        blocked.current = true;
        router.push(`/my/applications/${applicationId}?submitted=1`);
      } else submittingRef.current = false;
    });
  };

  // ---------------------------------------------------------------- render
  const index = steps.indexOf(step);
  const stepTitle = (key: string) =>
    key === "attachments" ? t("stepAttachments") : key === "review" ? t("stepReview") : (sections.find((s) => s.key === key)?.title[locale] ?? key);
  const section = sections.find((s) => s.key === step);
  const fieldLabel = (sectionKey: string, fieldKey: string) =>
    sections.find((s) => s.key === sectionKey)?.fields.find((f) => f.key === fieldKey)?.label[locale] ?? fieldKey;
  const options = props.directions;

  return (
    <FormProvider {...form}>
      <div className="space-y-6">
        {!props.emailVerified ? (
          <div className="rounded-md border-l-4 border-sun-400 bg-white p-3" data-testid="wizard-unverified">
            {t("emailNotVerified")}{" "}
            <a href="/my" className="font-medium text-brand-700 underline">
              {t("resendLink")}
            </a>
          </div>
        ) : null}
        {closed ? (
          <p className="rounded-md border-2 border-danger-600 bg-danger-50 p-3 font-medium text-danger-700" data-testid="wizard-closed">
            {t("closedNotice")}
          </p>
        ) : null}

        <nav aria-label={t("stepsLabel")} className="space-y-2" data-testid="step-indicator">
          <p className="m-0 font-semibold" data-testid="step-count">
            {t("stepOf", { n: index + 1, total: steps.length })}
          </p>
          <div className="h-2 w-full overflow-hidden rounded bg-slate-200" aria-hidden="true">
            <div className="h-2 bg-brand-700" style={{ width: `${Math.round(((index + 1) / steps.length) * 100)}%` }} />
          </div>
          <details className="rounded-md border border-slate-300 bg-white">
            <summary className="cursor-pointer p-3 font-medium">{t("allSteps")}</summary>
            <ol className="m-0 px-3 pb-3 pl-8">
              {steps.map((key, i) => (
                <li key={key}>
                  <a
                    href={`?step=${key}`}
                    aria-current={key === step ? "step" : undefined}
                    className={`inline-flex min-h-11 items-center underline-offset-2 ${key === step ? "font-bold text-slate-900" : "text-brand-700 underline"}`}
                    onClick={(e) => {
                      e.preventDefault();
                      goTo(key);
                    }}
                    data-testid={`step-link-${key}`}
                  >
                    {i + 1}. {stepTitle(key)}
                    {reviewed && sectionHasIssues(key) ? <span className="text-danger-700"> — {t("stepNeedsWork")}</span> : null}
                  </a>
                </li>
              ))}
            </ol>
          </details>
        </nav>

        <SaveStatus state={save} nextPath={nextPath} stepTitle={stepTitle} goTo={goTo} />

        <section aria-labelledby="step-heading" className="space-y-5 rounded-lg border border-slate-300 bg-white p-3 sm:p-4" data-testid={`step-${step}`}>
          <h2 id="step-heading" tabIndex={-1} className="text-xl font-semibold">
            {stepTitle(step)}
          </h2>
          {section ? (
            <fieldset disabled={closed} className="m-0 space-y-5 border-0 p-0">
              {section.fields.map((field) => (
                <SectionField key={field.key} section={section} field={field} locale={locale} options={options} awardAmount={awardAmount} errorAt={errorAt} />
              ))}
            </fieldset>
          ) : step === "attachments" ? (
            <AttachmentsStep applicationId={applicationId} files={files} setFiles={setFiles} readOnly={closed} />
          ) : (
            <div className="space-y-6">
              <ReviewSummary sections={sections} values={values} locale={locale} options={options} awardAmount={awardAmount} attachments={files} onEdit={(key) => goTo(key)} />
              <IssueList
                title={t("issuesTitle")}
                items={issuesByField(issues).map((i) => ({
                  step: i.section,
                  fieldId: i.fieldId,
                  text: `${stepTitle(i.section)} — ${fieldLabel(i.section, i.field)}: ${validationMessage(tv, i.message)}`,
                }))}
                goTo={goTo}
                testId="review-issues"
              />
              {issues.length === 0 ? (
                <p className="rounded-md border-l-4 border-success-700 bg-success-50 p-3 font-medium text-success-700" data-testid="review-ready">
                  {t("readyToSubmit")}
                </p>
              ) : null}
              <SubmitResult state={submitState} stepTitle={stepTitle} goTo={goTo} />
              <button
                type="button"
                className={buttonClasses("primary", "w-full sm:w-auto")}
                onClick={onSubmit}
                disabled={submitting || closed || (submitState?.ok ?? false)}
                aria-disabled={submitting || undefined}
                data-testid="submit-application"
              >
                {submitting ? (
                  <>
                    <span aria-hidden="true" className="size-4 animate-spin rounded-full border-2 border-current border-r-transparent" />
                    <span role="status">{t("submitting")}</span>
                  </>
                ) : (
                  t("submit")
                )}
              </button>
            </div>
          )}
        </section>

        <div className="flex flex-wrap justify-between gap-3">
          {index > 0 ? (
            <button type="button" className={buttonClasses("secondary")} onClick={() => goTo(steps[index - 1])} data-testid="wizard-back">
              {t("back")}
            </button>
          ) : (
            <span />
          )}
          {index < steps.length - 1 ? (
            <button type="button" className={buttonClasses("primary")} onClick={() => goTo(steps[index + 1])} data-testid="wizard-next">
              {t("next", { title: stepTitle(steps[index + 1]) })}
            </button>
          ) : null}
        </div>
      </div>
    </FormProvider>
  );
}

function SaveStatus({
  state,
  nextPath,
  stepTitle,
  goTo,
}: {
  state: SaveState;
  nextPath: string;
  stepTitle: (key: string) => string;
  goTo: (step: string) => void;
}) {
  const t = useTranslations("Wizard");
  const problem = ["conflict", "deadline", "notDraft", "signedOut", "error", "offline", "invalid"].includes(state.kind);
  return (
    <div
      role="status"
      aria-live="polite"
      data-testid="save-status"
      data-state={state.kind}
      className={problem ? "rounded-md border-2 border-danger-600 bg-danger-50 p-3 font-medium text-danger-700" : "text-sm text-slate-700"}
    >
      {state.kind === "saved" ? (
        t("savedAt", { time: almatyTime(new Date(state.at)) })
      ) : state.kind === "restored" ? (
        t("restored")
      ) : state.kind === "conflict" ? (
        <span className="flex flex-col gap-2" data-testid="save-conflict">
          <span>{t("conflict")}</span>
          <button type="button" className={buttonClasses("secondary", "self-start")} onClick={() => window.location.reload()}>
            {t("reload")}
          </button>
        </span>
      ) : state.kind === "signedOut" ? (
        <span data-testid="save-signed-out">
          {t("signedOut")}{" "}
          <a href={`/sign-in?next=${encodeURIComponent(nextPath)}`} className="underline">
            {t("signInAgain")}
          </a>
        </span>
      ) : state.kind === "invalid" ? (
        <span>
          {t("save.invalid")}{" "}
          {state.sections.map((key, i) => (
            <span key={key}>
              {i > 0 ? ", " : null}
              <a
                href={`?step=${key}`}
                className="underline"
                onClick={(e) => {
                  e.preventDefault();
                  goTo(key);
                }}
              >
                {stepTitle(key)}
              </a>
            </span>
          ))}
        </span>
      ) : (
        t(`save.${state.kind}`)
      )}
    </div>
  );
}

type IssueItem = { step: string; fieldId: string; text: string };

function IssueList({ title, items, goTo, testId }: { title: string; items: IssueItem[]; goTo: (step: string, focusId?: string) => void; testId: string }) {
  if (items.length === 0) return null;
  return (
    <div className="rounded-md border-2 border-danger-600 bg-danger-50 p-4" data-testid={testId}>
      <h3 className="text-lg font-semibold text-danger-700">{title}</h3>
      <ul className="mt-2 list-none space-y-1 p-0">
        {items.map((i) => (
          <li key={`${i.fieldId}-${i.text}`}>
            <a
              href={`?step=${i.step}#${i.fieldId}`}
              className="inline-flex min-h-11 items-center font-medium text-danger-700 underline"
              onClick={(e) => {
                e.preventDefault();
                goTo(i.step, i.fieldId);
              }}
            >
              {i.text}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

function SubmitResult({
  state,
  stepTitle,
  goTo,
}: {
  state: ActionResult<{ revision: number; alreadySubmitted: boolean }> | { ok: false; code: "not_saved"; message: string } | null;
  stepTitle: (key: string) => string;
  goTo: (step: string, focusId?: string) => void;
}) {
  const t = useTranslations("Wizard");
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state) ref.current?.focus();
  }, [state]);
  if (!state) return null;
  if (state.ok) {
    return (
      <div ref={ref} tabIndex={-1} role="status" className="rounded-md border-l-4 border-success-700 bg-success-50 p-3 font-semibold text-success-700" data-testid="submit-success">
        {t("submitted")}
      </div>
    );
  }
  const fieldErrors = "fieldErrors" in state ? (state.fieldErrors ?? {}) : {};
  return (
    <div ref={ref} tabIndex={-1} role="alert" className="space-y-2 rounded-md border-2 border-danger-600 bg-danger-50 p-4 text-danger-700" data-testid="submit-error" data-code={state.code}>
      <p className="m-0 font-semibold">{state.message}</p>
      {state.code === "email_unverified" ? (
        <a href="/my" className="font-medium underline" data-testid="resend-link">
          {t("resendLink")}
        </a>
      ) : null}
      {state.code === "ineligible" ? (
        <ul className="m-0 list-disc pl-5">
          {Object.entries(fieldErrors).map(([k, v]) => (
            <li key={k}>{v}</li>
          ))}
        </ul>
      ) : null}
      {state.code === "incomplete" ? (
        <ul className="m-0 list-none p-0">
          {issuesByField(
            Object.entries(fieldErrors).map(([path, message]) => {
              const [section, ...rest] = path.split(".");
              return { section, path: rest.join("."), message, fieldId: fieldDomId(section, rest.join(".")) };
            }),
          ).map((i) => (
            <li key={`${i.section}.${i.field}`}>
              <a
                href={`?step=${i.section}#${i.fieldId}`}
                className="inline-flex min-h-11 items-center underline"
                onClick={(e) => {
                  e.preventDefault();
                  goTo(i.section, i.fieldId);
                }}
              >
                {stepTitle(i.section)}: {i.message}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
