/**
 * Case files hold personal data (KTP, KK, doctor's letters): /uploads answers 404 for them, as
 * for a file that does not exist; staff who may see the case read them through
 * GET /api/panel/cases/:id/files/:fileId. Other uploads (an office logo) stay public.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import { startServer, type TestServer } from '../helpers/strapi';
import { Logins, newApplicant, openCase, villageOf, type Staff } from './helpers';

const sharp = require('sharp');
const SERVICE = 'tarakan-peralihan-pbi-pemda';
let server: TestServer;
let logins: Logins;
let petugas: Staff;
let caseId: string;
let ktp: { id: number; url: string; name: string };
const ktpBytes = new TextEncoder().encode(`%PDF-1.4\n1 0 obj <<>> endobj\n% KTP ${Math.random()}\ntrailer <<>>\n%%EOF\n`);

let uploadUrl: string;
const bytesOf = async (res: Response) => new Uint8Array(await res.arrayBuffer());
const fileUrl = (id: string, fileId: number | string) => `/api/panel/cases/${id}/files/${fileId}`;

beforeAll(async () => {
  server = await startServer();
  logins = new Logins(server);
  petugas = await logins.as('tarakan.petugas');
  const opened = await openCase(petugas, SERVICE, newApplicant(await villageOf(server, 'tarakan.desa1')));
  caseId = opened.case.documentId;
  await petugas.ok(caseId, 'complete');
  const r = await petugas.upload(caseId, { name: 'ktp-kk.pdf', type: 'application/pdf', bytes: ktpBytes }, { key: 'ktp-kk' });
  expect(r.status).toBe(200);
  ktp = r.body.data.case.checklist.find((i: any) => i.key === 'ktp-kk').file;
  // The case view links the staff route; the file itself still sits under /uploads.
  expect(ktp.url).toBe(fileUrl(caseId, ktp.id));
  uploadUrl = (await server.strapi.db.query('plugin::upload.file').findOne({ where: { id: ktp.id } })).url;
  expect(uploadUrl).toMatch(/^\/uploads\/.+\.pdf$/);
});
afterAll(async () => {
  await server?.stop();
});

test('an uploaded requirement document is not served by /uploads: 404 exactly like a missing file', async () => {
  const absent = await server.http(`/uploads/tidak_ada_0123456789.pdf`);
  const res = await server.http(uploadUrl);
  expect(res.status).toBe(404);
  expect(res.status).toBe(absent.status);
  expect(await res.text()).toBe(await absent.text());
  expect(res.headers.get('content-type')).toBe(absent.headers.get('content-type'));
  // Not with a staff token either (the route is public), nor by HEAD or an encoded path.
  expect((await server.http(uploadUrl, { token: petugas.token })).status).toBe(404);
  expect((await server.http(uploadUrl, { method: 'HEAD' })).status).toBe(404);
  expect((await server.http(uploadUrl.replace('/uploads/', '/%75ploads/'))).status).toBe(404);
  expect((await server.http(uploadUrl.replace('.pdf', '%2Epdf'))).status).toBe(404);
  // The file is really there: staff read the same bytes through the scoped route.
  const stored = path.join(server.strapi.dirs.static.public, uploadUrl);
  expect(new Uint8Array(fs.readFileSync(stored))).toEqual(ktpBytes);
});

test('the /uploads lookup is indexed: files.hash has an index (the morph table is indexed on file_id)', async () => {
  const knex = server.strapi.db.connection;
  const client = knex.client.config.client;
  const names =
    client === 'sqlite' || client === 'better-sqlite3'
      ? (await knex.raw(`select name from sqlite_master where type = 'index' and tbl_name = 'files'`)).map((r: any) => r.name)
      : (await knex.raw(`select indexname as name from pg_indexes where tablename = 'files'`)).rows.map((r: any) => r.name);
  expect(names).toContain('upload_files_hash_index');
});

test('staff who may see the case read the file inline, uncached, with its type and name', async () => {
  for (const username of ['tarakan.petugas', 'tarakan.desa1']) {
    const staff = await logins.as(username);
    const res = await server.http(fileUrl(caseId, ktp.id), { token: staff.token });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe(`inline; filename="${ktp.name}"`);
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    expect(await bytesOf(res)).toEqual(ktpBytes);
  }
});

test('others get nothing: another office, another village, no token, a file of another case, a bad id', async () => {
  for (const username of ['magetan.petugas', 'tarakan.desa2']) {
    const staff = await logins.as(username);
    const res = await server.http(fileUrl(caseId, ktp.id), { token: staff.token });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).not.toBe('application/pdf');
  }
  const anonymous = await server.http(fileUrl(caseId, ktp.id));
  expect(anonymous.status).toBe(401);

  // A file of another case the same user may see is not served under this case.
  const other = await openCase(petugas, SERVICE, newApplicant(await villageOf(server, 'tarakan.desa1')));
  const wrongCase = await server.http(fileUrl(other.case.documentId, ktp.id), { token: petugas.token });
  expect(wrongCase.status).toBe(404);
  const bad = await petugas.get(fileUrl(caseId, 'abc'));
  expect(bad.status).toBe(400);
  expect(bad.body.error.details.errors[0].path).toEqual(['fileId']);
});

test('image formats of a case photo (thumbnail_, small_) are private too', async () => {
  const photo = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#336699' } }).jpeg().toBuffer();
  const r = await petugas.upload(caseId, { name: 'rumah.jpg', type: 'image/jpeg', bytes: photo }, { note: 'Foto rumah' });
  expect(r.status).toBe(200);
  const att = r.body.data.case.attachments.find((f: any) => f.name === 'rumah.jpg');
  const row = await server.strapi.db.query('plugin::upload.file').findOne({ where: { id: att.id } });
  const formats = Object.values(row.formats ?? {}) as any[];
  expect(formats.map((f) => f.url)).toEqual(expect.arrayContaining([expect.stringMatching(/^\/uploads\/thumbnail_/), expect.stringMatching(/^\/uploads\/small_/)]));
  for (const url of [row.url, ...formats.map((f) => f.url)]) {
    expect(fs.existsSync(path.join(server.strapi.dirs.static.public, url))).toBe(true);
    expect((await server.http(url)).status).toBe(404);
  }
  const res = await server.http(fileUrl(caseId, att.id), { token: petugas.token });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('image/jpeg');
  expect(await bytesOf(res)).toEqual(new Uint8Array(photo));
});

test("the upload plugin's REST API does not list or read case files", async () => {
  // (Without a token: 401, since users-permissions' Public role grants nothing at all.)
  for (const [token, refused] of [[undefined, 401], [petugas.token, 403]] as const) {
    const list = await server.http('/api/upload/files', { token });
    expect(list.status).toBe(refused);
    const one = await server.http(`/api/upload/files/${ktp.id}`, { token });
    expect(one.status).toBe(refused);
    expect(await one.text()).not.toContain(path.basename(uploadUrl, '.pdf'));
  }
});

test('a public file not linked to a case (an office logo) is still served from /uploads', async () => {
  const png: Buffer = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#008040' } }).png().toBuffer();
  const tmp = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'logo-')), 'logo.png');
  fs.writeFileSync(tmp, png);
  const [logo] = await server.strapi
    .plugin('upload')
    .service('upload')
    .upload({ data: { fileInfo: { name: 'logo.png' } }, files: { filepath: tmp, originalFilename: 'logo.png', mimetype: 'image/png', size: png.length } });
  const office = await server.strapi.db.query('api::office.office').findOne({ where: { code: 'tarakan' } });
  await server.strapi.db.query('api::office.office').update({ where: { id: office.id }, data: { logo: logo.id } });
  const res = await server.http(logo.url);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('image/png');
  // (The plugin may optimise the image: compare with what it stored.)
  expect(await bytesOf(res)).toEqual(new Uint8Array(fs.readFileSync(path.join(server.strapi.dirs.static.public, logo.url))));
  // ...but not through the case route: it is not the case's file.
  expect((await server.http(fileUrl(caseId, logo.id), { token: petugas.token })).status).toBe(404);
});
