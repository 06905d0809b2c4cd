// Spreadsheet and PDF writers for reports: XLSX with a sheet per table (typed numbers, KRW format,
// frozen header) and a Korean PDF with the tables and a chart, the font embedded.
import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import PDFDocument from "pdfkit";
import { neutraliseCell } from "./export-formats";

/** `year` is a plain integer (2019, never 2,019); `percent` a fraction shown with one decimal. */
/** `decimal`: a figure with one decimal (a coverage gain); `coordinate`: a latitude or longitude, six decimals. */
export type Column = { header: string; kind: "text" | "year" | "number" | "decimal" | "coordinate" | "krw" | "percent"; width?: number };
type Cell = string | number | null;
/** `total`: the totals row, computed by the caller by the rule of each figure; a spreadsheet writes a number there as a SUM formula over the column. */
export type Table = { name: string; title: string; columns: Column[]; rows: Cell[][]; total?: Cell[] };

/** The rows of a table as a file shows them, its totals row last. */
export const rowsWithTotal = (table: Table): Cell[][] => (table.total ? [...table.rows, table.total] : table.rows);

/** The table with only the columns `keep` accepts, in every row and the totals. */
export function withColumns(table: Table, keep: (c: Column) => boolean): Table {
  const kept = table.columns.flatMap((c, i) => (keep(c) ? [i] : []));
  const pick = (row: Cell[]) => kept.map((i) => row[i] ?? null);
  return { ...table, columns: kept.map((i) => table.columns[i]!), rows: table.rows.map(pick), total: table.total && pick(table.total) };
}

const KRW_FORMAT = '"₩"#,##0';

export async function toXlsx(tables: Table[]): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.created = new Date();
  for (const table of tables) {
    // A title row, then the header, both kept in view while scrolling.
    const sheet = book.addWorksheet(table.name, { views: [{ state: "frozen", ySplit: 2 }] });
    sheet.columns = table.columns.map((c) => ({ width: c.width ?? Math.max(10, c.header.length * 2 + 2) }));
    sheet.addRow([table.title]).font = { bold: true, size: 12 };
    sheet.mergeCells(1, 1, 1, table.columns.length);
    sheet.addRow(table.columns.map((c) => c.header)).font = { bold: true };
    for (const row of table.rows) {
      // Text that a spreadsheet would run as a formula is neutralised; numbers stay numbers.
      sheet.addRow(row.map((v, i) => (table.columns[i]!.kind === "text" ? neutraliseCell(v) : v)));
    }
    if (table.total) {
      const first = 3;
      const last = first + table.rows.length - 1;
      const letter = (i: number) => sheet.getColumn(i + 1).letter;
      // A number in the totals row is the sum of the column, written as the formula that computes it.
      const total = sheet.addRow(
        table.total.map((v, i) => (typeof v === "number" && table.rows.length ? { formula: `SUM(${letter(i)}${first}:${letter(i)}${last})`, result: v } : v)),
      );
      total.font = { bold: true };
    }
    table.columns.forEach((c, i) => {
      const col = sheet.getColumn(i + 1);
      if (c.kind === "krw") col.numFmt = KRW_FORMAT;
      if (c.kind === "number") col.numFmt = "#,##0";
      if (c.kind === "decimal") col.numFmt = "#,##0.0";
      if (c.kind === "coordinate") col.numFmt = "0.000000";
      if (c.kind === "year") col.numFmt = "0";
      if (c.kind === "percent") col.numFmt = "0.0%";
    });
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}

/** The Korean font embedded in PDFs (Noto Sans KR, SIL Open Font License; see assets/fonts/OFL.txt). */
export const PDF_FONT = path.join(process.cwd(), "assets/fonts/NotoSansKR-Regular.ttf");
let fontBytes: Buffer | undefined;
/** Read once per process: the file is 6 MB, and every report needs it. */
const pdfFont = () => (fontBytes ??= fs.readFileSync(PDF_FONT));

