/**
 * The requirement checklist and uploads: PDF, JPEG or PNG recognised by content (not by name
 * or declared type), size-limited, kept in the private store of case files; the requirements check cannot
 * be completed until every required item is ticked or uploaded.
 */
import { engineSuite, newApplicant, openCase } from './helpers';

const sharp = require('sharp');
const SERVICE = 'tarakan-peralihan-pbi-pemda';

const pdf = (extra = 0) => new TextEncoder().encode(`%PDF-1.4\n1 0 obj <<>> endobj\n${' '.repeat(extra)}\ntrailer <<>>\n%%EOF\n`);

const suite = engineSuite('tarakan.desa1');
afterAll(() => {
  delete process.env.CASE_UPLOAD_MAX_MB;
});

async function caseAt2() {
  const petugas = await suite.logins.as('tarakan.petugas');
  const opened = await openCase(petugas, SERVICE, newApplicant(suite.village));
  await petugas.ok(opened.case.documentId, 'complete');
  return opened.case.documentId as string;
}

test('uploads satisfy checklist items; the check completes once every required item is ticked or uploaded', async () => {
  const petugas = await suite.logins.as('tarakan.petugas');
  const id = await caseAt2();
  const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#ffffff' } })
    .png()
    .toBuffer();
  const jpeg = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#336699' } })
    .jpeg()
    .toBuffer();

  let r = await petugas.upload(id, { name: 'ktp-kk.pdf', type: 'application/pdf', bytes: pdf() }, { key: 'ktp-kk' });
  expect(r.status).toBe(200);
  // A PNG sent as "surat.pdf" with a PDF content type is stored as what it is.
  r = await petugas.upload(id, { name: 'surat.pdf', type: 'application/pdf', bytes: png }, { key: 'surat-kelurahan' });
  expect(r.status).toBe(200);
  const item = r.body.data.case.checklist.find((i: any) => i.key === 'surat-kelurahan');
  expect(item.file).toMatchObject({ name: 'surat.png', mime: 'image/png' });
  r = await petugas.upload(id, { name: 'rawat-inap.jpg', type: 'image/jpeg', bytes: jpeg }, { key: 'surat-keterangan-sakit', note: 'Surat rawat inap RSUD' });
  expect(r.status).toBe(200);
  let view = await petugas.view(id);
  expect(view.case.missingRequirements).toEqual(['Pemohon menunggu jadwal petugas lapangan untuk assessment']);
  expect((await petugas.act(id, 'complete')).status).toBe(400);
  await petugas.ok(id, 'check', { items: [{ key: 'jadwal-asesmen', checked: true }] });
  view = await petugas.ok(id, 'complete');
  expect(view.case.currentActivity.number).toBe(3);

  const stored = await suite.server.strapi.db.query('api::case-file.case-file').findMany({ where: { id: { $in: view.case.checklist.filter((i: any) => i.file).map((i: any) => i.file.id) } } });
  expect(stored.map((f: any) => f.mime).sort()).toEqual(['application/pdf', 'image/jpeg', 'image/png']);
});

test('content decides, not the name: a text file named .pdf is refused, and so is an empty file', async () => {
  const petugas = await suite.logins.as('tarakan.petugas');
  const id = await caseAt2();
  const fake = await petugas.upload(id, { name: 'ktp.pdf', type: 'application/pdf', bytes: new TextEncoder().encode('bukan pdf, hanya teks') }, { key: 'ktp-kk' });
  expect(fake.status).toBe(400);
  expect(fake.body.error.details.errors[0].path).toEqual(['file']);
  expect(fake.body.error.message).toMatch(/hanya PDF, JPEG atau PNG/);
  const exe = await petugas.upload(id, { name: 'ktp.png', type: 'image/png', bytes: new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0]) });
  expect(exe.status).toBe(400);
  const unknownKey = await petugas.upload(id, { name: 'ktp.pdf', type: 'application/pdf', bytes: pdf() }, { key: 'paspor' });
  expect(unknownKey.status).toBe(400);
  expect(unknownKey.body.error.details.errors[0].path).toEqual(['key']);
  const empty = await petugas.upload(id, { name: 'kosong.pdf', type: 'application/pdf', bytes: new Uint8Array() });
  expect(empty.status).toBe(400);
  expect(empty.body.error.details.errors[0].path).toEqual(['file']);
  const none = await petugas.post(`/api/panel/cases/${id}/actions/attach`, { version: (await petugas.view(id)).case.version });
  expect(none.status).toBe(400);
  expect(none.body.error.details.errors[0].path).toEqual(['file']);
});

test('size-limited (CASE_UPLOAD_MAX_MB)', async () => {
  const petugas = await suite.logins.as('tarakan.petugas');
  const id = await caseAt2();
  process.env.CASE_UPLOAD_MAX_MB = '0.01';
  try {
    const big = await petugas.upload(id, { name: 'besar.pdf', type: 'application/pdf', bytes: pdf(20_000) }, { key: 'ktp-kk' });
    expect(big.status).toBe(400);
    expect(big.body.error.message).toMatch(/melebihi batas/);
  } finally {
    delete process.env.CASE_UPLOAD_MAX_MB;
  }
});

test('an upload that loses the version race is removed again (nothing half-written)', async () => {
  const petugas = await suite.logins.as('tarakan.petugas');
  const id = await caseAt2();
  const files = () => suite.server.strapi.db.query('api::case-file.case-file').count({});
  const before = await files();
  const stale = await petugas.upload(id, { name: 'ktp.pdf', type: 'application/pdf', bytes: pdf() }, { key: 'ktp-kk' }, 1);
  expect(stale.status).toBe(409);
  expect(await files()).toBe(before);
  // A case document without a checklist item goes to the case's attachments.
  const r = await petugas.upload(id, { name: 'foto-rumah.pdf', type: 'application/pdf', bytes: pdf() }, { note: 'Foto rumah pemohon' });
  expect(r.status).toBe(200);
  expect(r.body.data.case.attachments.map((f: any) => f.name)).toEqual(['foto-rumah.pdf']);
});
