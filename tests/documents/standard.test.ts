/** Standar Pelayanan PDFs from the seeded standards, read back as text, counted, and compared with a golden. */
import { startServer, type TestServer } from '../helpers/strapi';
import { GOLDEN_TOLERANCE, compareWithGolden, decodeGrayPng, firstPagePng, flat, imageDifference, pdfPageSize, pdfPages, pdfText } from './pdf-tools';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

async function standardPdf(slug: string) {
  const res = await server.http(`/layanan/${slug}/pdf`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/pdf');
  return Buffer.from(await res.arrayBuffer());
}

test('Magetan reactivation standard: title, both component tables, flowchart, identity, signature, A4 with page numbers', async () => {
  const pdf = await standardPdf('magetan-reaktivasi-kartu-jkn-kis');
  const size = pdfPageSize(pdf);
  expect(Math.round(size.width)).toBe(595);
  expect(Math.round(size.height)).toBe(842);
  const pages = pdfPages(pdf);
  expect(pages).toBeGreaterThanOrEqual(2);
  const text = flat(pdfText(pdf));
  const expected = [
    'STANDAR PELAYANAN',
    'DINAS SOSIAL KABUPATEN MAGETAN',
    'JENIS PELAYANAN: REAKTIVASI KARTU JKN-KIS',
    'No. Dokumen',
    '188 / 18 / Kept./ 403.107 / 2023',
    'Tanggal Terbit',
    '05 Juni 2023',
    'I. KOMPONEN STANDAR PELAYANAN YANG TERKAIT DENGAN PROSES PENYAMPAIAN PELAYANAN (SERVICE DELIVERY)',
    'Persyaratan Pelayanan',
    'Sistem, Mekanisme dan Prosedur',
    'Jangka Waktu Penyelesaian',
    '60 (enam puluh) menit',
    'Biaya/Tarif',
    'Produk Pelayanan',
    'Penanganan Pengaduan, Saran dan Masukan',
    'II. KOMPONEN STANDAR PELAYANAN YANG TERKAIT DENGAN PROSES PENGELOLAAN PELAYANAN DI INTERNAL ORGANISASI (MANUFACTURING)',
    'Dasar Hukum',
    'Sarana, Prasarana, dan/atau Fasilitas',
    'Kompetensi Pelaksana',
    'Pengawasan Internal',
    'Jumlah Pelaksana',
    'Jaminan Pelayanan',
    'Jaminan Keamanan dan Keselamatan Pelayanan',
    'Evaluasi Kinerja Pelaksana',
    // The document's own chart: its five boxes.
    'Cek Status DTKS di SIKS-NG',
    'Cek Status Kepesertaan ke BPJS (Via Grup Telegram)',
    'Masyarakat di arahkan menuju kantor BPJS',
    'Ditetapkan di : Magetan',
    'Pada tanggal : 05 Juni 2023',
    'KEPALA DINAS SOSIAL KABUPATEN MAGETAN',
    'PARMINTO BUDI UTOMO, S.Sos., M.AP.',
    'Pembina Utama Muda',
    'NIP. 19721221 199302 1 002',
    `Halaman 1 dari ${pages}`,
  ];
  for (const phrase of expected) expect(text).toContain(phrase);
  // Photocopy keeps its italics as markup, never as literal tags.
  expect(text).not.toContain('<i>');
});

test('a standard without its own chart draws the procedure from its SOP, with the decision exits', async () => {
  const text = flat(pdfText(await standardPdf('tarakan-peralihan-pbi-pemda')));
  expect(text).toContain('5. Pimpinan');
  expect(text).toContain('Ya (Layak) → langkah 6');
  expect(text).toContain('Tidak (Tidak layak) → langkah 7');
  expect(text).toContain('000.8.3.2/03.6/DINSOSPM');
  expect(text).toContain('10 Januari 2025');
  expect(text).toContain('Arbain, SE., M. AP');
});

test.each(['magetan-pengusulan-pbi-d', 'banjarbaru-mutasi-pbi-apbd', 'karangasem-akses-layanan-kesehatan'])('%s renders with both parts', async (slug) => {
  const text = flat(pdfText(await standardPdf(slug)));
  expect(text).toContain('(SERVICE DELIVERY)');
  expect(text).toContain('(MANUFACTURING)');
});

test('golden: first page of the Magetan reactivation standard; a different document is far from it', async () => {
  const pdf = await server.strapi.service('api::document.document').renderStandard('magetan-reaktivasi-kartu-jkn-kis');
  const { difference } = compareWithGolden('standard-magetan-reaktivasi', pdf);
  expect(difference).toBeLessThanOrEqual(GOLDEN_TOLERANCE);
  // The comparison can fail: another standard's first page differs well beyond the tolerance.
  const other = await server.strapi.service('api::document.document').renderStandard('magetan-pengusulan-pbi-d');
  expect(imageDifference(decodeGrayPng(firstPagePng(pdf)), decodeGrayPng(firstPagePng(other)))).toBeGreaterThan(GOLDEN_TOLERANCE * 3);
});
