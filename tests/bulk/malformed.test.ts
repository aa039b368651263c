/**
 * Malformed uploads: each gets a clear report (or a 4xx naming the problem) and changes
 * nothing in the database.
 */
import crypto from 'crypto';
import { startServer, type TestServer } from '../helpers/strapi';
import { Logins, villageOf, type Staff } from '../engine/helpers';
import { counts, csvOf, HEADERS, importFile, people, reportOf, rowOf, SERVICE, upload, xlsxOf, zipBomb } from './support';

let server: TestServer;
let desa1: Staff;
let village: string;
let before: Record<string, number>;

beforeAll(async () => {
  server = await startServer();
  desa1 = await new Logins(server).as('magetan.desa1');
  village = await villageOf(server, 'magetan.desa1');
  before = await counts(server.strapi);
});
afterAll(async () => {
  await server?.stop();
});
afterEach(async () => {
  expect(await counts(server.strapi)).toEqual(before);
});

async function refused(name: string, bytes: Buffer) {
  const job = await importFile(desa1, { name, bytes }, { kind: 'form35', service: SERVICE });
  expect(job.status).toBe('failed');
  expect(job.rowsWritten).toBe(0);
  expect(job.hasReport).toBe(true);
  const problems = await reportOf(desa1, job.id);
  expect(problems.length).toBeGreaterThan(0);
  return { job, problems };
}

test('missing columns are named', async () => {
  const headers = HEADERS.filter((h) => h !== 'Nama' && h !== 'No KK');
  const rows = people(3, village).map((p, i) => rowOf(p, i).filter((_, k) => HEADERS[k] !== 'Nama' && HEADERS[k] !== 'No KK'));
  const { problems } = await refused('kurang.xlsx', await xlsxOf(rows, { headers }));
  expect(problems.map((p) => p.field).sort()).toEqual(['Nama', 'No KK']);
  expect(problems[0].problem).toMatch(/tidak ada pada baris judul/);
});

test('a sheet with other columns (no NIK header) is not taken for a Form 35', async () => {
  const { problems } = await refused('lain.csv', csvOf([['1', 'a', 'b']], ['Kode', 'Uraian', 'Jumlah']));
  expect(problems[0]).toMatchObject({ field: 'NIK', problem: expect.stringMatching(/Baris judul dengan kolom "NIK" tidak ditemukan/) });
});

test('a CSV that is not UTF-8, or is UTF-16, is refused with how to save it', async () => {
  const latin1 = Buffer.from(csvOf(people(2, village).map(rowOf)).toString('utf8').replace('WARGA', 'WARGÁ'), 'latin1');
  const { problems } = await refused('latin1.csv', latin1);
  expect(problems[0]).toMatchObject({ field: 'berkas', problem: expect.stringMatching(/bukan UTF-8.*CSV UTF-8/) });
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csvOf(people(2, village).map(rowOf)).toString('utf8'), 'utf16le')]);
  expect((await refused('utf16.csv', utf16)).problems[0].problem).toMatch(/UTF-16/);
  expect((await refused('biner.xlsx', crypto.randomBytes(5000))).problems[0].problem).toMatch(/bukan file Excel/);
});

test('formulas are refused cell by cell', async () => {
  const list = people(3, village);
  const bytes = await xlsxOf(list.map(rowOf), {
    edit: (ws) => {
      ws.getCell('D3').value = { formula: 'UPPER("siti")', result: 'SITI' } as any;
    },
  });
  const { problems } = await refused('rumus.xlsx', bytes);
  expect(problems).toEqual([{ row: 3, field: 'Nama', problem: expect.stringMatching(/rumus \(formula\)/) }]);
  const csv = csvOf(list.map(rowOf).map((r, i) => (i === 1 ? r.map((c, k) => (k === 3 ? '=HYPERLINK("x")' : c)) : r)));
  expect((await refused('rumus.csv', csv)).problems).toEqual([{ row: 3, field: 'Nama', problem: expect.stringMatching(/rumus/) }]);
});

test('merged cells leave the other rows empty and say so', async () => {
  const list = people(3, village);
  const bytes = await xlsxOf(list.map(rowOf), {
    edit: (ws) => {
      ws.mergeCells('J2:J4');
    },
  });
  const { problems } = await refused('merge.xlsx', bytes);
  expect(problems.map((p) => [p.row, p.field, p.row === 0 ? p.problem : ''])).toEqual([
    [3, 'Desa/Kelurahan', ''],
    [4, 'Desa/Kelurahan', ''],
  ]);
  expect(problems[0].problem).toMatch(/digabung\/merge/);
});

test('an empty sheet, an empty file and NIKs stored as numbers', async () => {
  expect((await refused('kosong.xlsx', await xlsxOf([], { headers: [] }))).problems[0].problem).toMatch(/tidak ditemukan/);
  expect((await refused('judul.csv', csvOf([]))).problems[0].problem).toMatch(/tidak berisi baris data/);
  const empty = await upload(desa1, { name: 'nol.csv', bytes: Buffer.alloc(0) }, { kind: 'form35', service: SERVICE });
  expect([empty.status, empty.body.error.details.field]).toEqual([400, 'file']);
  const list = people(2, village);
  const bytes = await xlsxOf(list.map(rowOf).map((r) => r.map((c, k) => (k === 1 ? Number(c) : c))));
  const { problems } = await refused('angka.xlsx', bytes);
  expect(problems[0]).toMatchObject({ row: 2, field: 'NIK', problem: expect.stringMatching(/tersimpan sebagai angka/) });
});

test('a zip bomb is refused before it is inflated', async () => {
  const bomb = zipBomb(64 * 1024 * 1024);
  expect(bomb.length).toBeLessThan(1024 * 1024);
  const { problems } = await refused('bom.xlsx', bomb);
  expect(problems[0]).toMatchObject({ field: 'berkas', problem: expect.stringMatching(/mengembang \d+ kali lipat/) });
});

test('a file over the size limit is a 413 with a message', async () => {
  const big = Buffer.alloc(51 * 1024 * 1024, 0x41);
  const r = await upload(desa1, { name: 'besar.csv', bytes: big }, { kind: 'form35', service: SERVICE });
  expect(r.status).toBe(413);
  expect(r.body.message).toMatch(/terlalu besar: maksimal 50 MB/);
  expect(r.body.error.details.field).toBe('file');
});
