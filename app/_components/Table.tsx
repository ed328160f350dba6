import type { ReactNode } from "react";

export type Column<Row> = {
  key: string;
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  /** This column names the row (`<th scope="row">`), e.g. the applicant or the call. */
  rowHeader?: boolean;
  /** Numbers and money align to the end. */
  align?: "start" | "end";
  className?: string;
};

type TableProps<Row> = {
  /** The table's id; the caption is `${id}-caption` and labels the scroll region. */
  id: string;
  caption: ReactNode;
  /** Keep the caption for screen readers only (when a visible heading already says the same). */
  captionHidden?: boolean;
  columns: Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  /**
   * "scroll" (default): a real table in a focusable, labelled region that scrolls sideways on a
   * narrow screen. "stack": below 640 px each row becomes a card of "header: value" lines.
   */
  layout?: "scroll" | "stack";
  /** Shown in one full-width cell when there are no rows. */
  empty?: ReactNode;
  className?: string;
};

const alignClass = (align: "start" | "end" | undefined) => (align === "end" ? "text-end" : "text-start");

/**
 * A data table with a caption and `scope` headers that stays readable at 360 px. Server or client
 * (no hooks). The stacked layout repeats each column's header beside the value on small screens and
 * restates the table roles, which some browsers drop when a table's display changes.
 */
export function Table<Row>({
  id,
  caption,
  captionHidden = false,
  columns,
  rows,
  rowKey,
  layout = "scroll",
  empty,
  className,
}: TableProps<Row>) {
  const captionId = `${id}-caption`;
  const stack = layout === "stack";
  const role = <R extends string>(r: R) => (stack ? r : undefined);

  const table = (
    <table
      id={id}
      role={role("table")}
      className={[
        "w-full border-collapse text-left text-base",
        stack ? "block sm:table" : "min-w-full",
        className ?? "",
      ].join(" ")}
    >
      <caption
        id={captionId}
        className={
          captionHidden
            ? "sr-only"
            : ["px-3 py-2 text-left text-lg font-semibold text-slate-900", stack ? "block sm:table-caption" : ""].join(" ")
        }
      >
        {caption}
      </caption>
      <thead role={role("rowgroup")} className={stack ? "sr-only sm:not-sr-only sm:table-header-group" : undefined}>
        <tr role={role("row")} className="border-b-2 border-slate-300 bg-slate-100">
          {columns.map((c) => (
            <th
              key={c.key}
              scope="col"
              role={role("columnheader")}
              className={["px-3 py-2 font-semibold text-slate-900", alignClass(c.align)].join(" ")}
            >
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody role={role("rowgroup")} className={stack ? "block sm:table-row-group" : undefined}>
        {rows.length === 0 && empty ? (
          <tr role={role("row")} className={stack ? "block sm:table-row" : undefined}>
            <td role={role("cell")} colSpan={columns.length} className="block px-3 py-4 text-slate-700 sm:table-cell">
              {empty}
            </td>
          </tr>
        ) : null}
        {rows.map((row) => (
          <tr
            key={rowKey(row)}
            role={role("row")}
            className={[
              "border-b border-slate-200 last:border-b-0",
              stack ? "block py-2 sm:table-row sm:py-0" : "",
            ].join(" ")}
          >
            {columns.map((c) => {
              const Cell = c.rowHeader ? "th" : "td";
              return (
                <Cell
                  key={c.key}
                  scope={c.rowHeader ? "row" : undefined}
                  role={role(c.rowHeader ? "rowheader" : "cell")}
                  className={[
                    "px-3 align-top",
                    c.rowHeader ? "font-semibold text-slate-900" : "text-slate-800",
                    stack
                      ? "grid grid-cols-[minmax(0,2fr)_minmax(0,3fr)] gap-2 py-1 sm:table-cell sm:py-2"
                      : "py-2",
                    stack ? (c.align === "end" ? "text-start sm:text-end" : "text-start") : alignClass(c.align),
                    c.className ?? "",
                  ].join(" ")}
                >
                  {stack ? (
                    // The header again beside the value on small screens; hidden from assistive
                    // technology, which already pairs the cell with its header.
                    <span aria-hidden="true" className="font-semibold text-slate-600 sm:hidden">
                      {c.header}
                    </span>
                  ) : null}
                  {stack ? <span className="min-w-0 break-words">{c.cell(row)}</span> : c.cell(row)}
                </Cell>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );

  if (stack) return <div className="overflow-hidden rounded-lg border border-slate-300 bg-white print:overflow-visible">{table}</div>;
  return (
    // A keyboard user can scroll a focusable region; its name is the caption.
    <div
      role="region"
      aria-labelledby={captionId}
      tabIndex={0}
      className="overflow-x-auto rounded-lg border border-slate-300 bg-white print:overflow-visible"
      data-testid={`${id}-region`}
    >
      {table}
    </div>
  );
}
