import { getTranslations } from "next-intl/server";

export type SkeletonShape = "list" | "table" | "cards";

type SkeletonProps = {
  /** The visually hidden status text ("Loading…" in the user's language). */
  label: string;
  /** list: stacked cards (queues, my applications); table: a header and rows; cards: a grid (landing). */
  shape?: SkeletonShape;
  rows?: number;
};

const block = "rounded bg-slate-200 motion-safe:animate-pulse";

/**
 * What a list page shows while its data loads (the `loading.tsx` of a route): grey blocks shaped like
 * the page, the region marked busy, and a visually hidden status that screen readers announce. Server
 * rendered, no client JavaScript; the pulse only runs when the user has not asked for reduced motion.
 */
export function Skeleton({ label, shape = "list", rows = 4 }: SkeletonProps) {
  const items = Array.from({ length: rows }, (_, i) => i);
  return (
    <div aria-busy="true" className="space-y-6" data-testid="skeleton" data-shape={shape}>
      <p role="status" className="sr-only">
        {label}
      </p>
      <div aria-hidden="true" className="space-y-6">
        <div className="space-y-3">
          <div className={`${block} h-9 w-3/4 max-w-md`} />
          <div className={`${block} h-5 w-full max-w-2xl`} />
        </div>
        {shape === "table" ? (
          <div className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
            <div className={`${block} h-6 w-full`} />
            {items.map((i) => (
              <div key={i} className="flex gap-3">
                <div className={`${block} h-5 w-1/4`} />
                <div className={`${block} h-5 w-1/2`} />
                <div className={`${block} h-5 w-1/4`} />
              </div>
            ))}
          </div>
        ) : (
          <ul className={`m-0 list-none p-0 ${shape === "cards" ? "grid gap-4 md:grid-cols-2 lg:grid-cols-3" : "space-y-3"}`}>
            {items.map((i) => (
              <li key={i} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
                <div className={`${block} h-4 w-1/3`} />
                <div className={`${block} h-6 w-2/3`} />
                <div className={`${block} h-4 w-full`} />
                <div className={`${block} h-10 w-32`} />
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}

/** A route's `loading.tsx` in one line: the skeleton with "Loading…" in the request's language. */
export async function PageSkeleton(props: Omit<SkeletonProps, "label">) {
  const t = await getTranslations("Ui");
  return <Skeleton label={t("loading")} {...props} />;
}
