/**
 * The public site over HTTP: drafts are never public, forms refuse bad input with messages
 * naming the field, rate and size limits answer 429 and 413 in Indonesian, IKM from real responses.
 */
import { startServer, type TestServer } from '../helpers/strapi';
import { WORKED_EXAMPLE } from './worked-example';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});
beforeEach(() => server.strapi.service('api::public-site.limits').reset());

const post = (path: string, fields: Record<string, string>) =>
  server.http(path, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });

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

test('size limit: a form body over 16 KB gets 413', async () => {
  const res = await post('/pengaduan', { kantor: 'magetan', isi: 'x'.repeat(20_000) });
  expect(res.status).toBe(413);
  expect(await res.text()).toContain('Isian terlalu besar');
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
