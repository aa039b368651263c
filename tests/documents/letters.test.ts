/**
 * Letters rendered from letter records of demo cases and batches, downloaded by staff over HTTP:
 * text, pages and one golden per kind; office scoping; templates as CMS content whose unknown
 * placeholders are refused on save.
 */
import { startServer, type TestServer } from '../helpers/strapi';
import { GOLDEN_TOLERANCE, compareWithGolden, flat, pdfPageSize, pdfPages, pdfText } from './pdf-tools';

let server: TestServer;
const tokens = new Map<string, string>();

beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

async function login(username: string): Promise<string> {
  if (!tokens.has(username)) {
    const res = await server.http('/api/panel/login', { method: 'POST', json: { identifier: username, password: 'Demo-PBI-2026!' } });
    expect(res.status).toBe(200);
    tokens.set(username, (await res.json()).jwt);
  }
  return tokens.get(username)!;
}

async function cmsToken(email: string): Promise<string> {
  const res = await server.http('/admin/login', { method: 'POST', json: { email, password: 'Demo-PBI-2026!' } });
  expect(res.status).toBe(200);
  return ((await res.json()) as any).data.token;
}

const db = () => server.strapi.db;

async function demoCase(serviceSlug: string, where: Record<string, unknown> = {}) {
  const c = await db()
    .query('api::case.case')
    .findOne({ where: { serviceSlug, ...where }, populate: { applicant: true, office: true }, orderBy: { id: 'asc' } });
  expect(c).toBeTruthy();
  return c;
}

async function createLetter(data: Record<string, unknown>) {
  return server.strapi.documents('api::letter.letter').create({ data: { date: '2026-03-12', status: 'signed', ...data } });
}

async function createBatch(officeCode: string, cases: any[], month = '2026-03') {
  const office = await db()
    .query('api::office.office')
    .findOne({ where: { code: officeCode } });
  const batch = await server.strapi
    .documents('api::batch.batch')
    .create({ data: { code: `${officeCode.toUpperCase()}-${month}`, level: 'office', month, status: 'cleansed', officeCode, office: office.documentId, caseCount: cases.length } });
  for (const c of cases)
    await db()
      .query('api::case.case')
      .update({ where: { id: c.id }, data: { batch: batch.id } });
  return batch;
}

async function download(letterDocumentId: string, username = 'magetan.petugas') {
  return server.http(`/api/documents/letters/${letterDocumentId}/pdf`, { token: await login(username) });
}

async function letterPdf(letterDocumentId: string, username: string) {
  const res = await download(letterDocumentId, username);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/pdf');
  return Buffer.from(await res.arrayBuffer());
}

test('reactivation request (Magetan): letterhead, number, date, addressee, applicant, signature, initials', async () => {
  const kase = await demoCase('magetan-reaktivasi-kartu-jkn-kis');
  const office = kase.office;
  const letter = await createLetter({
    kind: 'reaktivasi',
    number: '400.9.2/0123/403.107/2026',
    office: office.documentId,
    officeCode: 'magetan',
    case: kase.documentId,
    initials: [
      { role: 'jf', name: 'Rina Astuti', at: '2026-03-11' },
      { role: 'kabid', name: 'Bambang Sutrisno', at: '2026-03-12' },
    ],
  });
  const pdf = await letterPdf(letter.documentId, 'magetan.petugas');
  expect(pdfPages(pdf)).toBe(1);
  const text = flat(pdfText(pdf));
  for (const phrase of [
    'PEMERINTAH KABUPATEN MAGETAN',
    'DINAS SOSIAL',
    'Jalan Mayjend Sungkono No. 12 Magetan',
    'Nomor : 400.9.2/0123/403.107/2026',
    'Magetan, 12 Maret 2026',
    `Perihal : Permohonan Reaktivasi Kepesertaan PBI JKN-KIS a.n. ${kase.applicant.name}`,
    'Yth. Kepala BPJS Kesehatan',
    'Kabupaten Magetan',
    kase.applicant.nik,
    kase.code,
    'Paraf',
    'Jabatan Fungsional',
    'Rina Astuti',
    'Kepala Bidang',
    'Bambang Sutrisno',
    'KEPALA DINAS SOSIAL KABUPATEN MAGETAN',
    'PARMINTO BUDI UTOMO, S.Sos., M.AP.',
    'NIP. 19721221 199302 1 002',
    'Tembusan:',
  ])
    expect(text).toContain(phrase);
  expect(compareWithGolden('letter-reaktivasi', pdf).difference).toBeLessThanOrEqual(GOLDEN_TOLERANCE);
});

