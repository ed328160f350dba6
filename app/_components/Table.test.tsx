import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Table, type Column } from "./Table";

type Row = { id: string; name: string; amount: string };
const rows: Row[] = [
  { id: "a", name: "Айгерім", amount: "1 500 000 ₸" },
  { id: "b", name: "Дамир", amount: "1 000 000 ₸" },
];
const columns: Column<Row>[] = [
  { key: "name", header: "Applicant", cell: (r) => r.name, rowHeader: true },
  { key: "amount", header: "Amount", cell: (r) => r.amount, align: "end" },
];

describe("<Table>", () => {
  it("is a real table with a caption, column headers and row headers", () => {
    const html = renderToStaticMarkup(<Table id="awards" caption="Awards" columns={columns} rows={rows} rowKey={(r) => r.id} />);
    expect(html).toMatch(/<table id="awards"[^>]*><caption id="awards-caption"[^>]*>Awards<\/caption>/);
    expect(html.match(/<th scope="col"/g)).toHaveLength(2);
    expect(html.match(/<th scope="row"[^>]*>Айгерім<\/th>/g)).toHaveLength(1);
    expect(html).toMatch(/<td [^>]*text-end[^>]*>1 500 000 ₸<\/td>/);
    // Native semantics: no restated roles in the scrolling layout.
    expect(html).not.toContain('role="table"');
  });

  it("scrolls sideways in a focusable region named by the caption", () => {
    const html = renderToStaticMarkup(<Table id="t" caption="Calls" columns={columns} rows={rows} rowKey={(r) => r.id} />);
    expect(html).toMatch(/^<div role="region" aria-labelledby="t-caption" tabindex="0" class="overflow-x-auto[^"]*"/);
  });

  it("can hide the caption visually and keep it for screen readers", () => {
    const html = renderToStaticMarkup(<Table id="t" caption="Calls" captionHidden columns={columns} rows={rows} rowKey={(r) => r.id} />);
    expect(html).toContain('<caption id="t-caption" class="sr-only">Calls</caption>');
  });

  it("the stacked layout restates the roles and repeats the headers beside the values (hidden from AT)", () => {
    const html = renderToStaticMarkup(<Table id="s" caption="Calls" layout="stack" columns={columns} rows={rows} rowKey={(r) => r.id} />);
    expect(html).toContain('role="table"');
    expect(html.match(/role="row"/g)).toHaveLength(3);
    expect(html.match(/role="columnheader"/g)).toHaveLength(2);
    expect(html.match(/scope="row" role="rowheader"/g)).toHaveLength(2);
    expect(html.match(/role="cell"/g)).toHaveLength(2);
    expect(html.match(/<span aria-hidden="true"[^>]*>Amount<\/span>/g)).toHaveLength(2);
    expect(html).not.toContain('role="region"');
  });

  it("shows the empty message across all columns when there are no rows", () => {
    const html = renderToStaticMarkup(<Table id="e" caption="Calls" columns={columns} rows={[]} rowKey={(r) => r.id} empty="No calls yet" />);
    expect(html).toMatch(/<td colSpan="2"[^>]*>No calls yet<\/td>/);
  });
});
