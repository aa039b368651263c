import { formatDuration } from './format';
import type { ActivityView, SopView } from './models';
import { countLines } from './text-metrics';

/**
 * Geometry of the SOP activity table (landscape A4, CSS px at 96 dpi), computed on the server:
 * row heights from the text they hold, page breaks, and the flowchart drawn in the executor
 * columns. Because we paginate ourselves, we know where the table breaks and can draw the
 * off-page connectors there.
 */

export const PAGE_WIDTH = 1040;
export const PAGE_HEIGHT = 692;
export const BODY_FONT_PX = 10; // 7.5pt
export const LINE_PX = 12.5;
export const HEADER_FONT_PX = 9.33; // 7pt bold
const CELL_PAD_X = 4;
const CELL_PAD_Y = 4;
const MIN_ROW = 42;
export const BAND = 32; // connector band at the top or bottom of a page
const HEADER_ROW1 = 18;
/** Measured widths are what Chromium uses; keep a little slack for rounding. */
const WRAP_SLACK = 0.96;

export interface Column {
  key: string;
  label: string;
  x: number;
  width: number;
  kind: 'no' | 'text' | 'executor' | 'requirements' | 'time' | 'output' | 'notes';
}

export interface Row {
  activity: ActivityView;
  cells: { requirements: string; time: string; output: string; notes: string };
  height: number;
  /** Top on its page, in px from the page top. */
  y: number;
  page: number;
}

export interface Symbol {
  activity: number;
  executor: string;
  column: number; // index into executor columns
  kind: ActivityView['symbol'];
  cx: number;
  cy: number;
  w: number;
  h: number;
  page: number;
}

export type Point = [number, number];

export interface Edge {
  from: number;
  to: number;
  kind: 'next' | 'yes' | 'no';
  label?: string;
  /** One polyline per page it is drawn on; the last point of each carries the arrow head. */
  parts: { page: number; points: Point[]; arrow: boolean; labelAt?: Point }[];
}

export interface Connector {
  label: string;
  page: number;
  direction: 'out' | 'in';
  cx: number;
  cy: number;
  from: number;
  to: number;
}

export interface PageLayout {
  index: number;
  /** Rows on this page (activities), in order. */
  rows: Row[];
  topBand: boolean;
  bottomBand: boolean;
  tableBottom: number;
  totalRow?: { y: number; height: number; text: string };
}

export interface SopLayout {
  columns: Column[];
  executorColumns: Column[];
  headerRow2: number;
  headerBottom: number;
  pages: PageLayout[];
  symbols: Symbol[];
  edges: Edge[];
  connectors: Connector[];
}

function columnsFor(sop: SopView): Column[] {
  const n = Math.max(1, sop.executors.length);
  const fixed = { no: 26, requirements: 118, time: 58, output: 118, notes: 76 };
  const fixedSum = fixed.no + fixed.requirements + fixed.time + fixed.output + fixed.notes;
  const ew = Math.floor(Math.max(58, Math.min(96, (PAGE_WIDTH - fixedSum - 240) / n)));
  const textWidth = PAGE_WIDTH - fixedSum - ew * n;
  const cols: Omit<Column, 'x'>[] = [
    { key: 'no', label: 'NO', width: fixed.no, kind: 'no' },
    { key: 'text', label: 'URAIAN KEGIATAN', width: textWidth, kind: 'text' },
    ...sop.executors.map((e) => ({ key: e.key, label: e.label, width: ew, kind: 'executor' as const })),
    { key: 'requirements', label: 'Kelengkapan', width: fixed.requirements, kind: 'requirements' },
    { key: 'time', label: 'Waktu', width: fixed.time, kind: 'time' },
    { key: 'output', label: 'Output', width: fixed.output, kind: 'output' },
    { key: 'notes', label: 'KET', width: fixed.notes, kind: 'notes' },
  ];
  let x = 0;
  return cols.map((c) => {
    const col = { ...c, x };
    x += c.width;
    return col;
  });
}

const lines = (text: string, width: number, fontPx = BODY_FONT_PX, bold = false) => countLines(text, (width - 2 * CELL_PAD_X) * WRAP_SLACK, fontPx, bold);

/** Lists written with ";" in the CMS are printed one item a line. */
export const listCell = (value?: string | null) =>
  (value ?? '')
    .split(/\s*;\s*/)
    .filter(Boolean)
    .map((s) => `- ${s}`)
    .join('\n');

function rowHeight(sop: SopView, a: ActivityView, cols: Column[]): { height: number; cells: Row['cells'] } {
  const by = (k: Column['kind']) => cols.find((c) => c.kind === k)!;
  const cells = {
    requirements: listCell(a.requirements),
    time: formatDuration(a.timeAmount ?? null, a.timeUnit ?? null, a.timeText),
    output: listCell(a.output),
    notes: a.notes ?? '',
  };
  const n = Math.max(
    lines(a.text, by('text').width),
    lines(cells.requirements, by('requirements').width),
    lines(cells.time, by('time').width),
    lines(cells.output, by('output').width),
    lines(cells.notes, by('notes').width),
  );
  return { height: Math.max(MIN_ROW, Math.ceil(n * LINE_PX + 2 * CELL_PAD_Y + 2)), cells };
}

