/**
 * Case files hold personal data (KTP, KK, doctor's letters): they are records of
 * api::case-file.case-file with their bytes in the private store (DATA_DIR/files/private), never
 * upload-plugin files, so nothing under /uploads can serve them; staff who may see the case read
 * them through GET /api/panel/cases/:id/files/:fileId. Media Library files (an office logo) stay public.
 */
import { createHash } from 'crypto';
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

const bytesOf = async (res: Response) => new Uint8Array(await res.arrayBuffer());
const fileUrl = (id: string, fileId: number | string) => `/api/panel/cases/${id}/files/${fileId}`;
const dataDir = () => process.env.DATA_DIR!;
const record = (id: number) => server.strapi.db.query('api::case-file.case-file').findOne({ where: { id } });

/** Every file under `dir` whose bytes are `bytes`. */
function copiesIn(dir: string, bytes: Uint8Array): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true }) as string[]).map((f) => path.join(dir, f)).filter((f) => fs.statSync(f).isFile() && Buffer.from(fs.readFileSync(f)).equals(Buffer.from(bytes)));
}

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
  // The case view links the staff route, nothing else.
  expect(ktp.url).toBe(fileUrl(caseId, ktp.id));
});
afterAll(async () => {
  await server?.stop();
});

test('a requirement document is kept in the private store under DATA_DIR, never in the Media Library or under /uploads', async () => {
  const row = await record(ktp.id);
  const stored = path.join(dataDir(), 'files', 'private', row.storageKey);
  expect(new Uint8Array(fs.readFileSync(stored))).toEqual(ktpBytes);
  // Readable by the server's account only.
  expect(fs.statSync(stored).mode & 0o077).toBe(0);
  expect(copiesIn(path.join(dataDir(), 'files', 'private'), ktpBytes)).toEqual([stored]);
  expect(copiesIn(path.join(dataDir(), 'uploads'), ktpBytes)).toEqual([]);
  expect(copiesIn(path.join(server.strapi.dirs.static.public, 'uploads'), ktpBytes)).toEqual([]);
  expect(await server.strapi.db.query('plugin::upload.file').count({ where: { name: ktp.name } })).toBe(0);
  // The storage key names nothing /uploads would serve either.
  expect((await server.http(`/uploads/${path.basename(row.storageKey)}`)).status).toBe(404);
});

test('the record keeps the size and SHA-256 of the bytes, and the key stays private to the server', async () => {
  const row = await record(ktp.id);
  expect(row).toMatchObject({ name: 'ktp-kk.pdf', mime: 'application/pdf', size: ktpBytes.length, checklistKey: 'ktp-kk', officeCode: 'tarakan' });
  expect(row.sha256).toBe(createHash('sha256').update(ktpBytes).digest('hex'));
  const view = await petugas.view(caseId);
  expect(JSON.stringify(view)).not.toContain(row.storageKey);
  expect(JSON.stringify(view)).not.toContain(row.sha256);
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

test('every read is in the privacy log (who, which case, which file), whatever the role; a refused one is not', async () => {
  const logged = () =>
    server.strapi.db
      .connection('access_logs')
      .where({ kind: 'case-file', route: `GET ${fileUrl(caseId, ktp.id)}` })
      .select('username');
  const before = (await logged()).length;
  for (const username of ['tarakan.petugas', 'tarakan.desa1', 'tarakan.desa2']) await server.http(fileUrl(caseId, ktp.id), { token: (await logins.as(username)).token });
  const after = (await logged()).slice(before).map((r: { username: string }) => r.username);
  expect(after).toEqual(['tarakan.petugas', 'tarakan.desa1']);
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

test('a case photo is kept as uploaded: no thumbnails or other formats are made anywhere', async () => {
  const photo: Buffer = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#336699' } })
    .jpeg()
    .toBuffer();
  const uploadsBefore = fs.existsSync(path.join(dataDir(), 'uploads')) ? fs.readdirSync(path.join(dataDir(), 'uploads')).length : 0;
  const r = await petugas.upload(caseId, { name: 'rumah.jpg', type: 'image/jpeg', bytes: photo }, { note: 'Foto rumah' });
  expect(r.status).toBe(200);
  const att = r.body.data.case.attachments.find((f: any) => f.name === 'rumah.jpg');
  expect((await record(att.id)).checklistKey).toBeNull();
  expect(fs.existsSync(path.join(dataDir(), 'uploads')) ? fs.readdirSync(path.join(dataDir(), 'uploads')).length : 0).toBe(uploadsBefore);
  const res = await server.http(fileUrl(caseId, att.id), { token: petugas.token });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('image/jpeg');
  // Inert even opened on its own: no sniffing, a sandbox (a PDF keeps the app's CSP for the browser's viewer).
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
  expect(await bytesOf(res)).toEqual(new Uint8Array(photo));
});

test("the upload plugin's REST API does not list or read case files", async () => {
  // (Without a token: 401, since users-permissions' Public role grants nothing at all.)
  for (const [token, refused] of [
    [undefined, 401],
    [petugas.token, 403],
  ] as const) {
    const list = await server.http('/api/upload/files', { token });
    expect(list.status).toBe(refused);
    const one = await server.http(`/api/upload/files/${ktp.id}`, { token });
    expect(one.status).toBe(refused);
    expect(await one.text()).not.toContain('ktp-kk');
  }
});

test('a Media Library file (an office logo) is still served from /uploads, from DATA_DIR', async () => {
  const png: Buffer = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#008040' } })
    .png()
    .toBuffer();
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
  expect(await bytesOf(res)).toEqual(new Uint8Array(fs.readFileSync(path.join(dataDir(), 'uploads', path.basename(logo.url)))));
});
