/**
 * Helpers of the bulk-data suites: Form 35 files (xlsx through exceljs, csv as text), uploads
 * over HTTP as the panel sends them (multipart), and waiting for a job to finish.
 */
import { deflateRawSync } from 'zlib';
import ExcelJS from 'exceljs';
import { makeNik } from '../../cms/src/core/nik';
import { FORM35_COLUMNS } from '../../cms/src/modules/bulk/form35';
import type { Staff } from '../engine/helpers';

export const SERVICE = 'magetan-pengusulan-pbi-d';
export const HEADERS = FORM35_COLUMNS.map((c) => c.header);

export interface Person {
  nik: string;
  kk: string;
  name: string;
  birthPlace: string;
  birthDate: string; // YYYY-MM-DD
  sex: 'L' | 'P';
  address: string;
  village: string; // code or name
  district: string;
  phone: string;
}

let serial = 1000 + Math.floor(Math.random() * 5000);

/** People with valid synthetic NIKs living in a village (code "35.20.06.2001"). */
export function people(n: number, villageCode: string, district = ''): Person[] {
  const out: Person[] = [];
  for (let i = 0; i < n; i += 1) {
    serial += 1;
    const female = serial % 2 === 0;
    const birthDate = `19${50 + (serial % 50)}-${String(1 + (serial % 12)).padStart(2, '0')}-${String(1 + (serial % 28)).padStart(2, '0')}`;
    out.push({
      nik: makeNik(villageCode.slice(0, 8), birthDate, female ? 'female' : 'male', serial),
      kk: `${villageCode.replace(/\./g, '').slice(0, 6)}01012${String(serial).padStart(5, '0')}`,
      name: `WARGA UJI ${serial}`,
      birthPlace: 'MAGETAN',
      birthDate,
      sex: female ? 'P' : 'L',
      address: `Dusun Krajan No ${serial % 200}`,
      village: villageCode,
      district,
      phone: `0812${String(serial).padStart(8, '0')}`,
    });
  }
  return out;
}

const dmy = (iso: string) => `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;

export function rowOf(p: Person, i: number): unknown[] {
  return [i + 1, p.nik, p.kk, p.name, p.birthPlace, dmy(p.birthDate), p.sex, p.address, '', p.village, p.district, p.phone, ''];
}

export function csvOf(rows: unknown[][], headers = HEADERS, delimiter = ';'): Buffer {
  const line = (cells: unknown[]) => cells.map((c) => (c === null || c === undefined ? '' : String(c))).join(delimiter);
  return Buffer.from([line(headers), ...rows.map(line)].join('\r\n') + '\r\n', 'utf8');
}

/** An xlsx of rows (below an optional title); `edit` can change the sheet (formulas, merges). */
export async function xlsxOf(rows: unknown[][], options: { headers?: string[]; title?: boolean; edit?: (ws: ExcelJS.Worksheet) => void } = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Form 35');
  if (options.title) {
    ws.addRow(['FORMULIR 35 - USULAN PBI-D']);
    ws.addRow([]);
  }
  ws.addRow(options.headers ?? HEADERS);
  for (const r of rows) ws.addRow(r);
  options.edit?.(ws);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A zip with a tiny workbook part and one sheet part that inflates `inflated` bytes of zeros. */
export function zipBomb(inflated: number): Buffer {
  const entries = [
    { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
    { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(inflated, 0x20) },
  ];
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const compressed = deflateRawSync(e.data, { level: 9 });
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(e.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, compressed);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(e.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + compressed.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

export interface UploadReply {
  status: number;
  body: any;
}

export async function upload(staff: Staff, file: { name: string; bytes: Buffer }, fields: Record<string, string>): Promise<UploadReply> {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  form.set('file', new Blob([new Uint8Array(file.bytes)]), file.name);
  const res = await staff.server.http('/api/panel/imports', { method: 'POST', token: staff.token, body: form });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

/** Polls a job until it leaves queued/running. */
export async function finished(staff: Staff, id: string, timeoutMs = 120_000): Promise<any> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const r = await staff.get(`/api/panel/jobs/${id}`);
    if (r.status !== 200) throw new Error(`job ${id}: ${r.status} ${JSON.stringify(r.body)}`);
    if (!['queued', 'running'].includes(r.body.status)) return r.body;
    if (Date.now() > until) throw new Error(`job ${id} still ${r.body.status}`);
    await new Promise((res) => setTimeout(res, 150));
  }
}

/** Uploads and waits; fails the test when the upload itself is refused. */
export async function importFile(staff: Staff, file: { name: string; bytes: Buffer }, fields: Record<string, string>): Promise<any> {
  const r = await upload(staff, file, fields);
  if (r.status !== 202) throw new Error(`import ${file.name}: ${r.status} ${JSON.stringify(r.body)}`);
  return finished(staff, r.body.id);
}

export async function reportOf(staff: Staff, id: string): Promise<any[]> {
  const r = await staff.get(`/api/panel/jobs/${id}/report?format=json`);
  if (r.status !== 200) throw new Error(`report ${id}: ${r.status}`);
  return r.body.data.problems;
}

export async function download(staff: Staff, path: string): Promise<{ status: number; type: string | null; bytes: Buffer }> {
  const res = await staff.server.http(path, { token: staff.token });
  return { status: res.status, type: res.headers.get('content-type'), bytes: Buffer.from(await res.arrayBuffer()) };
}

/** Row counts of the tables an import writes, to show that a refused one changed nothing. */
export async function counts(strapi: any): Promise<Record<string, number>> {
  const knex = strapi.db.connection;
  const out: Record<string, number> = {};
  for (const t of ['applicants', 'cases', 'case_events']) out[t] = Number((await knex(t).count({ n: '*' }))[0].n);
  return out;
}

/**
 * Many distinct people (unique NIKs: birth date and serial vary together) spread over the
 * given villages, as Form 35 rows.
 */
export function manyRows(n: number, villages: string[], serialBase = 100): unknown[][] {
  const rows: unknown[][] = new Array(n);
  const base = Date.UTC(1950, 0, 1);
  for (let i = 0; i < n; i += 1) {
    const v = villages[i % villages.length];
    const k = Math.floor(i / villages.length);
    const birth = new Date(base + (k % 18000) * 86_400_000).toISOString().slice(0, 10);
    const female = k % 2 === 1;
    const nik = makeNik(v.slice(0, 8), birth, female ? 'female' : 'male', serialBase + Math.floor(k / 18000));
    rows[i] = [
      i + 1,
      nik,
      `${nik.slice(0, 6)}0101${String(i).padStart(6, '0')}`,
      `WARGA MASSAL ${i}`,
      'MAGETAN',
      `${birth.slice(8, 10)}-${birth.slice(5, 7)}-${birth.slice(0, 4)}`,
      female ? 'P' : 'L',
      `Dusun ${i % 50}`,
      `00${(i % 9) + 1}/00${(i % 5) + 1}`,
      v,
      '',
      `0813${String(i).padStart(8, '0')}`,
      '',
    ];
  }
  return rows;
}

/** Waits (at most `ms`) until `ok()` holds; the caller asserts what it needs afterwards. */
export async function until(ok: () => boolean, ms = 20_000): Promise<void> {
  for (const end = Date.now() + ms; !ok() && Date.now() < end;) await new Promise((r) => setTimeout(r, 50));
}