function shapeSize(kind: ActivityView['symbol'], colWidth: number): { w: number; h: number } {
  if (kind === 'decision') return { w: Math.min(colWidth - 12, 46), h: 30 };
  if (kind === 'start' || kind === 'end') return { w: Math.min(colWidth - 10, 54), h: 20 };
  return { w: Math.min(colWidth - 14, 50), h: 22 };
}

export function layoutSop(sop: SopView): SopLayout {
  const columns = columnsFor(sop);
  const executorColumns = columns.filter((c) => c.kind === 'executor');
  const headerLines = Math.max(1, ...executorColumns.map((c) => lines(c.label, c.width, HEADER_FONT_PX, true)), lines('Kelengkapan', 118, HEADER_FONT_PX, true));
  const headerRow2 = Math.max(20, Math.ceil(headerLines * 11.5 + 6));
  const headerBottom = HEADER_ROW1 + headerRow2;
  const activities = [...sop.activities].sort((a, b) => a.number - b.number);
  const measured = activities.map((a) => ({ a, ...rowHeight(sop, a, columns) }));
  const totalText = sop.totalTimeText ?? '';
  const timeCol = columns.find((c) => c.kind === 'time')!;
  const TOTAL_ROW = totalText ? Math.max(20, Math.ceil(lines(totalText, timeCol.width) * LINE_PX + 2 * CELL_PAD_Y + 2)) : 0;

  // Paginate: fill each page, keeping a band at the bottom for connectors unless all that is left fits.
  const pages: PageLayout[] = [];
  let i = 0;
  while (i < measured.length || (!pages.length && !measured.length)) {
    const topBand = pages.length > 0;
    let y = headerBottom + (topBand ? BAND : 0);
    const rest = measured.slice(i).reduce((s, m) => s + m.height, 0) + (totalText ? TOTAL_ROW : 0);
    const fitsAll = y + rest <= PAGE_HEIGHT;
    const limit = fitsAll ? PAGE_HEIGHT : PAGE_HEIGHT - BAND;
    const page: PageLayout = { index: pages.length, rows: [], topBand, bottomBand: !fitsAll, tableBottom: y };
    while (i < measured.length && (y + measured[i].height <= limit || page.rows.length === 0)) {
      const m = measured[i];
      page.rows.push({ activity: m.a, cells: m.cells, height: m.height, y, page: page.index });
      y += m.height;
      i += 1;
    }
    if (fitsAll && totalText) {
      page.totalRow = { y, height: TOTAL_ROW, text: totalText };
      y += TOTAL_ROW;
    }
    page.tableBottom = y;
    pages.push(page);
    if (!measured.length) break;
  }

  const rows = pages.flatMap((p) => p.rows);
  const rowOf = new Map(rows.map((r, k) => [r.activity.number, { row: r, index: k }]));
  const symbols: Symbol[] = [];
  for (const r of rows) {
    const column = executorColumns.findIndex((c) => c.key === r.activity.executor);
    if (column < 0) continue;
    const col = executorColumns[column];
    const { w, h } = shapeSize(r.activity.symbol, col.width);
    symbols.push({ activity: r.activity.number, executor: col.key, column, kind: r.activity.symbol, cx: col.x + col.width / 2, cy: r.y + r.height / 2, w, h, page: r.page });
  }
  const symbolOf = new Map(symbols.map((s) => [s.activity, s]));

  const edges: Edge[] = [];
  const connectors: Connector[] = [];
  const outgoing = (a: ActivityView) => {
    const list: { to: number; kind: Edge['kind']; label?: string }[] = [];
    if (a.symbol === 'decision') {
      if (a.yesNext) list.push({ to: a.yesNext, kind: 'yes', label: 'Ya' });
      if (a.noNext) list.push({ to: a.noNext, kind: 'no', label: 'Tidak' });
    } else if (a.next && a.symbol !== 'end') list.push({ to: a.next, kind: 'next' });
    return list;
  };
  const colOf = (s: Symbol) => executorColumns[s.column];
  const laneX = (s: Symbol, side: 'left' | 'right') => (side === 'right' ? colOf(s).x + colOf(s).width - 6 : colOf(s).x + 6);
  /** Whether the column of `s` is free of symbols strictly between rows a and b on one page. */
  const columnClear = (column: number, page: number, fromY: number, toY: number) => !symbols.some((o) => o.page === page && o.column === column && o.cy > fromY && o.cy < toY);
  const exitPoint = (s: Symbol, side: 'bottom' | 'left' | 'right'): Point => (side === 'bottom' ? [s.cx, s.cy + s.h / 2] : [s.cx + (side === 'right' ? s.w / 2 : -s.w / 2), s.cy]);
  let connectorSeq = 0;
  const outCount = new Map<string, number>();
  const inCount = new Map<string, number>();

  for (const r of rows) {
    const a = symbolOf.get(r.activity.number);
    if (!a) continue;
    const exits = outgoing(r.activity);
    // Which exit leaves from the bottom: the one going to the next row (prefer "Ya"); others leave by a side.
    const nextRowActivity = rows[rowOf.get(r.activity.number)!.index + 1]?.activity.number;
    const bottomExit = exits.find((e) => e.to === nextRowActivity) ?? (exits.length === 1 ? exits[0] : undefined);
    const usedSides = new Set<string>();
    for (const e of exits) {
      const b = symbolOf.get(e.to);
      if (!b) continue;
      const edge: Edge = { from: a.activity, to: b.activity, kind: e.kind, label: e.label, parts: [] };
      let side: 'bottom' | 'left' | 'right' = e === bottomExit ? 'bottom' : b.cx < a.cx ? 'left' : 'right';
      if (side !== 'bottom' && usedSides.has(side)) side = side === 'right' ? 'left' : 'right';
      usedSides.add(side);
      const start = exitPoint(a, side);
      const labelAt: Point | undefined = e.label ? (side === 'bottom' ? [start[0] + 4, start[1] + 9] : [start[0] + (side === 'right' ? 3 : -3), start[1] - 4]) : undefined;

      if (a.page === b.page) {
        const forward = b.cy > a.cy;
        const adjacent = rowOf.get(b.activity)!.index === rowOf.get(a.activity)!.index + 1;
        let points: Point[];
        if (side === 'bottom' && forward && (adjacent || (a.column === b.column && columnClear(a.column, a.page, a.cy, b.cy)))) {
          if (a.column === b.column) points = [start, [b.cx, b.cy - b.h / 2]];
          else {
            const rowBottom = r.y + r.height;
            const elbow = start[1] + (rowBottom - start[1]) / 2;
            points = [start, [a.cx, elbow], [b.cx, elbow], [b.cx, b.cy - b.h / 2]];
          }
        } else if (forward && a.column !== b.column && columnClear(b.column, b.page, a.cy, b.cy)) {
          const from = side === 'bottom' ? exitPoint(a, b.cx < a.cx ? 'left' : 'right') : start;
          points = [from, [b.cx, from[1]], [b.cx, b.cy - b.h / 2]];
        } else {
          const laneSide = side === 'left' ? 'left' : 'right';
          const lane = laneX(b, laneSide);
          const from = side === 'bottom' ? exitPoint(a, laneSide) : start;
          points = [from, [lane, from[1]], [lane, b.cy], [b.cx + (laneSide === 'right' ? b.w / 2 : -b.w / 2), b.cy]];
        }
        edge.parts.push({ page: a.page, points, arrow: true, labelAt });
      } else {
        // Across a page break: down to an off-page connector at the foot of this page, and from
        // the matching connector at the head of the target's page.
        const label = String.fromCharCode(65 + (connectorSeq % 26)) + (connectorSeq >= 26 ? String(Math.floor(connectorSeq / 26)) : '');
        connectorSeq += 1;
        const srcPage = pages[a.page];
        const outKey = `${a.page}:${a.column}`;
        const outN = outCount.get(outKey) ?? 0;
        outCount.set(outKey, outN + 1);
        const clearBelow = columnClear(a.column, a.page, a.cy, srcPage.tableBottom + BAND);
        const ox = (side === 'bottom' && clearBelow ? a.cx : laneX(a, side === 'left' ? 'left' : 'right')) + outN * 20 * (side === 'left' ? 1 : side === 'right' ? -1 : 1);
        const oy = srcPage.tableBottom + BAND / 2;
        const from = side === 'bottom' && !clearBelow ? exitPoint(a, 'right') : start;
        const outPoints: Point[] = from[0] === ox ? [from, [ox, oy - 9]] : [from, [ox, from[1]], [ox, oy - 9]];
        edge.parts.push({ page: a.page, points: outPoints, arrow: true, labelAt });
        connectors.push({ label, page: a.page, direction: 'out', cx: ox, cy: oy, from: a.activity, to: b.activity });

        const dstPage = pages[b.page];
        const inKey = `${b.page}:${b.column}`;
        const inN = inCount.get(inKey) ?? 0;
        inCount.set(inKey, inN + 1);
        const firstRowY = headerBottom + (dstPage.topBand ? BAND : 0);
        const clearAbove = columnClear(b.column, b.page, firstRowY - 1, b.cy);
        const ix = (clearAbove ? b.cx : laneX(b, 'right')) - inN * 20;
        const iy = headerBottom + BAND / 2;
        const inPoints: Point[] =
          clearAbove && ix === b.cx
            ? [
                [ix, iy + 9],
                [b.cx, b.cy - b.h / 2],
              ]
            : [
                [ix, iy + 9],
                [ix, b.cy],
                [b.cx + b.w / 2, b.cy],
              ];
        edge.parts.push({ page: b.page, points: inPoints, arrow: true });
        connectors.push({ label, page: b.page, direction: 'in', cx: ix, cy: iy, from: a.activity, to: b.activity });
      }
      edges.push(edge);
    }
  }
  return { columns, executorColumns, headerRow2, headerBottom, pages, symbols, edges, connectors };
}
