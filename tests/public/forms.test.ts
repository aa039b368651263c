/**
 * The public site over HTTP: drafts are never public, forms refuse bad input with messages
 * naming the field, rate and size limits answer 429 and 413 in Indonesian, IKM from real responses.
 */
import { startServer, type TestServer } from '../helpers/strapi';
import { call, login } from '../staff-api/support';
import { WORKED_EXAMPLE } from './worked-example';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});
beforeEach(() => server.strapi.service('api::public-site.limits').reset());

const post = (path: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
  server.http(path, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers }, body: new URLSearchParams(fields).toString() });
const resetLimits = () => server.strapi.service('api::public-site.limits').reset();
const SURVEY_OK = Object.fromEntries(WORKED_EXAMPLE[0].map((s, i) => [`u${i + 1}`, String(s)]));
const CODE = /^ADU-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/;
const codeIn = (page: string) => /ADU-[A-Z0-9]{4}-[A-Z0-9]{4}/.exec(page)![0];

test('drafts are never public: a draft-only standard and the unpublished edits of a published one', async () => {
  const uid = 'api::service-standard.service-standard';
  const office = await server.strapi.db.query('api::office.office').findOne({ where: { code: 'magetan' } });
  await server.strapi.documents(uid).create({ data: { slug: 'uji-draf-rahasia', title: 'Layanan Draf Rahasia', officeCode: 'magetan', office: office.documentId } });
  for (const path of ['/layanan/uji-draf-rahasia', '/layanan/uji-draf-rahasia/pdf', '/layanan/uji-draf-rahasia/sop/pdf', '/survei/uji-draf-rahasia']) {
    expect((await server.http(path)).status).toBe(404);
  }
  expect(await (await server.http('/layanan?q=Rahasia')).text()).not.toContain('Draf Rahasia');
  expect(await (await server.http('/')).text()).not.toContain('Draf Rahasia');
  expect((await post('/survei/uji-draf-rahasia', Object.fromEntries(WORKED_EXAMPLE[0].map((s, i) => [`u${i + 1}`, String(s)])))).status).toBe(404);

  const published = await server.strapi.documents(uid).findFirst({ filters: { slug: 'magetan-reaktivasi-kartu-jkn-kis' } });
  await server.strapi.documents(uid).update({ documentId: published.documentId, data: { title: 'Judul Baru Belum Terbit' } });
  const page = await (await server.http('/layanan/magetan-reaktivasi-kartu-jkn-kis')).text();
  expect(page).toContain('Reaktivasi Kartu JKN-KIS');
  expect(page).not.toContain('Judul Baru Belum Terbit');
});