/** A drawing of its own (a map, a curve): given the box it may fill, below its title. */
export type PdfFigure = {
  title: string;
  height: number;
  draw: (doc: PDFKit.PDFDocument, box: { x: number; y: number; width: number; height: number }) => void;
};

export type PdfReport = {
  title: string;
  subtitle: string;
  /** Drawn after the chart (or in its place), before the tables. */
  figures?: PdfFigure[];
  chart?: {
    title: string;
    targetLabel: string;
    actualLabel: string;
    /** Written where a year has no target, instead of a bar that would read as a target of zero. */
    noTargetLabel: string;
    /** How a bar's value is written above it (locale digits). */
    value: (n: number) => string;
    bars: { label: string; target: number | null; actual: number }[];
  };
  tables: Table[];
  format: (c: Column, v: string | number | null) => string;
  footer: string;
};

/** An A4 report: title, a bar chart of plan against actual, then each table (continued on new pages as needed). */
export function toPdf(report: PdfReport): Promise<Uint8Array> {
  const doc = new PDFDocument({ size: "A4", margin: 48, bufferPages: true, info: { Title: report.title, Creator: "Wi-Fi Atlas" } });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Uint8Array>((resolve) => doc.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks)))));
  doc.registerFont("kr", pdfFont());
  doc.font("kr");
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;

  doc.fontSize(18).text(report.title, { width });
  doc.moveDown(0.2).fontSize(10).fillColor("#555").text(report.subtitle, { width }).fillColor("#000");
  doc.moveDown(1);

  if (report.chart) drawChart(doc, report.chart, left, width);
  for (const figure of report.figures ?? []) {
    if (doc.y + figure.height + 30 > doc.page.height - doc.page.margins.bottom - 20) doc.addPage();
    doc.fontSize(11).fillColor("#000").text(figure.title, left, doc.y, { width });
    const y = doc.y + 6;
    figure.draw(doc, { x: left, y, width, height: figure.height });
    doc.x = left;
    doc.y = y + figure.height + 16;
  }

  for (const table of report.tables) drawTable(doc, table, report.format, left, width);

  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    // The footer stands in the bottom margin: without lifting the margin, writing there starts a new,
    // blank page (the footers then landed on two empty pages after the report).
    doc.page.margins.bottom = 0;
    doc
      .fontSize(8)
      .fillColor("#777")
      .text(`${report.footer} · ${i + 1} / ${range.count}`, left, doc.page.height - 36, { width, align: "center", lineBreak: false });
  }
  doc.end();
  return done;
}

/** Grey target bars beside green actual bars, one pair per label, with a legend. */
function drawChart(doc: PDFKit.PDFDocument, chart: NonNullable<PdfReport["chart"]>, left: number, width: number) {
  // Chart: grey target bars beside green actual bars, one pair per label.
  const { bars } = chart;
  const chartH = 130;
  const top = doc.y + 30;
  doc.fontSize(11).text(chart.title, left, doc.y);
  const max = Math.max(1, ...bars.map((b) => Math.max(b.target ?? 0, b.actual)));
  const slot = Math.min(90, width / Math.max(1, bars.length));
  bars.forEach((b, i) => {
    const x = left + i * slot + 10;
    const ah = (b.actual / max) * chartH;
    if (b.target == null) {
      doc
        .fillColor("#64748b")
        .fontSize(7)
        .text(chart.noTargetLabel, x - 4, top + chartH - 11, { width: slot * 0.36, align: "center", lineBreak: false });
    } else {
      const th = (b.target / max) * chartH;
      doc.rect(x, top + chartH - th, slot * 0.3, th).fill("#cbd5e1");
      doc
        .fillColor("#475569")
        .fontSize(8)
        .text(chart.value(b.target), x, top + chartH - th - 11, { width: slot * 0.3, align: "center", lineBreak: false });
    }
    doc.rect(x + slot * 0.32, top + chartH - ah, slot * 0.3, ah).fill("#0f766e");
    doc
      .fillColor("#000")
      .fontSize(8)
      .text(chart.value(b.actual), x + slot * 0.32, top + chartH - ah - 11, { width: slot * 0.3, align: "center", lineBreak: false });
    doc.fontSize(8).text(b.label, x - 4, top + chartH + 4, { width: slot * 0.7, align: "center" });
  });
  doc
    .moveTo(left, top + chartH)
    .lineTo(left + width, top + chartH)
    .strokeColor("#94a3b8")
    .stroke();
  doc.rect(left, top + chartH + 22, 8, 8).fill("#cbd5e1");
  doc
    .fillColor("#000")
    .fontSize(8)
    .text(chart.targetLabel, left + 12, top + chartH + 21);
  doc.rect(left + 90, top + chartH + 22, 8, 8).fill("#0f766e");
  doc.fillColor("#000").text(chart.actualLabel, left + 102, top + chartH + 21);
  doc.x = left;
  doc.y = top + chartH + 44;
}