test('reactivation request (Karangasem) is signed in Amlapura by its head of office', async () => {
  const kase = await demoCase('karangasem-akses-layanan-kesehatan');
  const letter = await createLetter({ kind: 'reaktivasi', number: '460/0456/DINSOS,PPPA,PPKB/2026', office: kase.office.documentId, officeCode: 'karangasem', case: kase.documentId });
  const text = flat(pdfText(await letterPdf(letter.documentId, 'karangasem.petugas')));
  expect(text).toContain('PEMERINTAH KABUPATEN KARANGASEM');
  expect(text).toContain('Amlapura, 12 Maret 2026');
  expect(text).toContain('Komang Daging S.Sos.M.Si');
  expect(text).toContain(kase.applicant.name);
});

test('PBI-D request to Dinkes with the Form 35 list and the Berita Acara of the batch', async () => {
  const cases = await db()
    .query('api::case.case')
    .findMany({ where: { officeCode: 'magetan', serviceSlug: 'magetan-pengusulan-pbi-d' }, populate: { applicant: true }, limit: 8, orderBy: { id: 'asc' } });
  expect(cases.length).toBeGreaterThanOrEqual(4);
  const batch = await createBatch('magetan', cases);
  const office = await db()
    .query('api::office.office')
    .findOne({ where: { code: 'magetan' } });
  const letter = await createLetter({ kind: 'permohonan-pbi-d', number: '400.9.2/0200/403.107/2026', office: office.documentId, officeCode: 'magetan', batch: batch.documentId });
  // Printed by the case worker: the Form 35 list's NIKs in full (a Kepala Bidang prints them masked, tests/security/privacy-letters).
  const pdf = await letterPdf(letter.documentId, 'magetan.petugas');
  expect(pdfPages(pdf)).toBeGreaterThanOrEqual(3);
  const text = flat(pdfText(pdf));
  expect(text).toContain('Yth. Kepala Dinas Kesehatan');
  expect(text).toContain('Permohonan Usulan Peserta PBI-D Bulan Maret 2026');
  expect(text).toContain(`sebanyak ${cases.length} (`);
  expect(text).toContain('01 April 2026');
  expect(text).toContain('FORM 35');
  expect(text).toContain('BERITA ACARA');
  for (const c of cases) {
    expect(text).toContain(c.applicant.nik);
    expect(text).toContain(c.applicant.name);
  }
  expect(text).toContain('Tembusan:');
  expect(text).toContain('Kepala BPJS Kesehatan Kabupaten Magetan');
  expect(compareWithGolden('letter-permohonan-pbi-d', pdf).difference).toBeLessThanOrEqual(GOLDEN_TOLERANCE);
});

test('once BPJS has cleansed the batch, the request to Dinkes lists only those BPJS accepted', async () => {
  const cases = await db()
    .query('api::case.case')
    .findMany({ where: { officeCode: 'magetan', serviceSlug: 'magetan-pengusulan-pbi-d' }, populate: { applicant: true }, limit: 4, orderBy: { id: 'desc' } });
  const [accepted, rejected, member, pending] = cases;
  const batch = await createBatch('magetan', cases, '2026-05');
  const result = (c: any, bpjsResult: string) =>
    db()
      .query('api::case.case')
      .update({ where: { id: c.id }, data: { bpjsResult } });
  await result(accepted, 'accepted');
  await result(rejected, 'rejected');
  await result(member, 'already-member');
  await result(pending, 'pending');
  const office = await db()
    .query('api::office.office')
    .findOne({ where: { code: 'magetan' } });
  const letter = await createLetter({ kind: 'permohonan-pbi-d', number: '400.9.2/0201/403.107/2026', office: office.documentId, officeCode: 'magetan', batch: batch.documentId });
  const text = flat(pdfText(await letterPdf(letter.documentId, 'magetan.petugas')));
  expect(text).toContain('sebanyak 1 (satu) orang');
  // The case page lists its batch's letter with its own (filter forCase).
  const token = await login('magetan.petugas');
  const listed = await server.http(`/api/panel/letters?filter=${encodeURIComponent(JSON.stringify({ forCase: accepted.documentId }))}`, { token });
  expect(listed.status).toBe(200);
  expect(((await listed.json()) as any[]).map((l) => l.id)).toContain(letter.documentId);
  const other = await server.http(`/api/panel/letters?filter=${encodeURIComponent(JSON.stringify({ forCase: 'tidakada' }))}`, { token });
  expect(await other.json()).toEqual([]);
  expect(text).toContain(accepted.applicant.nik);
  for (const c of [rejected, member, pending]) expect(text).not.toContain(c.applicant.nik);
});

