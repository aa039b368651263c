/**
 * Case files in their private store: a file no case links any more is deleted (record and
 * bytes), never left behind where something could serve it. Over the staff API.
 */
import fs from 'fs';
import path from 'path';
import { startServer, type TestServer } from '../helpers/strapi';
import { Logins, newApplicant, openCase, villageOf, type Staff } from '../engine/helpers';
import { Readable } from 'stream';
import { codeTreeUploads, samples } from './files-support';

const SERVICE = 'tarakan-peralihan-pbi-pemda';
let server: TestServer;
let logins: Logins;
let petugas: Staff;

beforeAll(async () => {
  server = await startServer();
  logins = new Logins(server);
  petugas = await logins.as('tarakan.petugas');
});
afterAll(async () => {
  await server?.stop();
});

const fileUrl = (caseId: string, fileId: number) => `/api/panel/cases/${caseId}/files/${fileId}`;
const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));

/** Every file under `dir`, at any depth. */
function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true }) as string[]).map((f) => path.join(dir, f)).filter((f) => fs.statSync(f).isFile());
}

async function caseAtChecklist(): Promise<string> {
  const opened = await openCase(petugas, SERVICE, newApplicant(await villageOf(server, 'tarakan.desa1')));
  await petugas.ok(opened.case.documentId, 'complete');
  return opened.case.documentId;
}

test('a checklist document replaced by a second upload is deleted: its record, its bytes, and no URL serves it', async () => {
  const id = await caseAtChecklist();
  const first = samples.pdf();
  const second = samples.pdf();
  const r1 = await petugas.upload(id, { name: 'ktp-lama.pdf', type: 'application/pdf', bytes: first }, { key: 'ktp-kk' });
  expect(r1.status).toBe(200);
  const old = r1.body.data.case.checklist.find((i: any) => i.key === 'ktp-kk').file;
  const r2 = await petugas.upload(id, { name: 'ktp-baru.pdf', type: 'application/pdf', bytes: second }, { key: 'ktp-kk' });
  expect(r2.status).toBe(200);
  const now = r2.body.data.case.checklist.find((i: any) => i.key === 'ktp-kk').file;
  expect(now.name).toBe('ktp-baru.pdf');

  // The new one is read through the staff route; the old one is gone from it.
  const current = await server.http(fileUrl(id, now.id), { token: petugas.token });
  expect(same(new Uint8Array(await current.arrayBuffer()), second)).toBe(true);
  expect((await server.http(fileUrl(id, old.id), { token: petugas.token })).status).toBe(404);

  // No copy of the old bytes is left anywhere the server keeps files, and none is served by /uploads.
  const places = [...filesUnder(process.env.DATA_DIR!), ...filesUnder(codeTreeUploads(server))];
  const copies = places.filter((f) => same(new Uint8Array(fs.readFileSync(f)), first));
  for (const f of copies) expect((await server.http(`/uploads/${path.basename(f)}`)).status).not.toBe(200);
  expect(copies).toEqual([]);
  expect(await server.strapi.db.query('api::case-file.case-file').count({ where: { id: old.id } })).toBe(0);

  // The history says what was replaced.
  const timeline = (await petugas.get(`/api/panel/cases/${id}/timeline`)).body.data;
  const attach = timeline.events.filter((e: any) => e.action === 'attach').pop();
  expect(attach.data).toMatchObject({ key: 'ktp-kk', file: { id: now.id, name: 'ktp-baru.pdf' }, replaces: old.id });
});

test('an upload that loses the version race leaves no record and no bytes', async () => {
  const id = await caseAtChecklist();
  const bytes = samples.pdf();
  const before = await server.strapi.db.query('api::case-file.case-file').count({});
  const stale = await petugas.upload(id, { name: 'ktp.pdf', type: 'application/pdf', bytes }, { key: 'ktp-kk' }, 1);
  expect(stale.status).toBe(409);
  expect(await server.strapi.db.query('api::case-file.case-file').count({})).toBe(before);
  expect(filesUnder(path.join(process.env.DATA_DIR!, 'files', 'private')).filter((f) => same(new Uint8Array(fs.readFileSync(f)), bytes))).toEqual([]);
});

test('a deleted letter takes its files along (record and bytes)', async () => {
  const magetan = await logins.as('magetan.petugas');
  const opened = await openCase(await logins.as('magetan.desa1'), 'magetan-pengusulan-pbi-d', newApplicant(await villageOf(server, 'magetan.desa1')));
  const created = await server.http('/api/panel/letters', { method: 'POST', token: magetan.token, json: { kind: 'reaktivasi', subject: 'Uji berkas surat', case: opened.case.documentId } });
  expect(created.status).toBe(201);
  const body: any = await created.json();
  const letter = body.data ?? body;
  const letterRow = await server.strapi.db.query('api::letter.letter').findOne({ where: { documentId: letter.id } });
  // A letter's scan, as an older install may hold one (nothing in the app writes them today).
  const { caseFiles } = await import('../../cms/src/modules/files');
  const bytes = samples.pdf();
  const stored = await caseFiles().put(Readable.from([Buffer.from(bytes)]));
  const record = await server.strapi.db.query('api::case-file.case-file').create({
    data: { name: 'surat.pdf', mime: 'application/pdf', size: stored.size, sha256: stored.sha256, storageKey: stored.key, officeCode: 'magetan', letter: letterRow.id },
  });
  const objectPath = path.join(process.env.DATA_DIR!, 'files', 'private', stored.key);
  expect(fs.existsSync(objectPath)).toBe(true);

  const removed = await server.http(`/api/panel/letters/${letter.id}`, { method: 'DELETE', token: magetan.token });
  expect(removed.status).toBe(200);
  expect(await server.strapi.db.query('api::case-file.case-file').count({ where: { id: record.id } })).toBe(0);
  // The bytes go once the delete has committed (right after the answer).
  for (const until = Date.now() + 5000; fs.existsSync(objectPath) && Date.now() < until;) await new Promise((r) => setTimeout(r, 20));
  expect(fs.existsSync(objectPath)).toBe(false);
});
