/**
 * Media per office, over the CMS's admin API: an Admin Kantor sees and manages only its own
 * office's Media Library files and folders; case files (personal data) are never in the Media
 * Library at all, for anyone, the super admin included.
 */
import fs from 'fs';
import path from 'path';
import { startServer, type TestServer } from '../helpers/strapi';
import { Logins, newApplicant, openCase, villageOf } from '../engine/helpers';
import { admin, cmsLogin, mediaUpload, samples, uploadsDir } from './files-support';

let server: TestServer;
const tokens: Record<'magetan' | 'karangasem' | 'super', string> = { magetan: '', karangasem: '', super: '' };
let magetanFile: any;
let karangasemFile: any;

beforeAll(async () => {
  server = await startServer();
  tokens.magetan = await cmsLogin(server, 'magetan.admin@demo.layanan-pbi.id');
  tokens.karangasem = await cmsLogin(server, 'karangasem.admin@demo.layanan-pbi.id');
  tokens.super = await cmsLogin(server, 'admin@demo.layanan-pbi.id');
  [magetanFile] = (await mediaUpload(server, tokens.magetan, [{ name: 'logo-magetan.png', type: 'image/png', bytes: await samples.png('#0000aa') }])).body;
  [karangasemFile] = (await mediaUpload(server, tokens.karangasem, [{ name: 'logo-karangasem.png', type: 'image/png', bytes: await samples.png('#aa0000') }])).body;
});
afterAll(async () => {
  await server?.stop();
});

const list = async (token: string, query = '') => (await admin(server, token, 'GET', `/upload/files?pageSize=100${query}`)).body.results as any[];

test("a case's documents never enter the Media Library: no one lists them, not even the super admin", async () => {
  const logins = new Logins(server);
  const petugas = await logins.as('magetan.desa1');
  const opened = await openCase(petugas, 'magetan-pengusulan-pbi-d', newApplicant(await villageOf(server, 'magetan.desa1')));
  const id = opened.case.documentId;
  const key = opened.case.checklist[0].key;
  const up = await petugas.upload(id, { name: 'ktp-1.pdf', type: 'application/pdf', bytes: samples.pdf() }, { key });
  expect(up.status).toBe(200);
  for (const token of [tokens.karangasem, tokens.magetan, tokens.super]) {
    const files = await list(token);
    expect(files.map((f) => f.name)).not.toContain('ktp-1.pdf');
    expect(JSON.stringify(files)).not.toContain(opened.case.code);
  }
  expect(await server.strapi.db.query('plugin::upload.file').count({ where: { $or: [{ name: 'ktp-1.pdf' }, { caption: { $contains: opened.case.code } }] } })).toBe(0);
});

test('each office admin lists only its own office’s files; the super admin lists them all', async () => {
  expect(magetanFile.officeCode).toBe('magetan');
  expect(karangasemFile.officeCode).toBe('karangasem');
  const magetan = await list(tokens.magetan);
  expect(magetan.map((f) => f.id)).toContain(magetanFile.id);
  expect(magetan.map((f) => f.id)).not.toContain(karangasemFile.id);
  expect(new Set(magetan.map((f) => f.officeCode))).toEqual(new Set(['magetan']));
  // Asking for the other office's file by a filter finds nothing either.
  expect(await list(tokens.magetan, `&filters[id][$eq]=${karangasemFile.id}`)).toEqual([]);
  const all = (await list(tokens.super)).map((f) => f.id);
  expect(all).toEqual(expect.arrayContaining([magetanFile.id, karangasemFile.id]));
});

test("another office's file can't be read, edited, replaced, moved or deleted, one at a time or in bulk", async () => {
  const t = tokens.karangasem;
  const id = magetanFile.id;
  const attempts = [
    await admin(server, t, 'GET', `/upload/files/${id}`),
    await mediaUpload(server, t, [], [{ name: 'diubah.png' }], `?id=${id}`),
    await mediaUpload(server, t, [{ name: 'ganti.png', type: 'image/png', bytes: await samples.png('#00ff00') }], [{ name: 'ganti.png' }], `?id=${id}`),
    await admin(server, t, 'POST', '/upload/actions/bulk-update', { updates: [{ id, fileInfo: { name: 'diubah.png' } }] }),
    await admin(server, t, 'POST', '/upload/actions/bulk-move', { fileIds: [id], folderIds: [], destinationFolderId: null }),
    await admin(server, t, 'POST', '/upload/actions/bulk-delete', { fileIds: [id], folderIds: [] }),
    await admin(server, t, 'DELETE', `/upload/files/${id}`),
  ];
  expect(attempts.map((r) => r.status)).toEqual([403, 403, 403, 403, 403, 403, 403]);
  const row = await server.strapi.db.query('plugin::upload.file').findOne({ where: { id } });
  expect(row).toMatchObject({ name: 'logo-magetan.png', officeCode: 'magetan', hash: magetanFile.hash });
  expect(fs.existsSync(path.join(uploadsDir(), path.basename(magetanFile.url)))).toBe(true);
});

test('an office admin edits and deletes its own files (the bytes go too)', async () => {
  const t = tokens.magetan;
  const [own] = (await mediaUpload(server, t, [{ name: 'sementara.png', type: 'image/png', bytes: await samples.png('#0f0f0f') }])).body;
  const renamed = await mediaUpload(server, t, [], [{ name: 'sementara-2.png' }], `?id=${own.id}`);
  expect([renamed.status, renamed.body.name]).toEqual([200, 'sementara-2.png']);
  const deleted = await admin(server, t, 'DELETE', `/upload/files/${own.id}`);
  expect(deleted.status).toBe(200);
  expect(fs.existsSync(path.join(uploadsDir(), path.basename(own.url)))).toBe(false);
});