test('assessment decision (Tarakan) says layak or tidak layak from the case decision', async () => {
  const declined = await demoCase('tarakan-peralihan-pbi-pemda', { currentActivity: 7 });
  const accepted = await demoCase('tarakan-peralihan-pbi-pemda', { currentActivity: 6 });
  const texts: string[] = [];
  for (const [kase, n] of [
    [declined, 1],
    [accepted, 2],
  ] as const) {
    const letter = await createLetter({ kind: 'keputusan-asesmen', number: `400.9/00${n}/DINSOSPM/2026`, office: kase.office.documentId, officeCode: 'tarakan', case: kase.documentId });
    const pdf = await letterPdf(letter.documentId, 'tarakan.petugas');
    texts.push(flat(pdfText(pdf)));
    if (n === 1) expect(compareWithGolden('letter-keputusan-asesmen', pdf).difference).toBeLessThanOrEqual(GOLDEN_TOLERANCE);
  }
  expect(texts[0]).toContain('dinyatakan TIDAK LAYAK');
  expect(texts[0]).toContain('berkas permohonan kami arsipkan');
  expect(texts[0]).not.toContain('akan dialihkan');
  expect(texts[1]).toContain('dinyatakan LAYAK');
  expect(texts[1]).toContain('akan dialihkan menjadi peserta BPJS PBI Pemda');
  expect(texts[1]).toContain(accepted.applicant.name);
});

test('mutation proposal (Banjarbaru) lists the member', async () => {
  const kase = await demoCase('banjarbaru-mutasi-pbi-apbd');
  const letter = await createLetter({ kind: 'usulan-mutasi', number: '400.9/0777/Dinsos/2026', office: kase.office.documentId, officeCode: 'banjarbaru', case: kase.documentId });
  const pdf = await letterPdf(letter.documentId, 'banjarbaru.petugas');
  expect(pdfPages(pdf)).toBe(2);
  const text = flat(pdfText(pdf));
  expect(text).toContain('Usulan Mutasi Peserta PBI JKN APBD Kota Banjarbaru');
  expect(text).toContain('DAFTAR USULAN MUTASI PESERTA PBI JKN APBD');
  expect(text).toContain(kase.applicant.nik);
  expect(text).toContain('Drs. M. FACHRUDDIN, MM');
  expect(compareWithGolden('letter-usulan-mutasi', pdf).difference).toBeLessThanOrEqual(GOLDEN_TOLERANCE);
});

test('SK with the BNBA list of a batch', async () => {
  const cases = await db()
    .query('api::case.case')
    .findMany({ where: { officeCode: 'banjarbaru' }, populate: { applicant: true }, orderBy: { id: 'asc' } });
  const batch = await createBatch('banjarbaru', cases, '2026-04');
  const office = await db()
    .query('api::office.office')
    .findOne({ where: { code: 'banjarbaru' } });
  const letter = await createLetter({ kind: 'sk-bnba', number: '400.9/015/Dinsos/2026', office: office.documentId, officeCode: 'banjarbaru', batch: batch.documentId });
  // Printed by the case worker, who sees the BNBA's NIKs in full (the head of office sees them masked).
  const pdf = await letterPdf(letter.documentId, 'banjarbaru.petugas');
  const text = flat(pdfText(pdf));
  for (const phrase of [
    'KEPUTUSAN KEPALA DINAS SOSIAL KOTA BANJARBARU',
    'NOMOR 400.9/015/Dinsos/2026',
    'TENTANG',
    'Menimbang',
    'Mengingat',
    'MEMUTUSKAN:',
    'Menetapkan',
    'KESATU',
    'KEDUA',
    'KETIGA',
    'Ditetapkan di',
    'Banjarbaru',
    'DAFTAR NAMA DAN ALAMAT (BNBA)',
    `sebanyak ${cases.length} (`,
  ]) {
    expect(text).toContain(phrase);
  }
  for (const c of cases) expect(text).toContain(c.applicant.nik);
  // The BNBA is printed on landscape pages.
  const size = pdfPageSize(pdf);
  expect(size.height).toBeGreaterThan(size.width); // first page: the decree, portrait
  expect(compareWithGolden('letter-sk-bnba', pdf).difference).toBeLessThanOrEqual(GOLDEN_TOLERANCE);
});