/** Relative column widths: names widest, amounts wide enough for "₩12,345,678", years and shares narrow. */
const COLUMN_WEIGHT: Record<Column["kind"], number> = { text: 2, krw: 1.5, number: 1, decimal: 1, coordinate: 1.2, year: 0.8, percent: 1.15 };

function drawTable(doc: PDFKit.PDFDocument, table: Table, format: PdfReport["format"], left: number, width: number) {
  const minRowH = 16;
  const pad = 3;
  const bottom = () => doc.page.height - doc.page.margins.bottom - 20;
  const weights = table.columns.map((c) => COLUMN_WEIGHT[c.kind]);
  const total = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => (w / total) * width);
  const align = (c: Column) => (c.kind === "text" ? "left" : "right");
  // A cell too long for its column wraps inside it, and its row grows to hold it: nothing is cut or overlaps.
  const heightOf = (texts: string[]) =>
    Math.max(minRowH, ...texts.map((t, i) => doc.fontSize(8).heightOfString(t, { width: widths[i]! - 2 * pad, align: align(table.columns[i]!) }) + 2 * pad));
  const cells = (texts: string[], y: number) => {
    let x = left;
    texts.forEach((t, i) => {
      doc.text(t, x + pad, y + pad, { width: widths[i]! - 2 * pad, align: align(table.columns[i]!) });
      x += widths[i]!;
    });
  };
  const headers = table.columns.map((c) => c.header);
  const header = () => {
    const y = doc.y;
    const h = heightOf(headers);
    doc.rect(left, y, width, h).fill("#f1f5f9").fillColor("#000").fontSize(8);
    cells(headers, y);
    doc.y = y + h;
  };
  if (doc.y + heightOf(headers) + minRowH * 3 > bottom()) doc.addPage();
  doc
    .fontSize(12)
    .fillColor("#000")
    .text(table.title, left, doc.y + 6, { width });
  doc.moveDown(0.4);
  header();
  for (const row of rowsWithTotal(table)) {
    // A totals row leaves blank what it does not total (a year, a status), rather than a dash that reads as "none".
    const texts = table.columns.map((c, i) => (row === table.total && row[i] == null ? "" : format(c, row[i] ?? null)));
    const h = heightOf(texts);
    if (doc.y + h > bottom()) {
      doc.addPage();
      header();
    }
    const y = doc.y;
    // The totals row is set off from the rows it adds up by a darker rule above it.
    if (row === table.total) {
      doc
        .moveTo(left, y)
        .lineTo(left + width, y)
        .strokeColor("#334155")
        .stroke();
    }
    doc.fillColor("#000").fontSize(8);
    cells(texts, y);
    doc
      .moveTo(left, y + h)
      .lineTo(left + width, y + h)
      .strokeColor("#e2e8f0")
      .stroke();
    doc.y = y + h;
  }
  doc.x = left;
  doc.moveDown(1);
}
