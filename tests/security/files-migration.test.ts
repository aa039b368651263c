/**
 * An install from before the private store migrates: case files linked as upload-plugin media
 * (checklist item, case attachments, letter) move into the private store with case-file records;
 * an unlinked engine upload (a replaced checklist document) is deleted; Media Library files move
 * from the code tree to DATA_DIR/uploads with their office. The migration runs before Strapi's
 * schema sync, so it also makes the case-file table when the sync has not yet. (A new database
 * runs it too, with nothing to move: every test server's template is made that way.)
 */
import { createHash } from 'crypto';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { startServer, type TestServer } from '../helpers/strapi';
import { Logins, newApplicant, openCase, villageOf } from '../engine/helpers';
import { samples, uploadsDir } from './files-support';

const MIGRATION = path.resolve(__dirname, '../../cms/database/migrations/2026.12.01T00.00.00.case-files-private-store.js');
const MEDIA_PROVIDER = '@layanan-pbi/cms/dist/src/files/media-provider';
const SERVICE = 'tarakan-peralihan-pbi-pemda';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

test('a database with case files linked as media migrates to the private store, and media to DATA_DIR', async () => {
  const strapi = server.strapi;
  const k = strapi.db.connection;
  const petugas = await new Logins(server).as('tarakan.petugas');
  const opened = await openCase(petugas, SERVICE, newApplicant(await villageOf(server, 'tarakan.desa1')));
  await petugas.ok(opened.case.documentId, 'complete');
  const kase = await strapi.db.query('api::case.case').findOne({ where: { documentId: opened.case.documentId }, populate: { checklist: true } });
  const item = kase.checklist.find((i: any) => i.key === 'ktp-kk');
  const letter = await strapi.db.query('api::letter.letter').create({ data: { kind: 'reaktivasi', officeCode: 'tarakan', status: 'draft', subject: 'Surat lama' } });
  const magetanAdmin = await strapi.db.query('admin::user').findOne({ where: { email: 'magetan.admin@demo.layanan-pbi.id' } });
  const superAdmin = await strapi.db.query('admin::user').findOne({ where: { email: 'admin@demo.layanan-pbi.id' } });

  // The old layout: upload files with bytes in the local provider's folder, linked by the morph table.
  const legacyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'legacy-uploads-'));
  const bytes = {
    ktp: samples.pdf(),
    photo: await samples.jpeg(),
    thumb: await samples.jpeg('#000000'),
    letter: samples.pdf(),
    orphan: samples.pdf(),
    logo: await samples.png('#445566'),
    notice: samples.pdf(),
  };
  const old = async (hash: string, ext: string, mime: string, blob: Uint8Array, extra: Record<string, unknown> = {}) => {
    fs.writeFileSync(path.join(legacyDir, `${hash}${ext}`), blob);
    return strapi.db.query('plugin::upload.file').create({ data: { name: `${hash}${ext}`, hash, ext, mime, size: blob.length / 1000, url: `/uploads/${hash}${ext}`, provider: 'local', ...extra } });
  };
  const suffix = Date.now().toString(36);
  const ktp = await old(`ktp_${suffix}`, '.pdf', 'application/pdf', bytes.ktp, { caption: `${kase.code} · ktp-kk` });
  fs.writeFileSync(path.join(legacyDir, `thumbnail_rumah_${suffix}.jpg`), bytes.thumb);
  const photo = await old(`rumah_${suffix}`, '.jpg', 'image/jpeg', bytes.photo, {
    caption: kase.code,
    formats: { thumbnail: { hash: `thumbnail_rumah_${suffix}`, ext: '.jpg', url: `/uploads/thumbnail_rumah_${suffix}.jpg` } },
  });
  const scan = await old(`surat_${suffix}`, '.pdf', 'application/pdf', bytes.letter);
  const orphan = await old(`ktp_lama_${suffix}`, '.pdf', 'application/pdf', bytes.orphan, { caption: `${kase.code} · ktp-kk` });
  const logo = await old(`logo_${suffix}`, '.png', 'image/png', bytes.logo, { createdBy: magetanAdmin.id });
  // A CMS file that happens to carry a case code as its caption is content, not a case file.
  const notice = await old(`pengumuman_${suffix}`, '.pdf', 'application/pdf', bytes.notice, { caption: kase.code, createdBy: superAdmin.id });
  const morph = (strapi.db.metadata.get('plugin::upload.file' as any) as any).attributes.related.joinTable;
  const link = (fileId: number, type: string, id: number, field: string) =>
    k(morph.name).insert({ [morph.joinColumn.name]: fileId, [morph.morphColumn.idColumn.name]: id, [morph.morphColumn.typeColumn.name]: type, field, order: 1 });
  await link(ktp.id, 'case.checklist-item', item.id, 'file');
  await link(photo.id, 'api::case.case', kase.id, 'attachments');
  await link(scan.id, 'api::letter.letter', letter.id, 'file');
  await link(logo.id, 'api::office.office', (await strapi.db.query('api::office.office').findOne({ where: { code: 'magetan' } })).id, 'logo');
  // Before the schema sync: no case-file table yet.
  await k.schema.dropTable('case_files');

  const moved = await k.transaction((trx: any) => require(MIGRATION).moveUploads(trx, strapi.db, { legacyDir }));
  expect(moved).toMatchObject({ private: 3, deleted: 1 });

  // Case files: records for their owners, bytes in the private store.
  const records = await strapi.db.query('api::case-file.case-file').findMany({ populate: { case: true, letter: true }, orderBy: { id: 'asc' } });
  const byName = Object.fromEntries(records.map((r: any) => [r.name, r]));
  expect(byName[ktp.name]).toMatchObject({
    mime: 'application/pdf',
    checklistKey: 'ktp-kk',
    officeCode: 'tarakan',
    case: { id: kase.id },
    letter: null,
    size: bytes.ktp.length,
    sha256: sha(bytes.ktp),
  });
  expect(byName[photo.name]).toMatchObject({ checklistKey: null, case: { id: kase.id }, sha256: sha(bytes.photo) });
  expect(byName[scan.name]).toMatchObject({ case: null, letter: { id: letter.id }, officeCode: 'tarakan', sha256: sha(bytes.letter) });
  for (const r of records) expect(fs.readFileSync(path.join(process.env.DATA_DIR!, 'files', 'private', r.storageKey)).length).toBe(r.size);

  // They and the unlinked case upload have left the Media Library, links and bytes included.
  const gone = [ktp.id, photo.id, scan.id, orphan.id];
  expect(await strapi.db.query('plugin::upload.file').count({ where: { id: { $in: gone } } })).toBe(0);
  expect(Number((await k(morph.name).whereIn(morph.joinColumn.name, gone).count({ n: '*' }).first()).n)).toBe(0);
  expect(fs.readdirSync(legacyDir)).toEqual([]);

  // Media Library files: out of the code tree, served from DATA_DIR, with their office.
  for (const [file, office] of [
    [logo, 'magetan'],
    [notice, null],
  ] as const) {
    const row = await strapi.db.query('plugin::upload.file').findOne({ where: { id: file.id } });
    expect(row).toMatchObject({ provider: MEDIA_PROVIDER, officeCode: office });
    expect(fs.existsSync(path.join(uploadsDir(), `${file.hash}${file.ext}`))).toBe(true);
    expect((await server.http(file.url)).status).toBe(200);
  }

  // Over the staff API, the case reads as before: its document and photo through the scoped route.
  const view = await petugas.view(opened.case.documentId);
  const doc = view.case.checklist.find((i: any) => i.key === 'ktp-kk').file;
  expect(doc.name).toBe(ktp.name);
  expect(view.case.attachments.map((a: any) => a.name)).toEqual([photo.name]);
  const res = await server.http(`/api/panel/cases/${opened.case.documentId}/files/${doc.id}`, { token: petugas.token });
  expect(Buffer.from(await res.arrayBuffer()).equals(Buffer.from(bytes.ktp))).toBe(true);
  // The table the migration made is the one Strapi expects: a new upload is stored in it.
  const up = await petugas.upload(opened.case.documentId, { name: 'sktm.pdf', type: 'application/pdf', bytes: samples.pdf() }, { key: 'surat-kelurahan' });
  expect(up.status).toBe(200);
});