test('only staff of the letter office (and of its area) may download it', async () => {
  const kase = await demoCase('magetan-reaktivasi-kartu-jkn-kis');
  const letter = await createLetter({ kind: 'reaktivasi', number: '400.9.2/0999/403.107/2026', office: kase.office.documentId, officeCode: 'magetan', case: kase.documentId });
  expect((await server.http(`/api/documents/letters/${letter.documentId}/pdf`)).status).toBe(401);
  expect((await download(letter.documentId, 'tarakan.petugas')).status).toBe(404);
  expect((await download('no-such-letter', 'magetan.petugas')).status).toBe(404);
  // A village operator outside the case's village may not print it.
  const user = await db()
    .query('plugin::users-permissions.user')
    .findOne({ where: { username: 'magetan.desa3' } });
  expect(user.regionCode).not.toBe(kase.villageCode);
  expect((await download(letter.documentId, 'magetan.desa3')).status).toBe(403);
  expect((await download(letter.documentId, 'magetan.kadis')).status).toBe(200);
  // The BPJS liaison: only once the case is handed to BPJS.
  await db()
    .query('api::case.case')
    .update({ where: { id: kase.id }, data: { queueRoles: '|petugas|', bpjsResult: null } });
  expect((await download(letter.documentId, 'magetan.bpjs')).status).toBe(404);
  await db()
    .query('api::case.case')
    .update({ where: { id: kase.id }, data: { queueRoles: '|petugas-bpjs|' } });
  expect((await download(letter.documentId, 'magetan.bpjs')).status).toBe(200);
});

test('the staff API refuses a letter of a kind with no template (400 on kind), and takes one that has', async () => {
  const kase = await demoCase('magetan-reaktivasi-kartu-jkn-kis');
  const token = await login('magetan.petugas');
  const create = (kind: string) => server.http('/api/panel/letters', { method: 'POST', token, json: { kind, subject: 'Uji jenis surat', case: kase.documentId } });
  const bad = await create('lainnya');
  expect(bad.status).toBe(400);
  const err = (await bad.json()).error;
  expect(err.details.field).toBe('kind');
  expect(err.message).toContain('lainnya');
  expect(
    await db()
      .query('api::letter.letter')
      .count({ where: { kind: 'lainnya' } }),
  ).toBe(0);
  expect((await create('reaktivasi')).status).toBe(201);
});

test('templates are CMS content: editing the wording changes the letter; an unknown placeholder is refused with 400', async () => {
  const uid = 'api::letter-template.letter-template';
  const template = await server.strapi.documents(uid).findFirst({ filters: { officeCode: 'tarakan', kind: 'keputusan-asesmen' } });
  expect(template).toBeTruthy();
  await server.strapi.documents(uid).update({ documentId: template.documentId, data: { body: 'Kalimat baru kantor: {{applicant.name}} dinyatakan {{decision}} ({{case.code}}).' } });
  const kase = await demoCase('tarakan-peralihan-pbi-pemda', { currentActivity: 7 });
  const letter = await createLetter({ kind: 'keputusan-asesmen', number: '400.9/010/DINSOSPM/2026', office: kase.office.documentId, officeCode: 'tarakan', case: kase.documentId });
  const text = flat(pdfText(await letterPdf(letter.documentId, 'tarakan.petugas')));
  expect(text).toContain(`Kalimat baru kantor: ${kase.applicant.name} dinyatakan TIDAK LAYAK (${kase.code}).`);

  // Through the document service (the CMS and every API use it) ...
  await expect(server.strapi.documents(uid).update({ documentId: template.documentId, data: { body: 'Atas nama {{applicant.nama}}' } })).rejects.toMatchObject({
    name: 'ValidationError',
    details: { errors: [{ path: ['body'], value: '{{applicant.nama}}' }] },
  });
  // ... and over HTTP: 400 naming the field and the placeholder; nothing is saved.
  // (Through the CMS: the stock REST routes /api/letter-templates are removed.)
  const cms = await cmsToken('admin@demo.layanan-pbi.id');
  const templates = '/content-manager/collection-types/api::letter-template.letter-template';
  const res = await server.http(`${templates}/${template.documentId}`, { method: 'PUT', token: cms, json: { subject: 'Hasil {{keputusan}}', body: 'Tetap {{applicant.name}}' } });
  expect(res.status).toBe(400);
  const err = (await res.json()).error;
  expect(err.message).toContain('subject');
  expect(err.message).toContain('{{keputusan}}');
  expect(err.details.errors[0].path).toEqual(['subject']);
  const unchanged = await server.strapi.documents(uid).findOne({ documentId: template.documentId });
  expect(unchanged.body).toContain('Kalimat baru kantor');
  const unclosed = await server.http(templates, { method: 'POST', token: cms, json: { officeCode: 'tarakan', kind: 'lain', subject: 'Uji', body: '{{#decision.eligible}}tanpa penutup' } });
  expect(unclosed.status).toBe(400);
  expect((await unclosed.json()).error.details.errors[0].path).toEqual(['body']);
});