test('search lists published standards by words and by office', async () => {
  const all = await (await server.http('/layanan')).text();
  expect((all.match(/<li class="card"><a href="\/layanan\//g) ?? []).length).toBe(5);
  const q = await (await server.http('/layanan?q=mutasi')).text();
  expect(q).toContain('/layanan/banjarbaru-mutasi-pbi-apbd');
  expect(q).not.toContain('/layanan/magetan-pengusulan-pbi-d"');
  const byOffice = await (await server.http('/layanan?kantor=magetan')).text();
  expect((byOffice.match(/<li class="card">/g) ?? []).length).toBe(2);
});

test('a complaint without text or office is refused with 400 naming the fields, and keeps what was typed', async () => {
  const res = await post('/pengaduan', { nama: 'Budi', kontak: 'budi@contoh.id', isi: 'pendek' });
  expect(res.status).toBe(400);
  const body = await res.text();
  expect(body).toContain('Kantor: Pilih kantor Dinas Sosial yang dituju.');
  expect(body).toContain('Isi pengaduan: Tuliskan isi pengaduan, paling sedikit 10 karakter.');
  expect(body).toContain('value="budi@contoh.id"');
  expect(body).toContain('>pendek</textarea>');
  const wrongService = await post('/pengaduan', { kantor: 'tarakan', layanan: 'magetan-pengusulan-pbi-d', isi: 'Layanan ini lambat sekali diproses.' });
  expect(wrongService.status).toBe(400);
  expect(await wrongService.text()).toContain('Layanan tidak ditemukan pada kantor yang dipilih.');
  expect(await server.strapi.db.query('api::complaint.complaint').count({ where: { channel: 'web' } })).toBe(0);
});

test('anonymous complaints store no identity; an unknown code is a 404 page', async () => {
  const res = await post('/pengaduan', { kantor: 'magetan', layanan: 'magetan-pengusulan-pbi-d', isi: 'Form 35 desa kami belum diproses.', nama: 'Tidak Disimpan', anonim: 'ya' });
  expect(res.status).toBe(201);
  const code = /ADU-[A-Z0-9]{4}-[A-Z0-9]{4}/.exec(await res.text())![0];
  const stored = await server.strapi.db.query('api::complaint.complaint').findOne({ where: { trackingCode: code }, populate: { service: true } });
  expect(stored).toMatchObject({ anonymous: true, reporterName: null, contact: null });
  expect(stored.service.slug).toBe('magetan-pengusulan-pbi-d');
  const status = await (await server.http(`/pengaduan/status?kode=${code.toLowerCase()}`)).text();
  expect(status).toContain('Pengusulan PBI-D');
  expect(status).not.toContain('Form 35 desa kami');
  expect((await server.http('/pengaduan/status?kode=ADU-ZZZZ-ZZZZ')).status).toBe(404);
});

test('rate limit: the sixth form in a burst from one address gets 429 with an Indonesian message', async () => {
  const form = { kantor: 'magetan', isi: 'Pengaduan uji batas laju pengiriman.' };
  for (let i = 0; i < 5; i += 1) expect((await post('/pengaduan', form)).status).toBe(201);
  const limited = await post('/pengaduan', form);
  expect(limited.status).toBe(429);
  expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  expect(await limited.text()).toContain('Terlalu banyak permintaan');
  // Reading pages is not limited by the form bucket.
  expect((await server.http('/pengaduan')).status).toBe(200);
});

test("size limit: a form body over 56 KB gets 413 with the Indonesian page, not Strapi's JSON", async () => {
  const res = await post('/pengaduan', { kantor: 'magetan', isi: 'x'.repeat(100_000) });
  expect(res.status).toBe(413);
  expect(res.headers.get('content-type')).toContain('text/html');
  const body = await res.text();
  expect(body).toContain('Isian terlalu besar');
  expect(body).not.toContain('PayloadTooLargeError');
});

test('size limit: every form within its field limits passes, whatever its letters (accents, 3-byte characters)', async () => {
  // 3,390 accented letters: 6 bytes each percent-encoded, 20 KB, refused by the former 16 KB limit.
  const accented = 'ÉéÈèÊêËëÀàÂâÔôÛûÇç'.repeat(200).slice(0, 3390);
  expect(new URLSearchParams({ isi: accented }).toString().length).toBeGreaterThan(16 * 1024);
  const res = await post('/pengaduan', { kantor: 'magetan', isi: accented, kontak: '0812 3456 7890' });
  expect(res.status).toBe(201);
  // The worst case: every character 3 bytes in UTF-8, 9 bytes percent-encoded, each field at its limit.
  const worst = await post('/pengaduan', { kantor: 'magetan', layanan: 'magetan-pengusulan-pbi-d', isi: '€'.repeat(5000), nama: '€'.repeat(150), kontak: 'budi.santoso@contoh.id' });
  expect(worst.status).toBe(201);
  const stored = await server.strapi.db.query('api::complaint.complaint').findOne({ where: { trackingCode: codeIn(await worst.text()) } });
  expect(stored.text).toHaveLength(5000);
  const survey = await post('/survei/tarakan-peralihan-pbi-pemda', { ...SURVEY_OK, pekerjaan: '€'.repeat(100), saran: '€'.repeat(2000) });
  expect(survey.status).toBe(201);
});

test('size limit: a JSON body over the limit is refused with 413 and the form shows again with what was typed', async () => {
  const typed = `Pengaduan panjang ${'y'.repeat(60_000)}`;
  const res = await server.http('/pengaduan', { method: 'POST', json: { kantor: 'magetan', nama: 'Budi', isi: typed } });
  expect(res.status).toBe(413);
  const body = await res.text();
  expect(body).toContain('Isian terlalu besar');
  expect(body).toContain(`>${typed}</textarea>`);
  expect(body).toContain('value="Budi"');
});

test("line breaks count once, as the browser's maxlength counts them: CRLF is stored as LF", async () => {
  // 250 lines of 19 characters: 4,999 characters with LF line breaks, 5,248 with CRLF.
  const lines = Array.from({ length: 250 }, (_, i) => `Baris pengaduan ${String(i).padStart(3, '0')}`);
  const res = await post('/pengaduan', { kantor: 'magetan', isi: lines.join('\r\n') });
  expect(res.status).toBe(201);
  const stored = await server.strapi.db.query('api::complaint.complaint').findOne({ where: { trackingCode: codeIn(await res.text()) } });
  expect(stored.text).toBe(lines.join('\n'));
  const saran = Array.from({ length: 64 }, (_, i) => `Saran nomor ${String(i).padStart(3, '0')} untuk layanan.`).join('\r\n');
  expect(saran.replace(/\r\n/g, '\n').length).toBeLessThanOrEqual(2000);
  expect(saran.length).toBeGreaterThan(2000);
  const survey = await post('/survei/magetan-reaktivasi-kartu-jkn-kis', { ...SURVEY_OK, saran });
  expect(survey.status).toBe(201);
  const response = await server.strapi.db.query('api::survey-response.survey-response').findOne({ where: { serviceSlug: 'magetan-reaktivasi-kartu-jkn-kis' }, orderBy: { id: 'desc' } });
  expect(response.suggestion).toBe(saran.replace(/\r\n/g, '\n'));
});

test('rate limit: only stored submissions count, each form has its own quota, and the refused form keeps what was typed', async () => {
  // Mistakes don't use up the quota.
  for (let i = 0; i < 6; i += 1) expect((await post('/pengaduan', { kantor: 'magetan', isi: 'pendek' })).status).toBe(400);
  for (let i = 0; i < 5; i += 1) expect((await post('/pengaduan', { kantor: 'magetan', isi: `Pengaduan ke-${i + 1} dari alamat yang sama.` })).status).toBe(201);
  const typed = 'Pengaduan keenam: tetap tampil walau ditolak.';
  const limited = await post('/pengaduan', { kantor: 'tarakan', nama: 'Siti', kontak: '081234567890', isi: typed });
  expect(limited.status).toBe(429);
  expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  const page = await limited.text();
  expect(page).toContain('Terlalu banyak permintaan');
  expect(page).toContain(`>${typed}</textarea>`);
  expect(page).toContain('value="Siti"');
  expect(page).toContain('<option value="tarakan" selected>');
  expect(await server.strapi.db.query('api::complaint.complaint').count({ where: { text: typed } })).toBe(0);
  // The survey has its own quota.
  for (let i = 0; i < 5; i += 1) expect((await post('/survei/banjarbaru-mutasi-pbi-apbd', SURVEY_OK)).status).toBe(201);
  const survey = await post('/survei/banjarbaru-mutasi-pbi-apbd', { ...SURVEY_OK, saran: 'Saran yang tidak boleh hilang.' });
  expect(survey.status).toBe(429);
  const surveyPage = await survey.text();
  expect(surveyPage).toContain('>Saran yang tidak boleh hilang.</textarea>');
  expect(surveyPage).toContain('name="u1" value="4" required checked');
});

test('a complaint recorded through the staff API is found by the public status page, as are codes of the former staff format', async () => {
  const token = await login(server, 'magetan.petugas');
  const created = await call(server, 'POST', '/complaints', token, { channel: 'phone', text: 'Kartu KIS belum aktif setelah dua bulan.', reporterName: 'Budi' });
  expect(created.status).toBe(201);
  const code: string = created.body.trackingCode;
  expect(code).toMatch(CODE);
  const office = await server.strapi.db.query('api::office.office').findOne({ where: { code: 'magetan' }, populate: { sla: true } });
  expect(new Date(created.body.dueAt).getTime() - new Date(created.body.receivedAt).getTime()).toBe(office.sla.complaintReplyHours * 3600_000);
  const status = await server.http(`/pengaduan/status?kode=${code.toLowerCase()}`);
  expect(status.status).toBe(200);
  const page = await status.text();
  expect(page).toContain(code);
  expect(page).toContain('Diterima, menunggu tindak lanjut');
  expect(page).not.toContain('Kartu KIS belum aktif');

  // Complaints recorded before this change keep their ADU-YYYYMMDD-XXXXXX codes.
  await server.strapi
    .documents('api::complaint.complaint')
    .create({ data: { trackingCode: 'ADU-20260105-A1B2C3', channel: 'phone', text: 'Pengaduan lama', status: 'new', receivedAt: new Date(), office: office.documentId, officeCode: 'magetan' } });
  const old = await server.http('/pengaduan/status?kode=%20adu-20260105-a1b2c3%20');
  expect(old.status).toBe(200);
  expect(await old.text()).toContain('ADU-20260105-A1B2C3');
});

test('contact must be a phone number or an e-mail address; empty, and anonymous, stay allowed', async () => {
  const bad = await post('/pengaduan', { kantor: 'magetan', isi: 'Bantuan belum diterima keluarga kami.', kontak: 'bukan kontak' });
  expect(bad.status).toBe(400);
  const body = await bad.text();
  expect(body).toContain('Kontak: Tuliskan nomor telepon');
  expect(body).toContain('value="bukan kontak"');
  expect(body).toContain('id="kontak-error"');
  expect((await post('/pengaduan', { kantor: 'magetan', isi: 'Bantuan belum diterima keluarga kami.', kontak: '1234567' })).status).toBe(400);
  expect((await post('/pengaduan', { kantor: 'magetan', isi: 'Bantuan belum diterima keluarga kami.', kontak: '0812-3456-7890-1234-5' })).status).toBe(400);
  for (const kontak of ['+62 812-3456-7890', '081234567890', 'budi@contoh.id', '']) {
    expect((await post('/pengaduan', { kantor: 'magetan', isi: 'Bantuan belum diterima keluarga kami.', kontak })).status).toBe(201);
  }
  resetLimits();
  const anonymous = await post('/pengaduan', { kantor: 'magetan', isi: 'Bantuan belum diterima keluarga kami.', kontak: 'bukan kontak', anonim: 'ya' });
  expect(anonymous.status).toBe(201);
});

test("search also finds services by their requirements and by the office's name", async () => {
  const ktp = await (await server.http('/layanan?q=KTP')).text();
  for (const slug of ['magetan-pengusulan-pbi-d', 'magetan-reaktivasi-kartu-jkn-kis', 'tarakan-peralihan-pbi-pemda']) expect(ktp).toContain(`/layanan/${slug}"`);
  const office = await (await server.http('/layanan?q=karangasem')).text();
  expect(office).toContain('/layanan/karangasem-akses-layanan-kesehatan"');
  expect((office.match(/<li class="card"><a href="\/layanan\//g) ?? []).length).toBe(1);
  // LIKE wildcards are matched literally.
  expect((await (await server.http('/layanan?q=%25%25%25')).text()).match(/<li class="card"><a href="\/layanan\//g)).toBeNull();
});

test('survey: the sex and education answers are named in the summary and next to their field', async () => {
  const res = await post('/survei/magetan-pengusulan-pbi-d', { ...SURVEY_OK, jenisKelamin: 'x', pendidikan: 'y' });
  expect(res.status).toBe(400);
  const body = await res.text();
  expect(body).toContain('Jenis kelamin: Pilihan jenis kelamin tidak dikenal.');
  expect(body).toContain('Pendidikan terakhir: Pilihan pendidikan tidak dikenal.');
  expect(body).not.toContain('jenisKelamin:');
  expect(body).toContain('<p class="error" id="jenisKelamin-error">');
  expect(body).toContain('<p class="error" id="pendidikan-error">');
  expect(body).toContain('aria-describedby="pendidikan-error"');
});

test('survey: each element must be 1-4 (400 naming the element); the worked example gives IKM 80,56 (B) on /ikm', async () => {
  const slug = 'magetan-pengusulan-pbi-d';
  const bad = await post(`/survei/${slug}`, { u1: '4', u2: '4', u3: '5', u4: '4', u5: '4', u6: '4', u7: '4', u8: '4', u9: '4', umur: '7' });
  expect(bad.status).toBe(400);
  const badText = await bad.text();
  expect(badText).toContain('Unsur 3 (Waktu penyelesaian): Pilih salah satu nilai 1 sampai 4.');
  expect(badText).toContain('Umur: Umur diisi angka 10 sampai 120.');
  for (const scores of WORKED_EXAMPLE) {
    const res = await post(`/survei/${slug}`, Object.fromEntries(scores.map((s, i) => [`u${i + 1}`, String(s)])));
    expect(res.status).toBe(201);
  }
  const stored = await server.strapi.db.query('api::survey-response.survey-response').findMany({ where: { serviceSlug: slug } });
  expect(stored).toHaveLength(4);
  expect(stored[0].officeCode).toBe('magetan');
  const ikm = await (await server.http('/ikm')).text();
  const row = ikm.slice(ikm.indexOf(`/layanan/${slug}`), ikm.indexOf('</tr>', ikm.indexOf(`/layanan/${slug}`)));
  expect(row).toContain('<td>4</td>');
  expect(row).toContain('<td>80,56</td>');
  expect(row).toContain('<td class="grade">B</td>');
  expect(row).toContain('<td>Baik</td>');
});