describe('folders', () => {
  let magetanFolder: any;
  let karangasemFolder: any;
  beforeAll(async () => {
    magetanFolder = (await admin(server, tokens.magetan, 'POST', '/upload/folders', { name: 'Logo Magetan', parent: null })).body.data;
    karangasemFolder = (await admin(server, tokens.karangasem, 'POST', '/upload/folders', { name: 'Logo Karangasem', parent: null })).body.data;
  });

  test('belong to the office of the admin who made them', () => {
    expect(magetanFolder).toMatchObject({ name: 'Logo Magetan', officeCode: 'magetan' });
    expect(karangasemFolder).toMatchObject({ name: 'Logo Karangasem', officeCode: 'karangasem' });
  });

  test('are listed, read and shown in the tree for their own office only; the super admin sees all', async () => {
    const names = async (token: string) => ((await admin(server, token, 'GET', '/upload/folders')).body.data as any[]).map((f) => f.name);
    expect(await names(tokens.karangasem)).toEqual(['Logo Karangasem']);
    expect(await names(tokens.super)).toEqual(expect.arrayContaining(['Logo Magetan', 'Logo Karangasem']));
    expect((await admin(server, tokens.karangasem, 'GET', `/upload/folders/${magetanFolder.id}`)).status).toBe(404);
    expect((await admin(server, tokens.karangasem, 'GET', `/upload/folders/${karangasemFolder.id}`)).body.data.name).toBe('Logo Karangasem');
    const tree = (await admin(server, tokens.karangasem, 'GET', '/upload/folder-structure')).body.data;
    expect(JSON.stringify(tree)).not.toContain('Logo Magetan');
    expect(JSON.stringify(tree)).toContain('Logo Karangasem');
  });

  test("another office's folder can't be renamed, used, moved into or deleted", async () => {
    const t = tokens.karangasem;
    const own = karangasemFile.id;
    const attempts = [
      await admin(server, t, 'PUT', `/upload/folders/${magetanFolder.id}`, { name: 'Diambil' }),
      await admin(server, t, 'PUT', `/upload/folders/${karangasemFolder.id}`, { name: 'Logo Karangasem', parent: magetanFolder.id }),
      await admin(server, t, 'POST', '/upload/folders', { name: 'Menumpang', parent: magetanFolder.id }),
      await mediaUpload(server, t, [{ name: 'titip.png', type: 'image/png', bytes: await samples.png('#121212') }], [{ name: 'titip.png', folder: magetanFolder.id }]),
      await mediaUpload(server, t, [], [{ name: 'logo-karangasem.png', folder: magetanFolder.id }], `?id=${own}`),
      await admin(server, t, 'POST', '/upload/actions/bulk-move', { fileIds: [own], folderIds: [], destinationFolderId: magetanFolder.id }),
      await admin(server, t, 'POST', '/upload/actions/bulk-delete', { fileIds: [], folderIds: [magetanFolder.id] }),
    ];
    expect(attempts.map((r) => r.status)).toEqual([404, 403, 403, 403, 403, 403, 403]);
    const folder = await server.strapi.db.query('plugin::upload.folder').findOne({ where: { id: magetanFolder.id } });
    expect(folder).toMatchObject({ name: 'Logo Magetan', officeCode: 'magetan' });
    expect(await server.strapi.db.query('plugin::upload.folder').count({ where: { name: 'Menumpang' } })).toBe(0);
    expect(await server.strapi.db.query('plugin::upload.file').count({ where: { name: 'titip.png' } })).toBe(0);
  });

  test('a folder of its own with another office’s file inside is not deleted wholesale', async () => {
    // Only the super admin can mix offices in a folder; the office admin may not delete what is not its own.
    await admin(server, tokens.super, 'POST', '/upload/actions/bulk-move', { fileIds: [magetanFile.id], folderIds: [], destinationFolderId: karangasemFolder.id });
    const r = await admin(server, tokens.karangasem, 'POST', '/upload/actions/bulk-delete', { fileIds: [], folderIds: [karangasemFolder.id] });
    expect(r.status).toBe(403);
    expect(await server.strapi.db.query('plugin::upload.file').count({ where: { id: magetanFile.id } })).toBe(1);
  });

  test('ids that are not ids are a 400 naming the field', async () => {
    const r = await admin(server, tokens.karangasem, 'POST', '/upload/actions/bulk-delete', { fileIds: ['1; drop table files'], folderIds: [] });
    expect(r.status).toBe(400);
    expect(r.body.error.details.field).toBe('fileIds');
    // The plugin's own routes handed such an id to the database (a 500 on PostgreSQL), for everyone.
    for (const token of [tokens.karangasem, tokens.super]) {
      for (const [method, url] of [
        ['GET', '/upload/files/abc'],
        ['DELETE', '/upload/files/1x'],
        ['GET', '/upload/folders/abc'],
        ['PUT', '/upload/folders/-1'],
      ]) {
        const res = await admin(server, token, method, url, method === 'PUT' ? { name: 'x' } : undefined);
        expect([method, url, res.status, res.body.error.details.field]).toEqual([method, url, 400, 'id']);
      }
      const replace = await mediaUpload(server, token, [], [{ name: 'x.png' }], '?id=abc');
      expect([replace.status, replace.body.error.details.field]).toEqual([400, 'id']);
    }
  });
});
