/**
 * SOP AP PDFs from the seeded SOPs: the drawing is checked by its structure (one symbol per
 * activity in its executor's column, decision exits labelled Ya/Tidak, off-page connectors in
 * pairs), the PDF by its text and pages, the first page against a golden image.
 */
import { startServer, type TestServer } from '../helpers/strapi';
import { GOLDEN_TOLERANCE, compareWithGolden, flat, pdfPageSize, pdfPages, pdfText } from './pdf-tools';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

const attrs = (tag: string) => Object.fromEntries([...tag.matchAll(/([\w-]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));

/** Symbols, columns, edges and connectors of the rendered SOP, page by page. */
function parseDrawing(html: string) {
  const pages = html.split('<section class="sop-page"').slice(1);
  return pages.map((p, index) => ({
    page: index + 1,
    columns: [...p.matchAll(/<rect class="sop-col"[^>]*>/g)].map((m) => attrs(m[0])),
    symbols: [...p.matchAll(/<g class="sop-symbol"[^>]*>([\s\S]*?)<\/g>/g)].map((m) => ({ ...attrs(m[0].slice(0, m[0].indexOf('>') + 1)), inner: m[1] })),
    edges: [...p.matchAll(/<g class="sop-edge"[^>]*>([\s\S]*?)<\/g>/g)].map((m) => ({ ...attrs(m[0].slice(0, m[0].indexOf('>') + 1)), inner: m[1] })),
    connectors: [...p.matchAll(/<g class="sop-connector"[^>]*>/g)].map((m) => attrs(m[0])),
  }));
}

async function sopOf(slug: string) {
  const std = await server.strapi
    .documents('api::service-standard.service-standard')
    .findFirst({ filters: { slug }, status: 'published', populate: { sop: { populate: { activities: true, executors: true } } } });
  return std.sop;
}

const SLUGS = ['magetan-pengusulan-pbi-d', 'magetan-reaktivasi-kartu-jkn-kis', 'tarakan-peralihan-pbi-pemda', 'banjarbaru-mutasi-pbi-apbd', 'karangasem-akses-layanan-kesehatan'];

test.each(SLUGS)('%s: one symbol per activity, in its executor column, with the right shape', async (slug) => {
  const sop = await sopOf(slug);
  const { html } = await server.strapi.service('api::document.document').sopHtml(sop.documentId);
  const pages = parseDrawing(html);
  const symbols = pages.flatMap((p) => p.symbols.map((s) => ({ ...s, page: p.page, columns: p.columns })));
  expect(symbols.map((s) => Number(s['data-activity'])).sort((a, b) => a - b)).toEqual(sop.activities.map((a: any) => a.number).sort((a: number, b: number) => a - b));
  for (const a of sop.activities) {
    const s = symbols.find((x) => Number(x['data-activity']) === a.number)!;
    expect(s['data-executor']).toBe(a.executor);
    expect(s['data-symbol']).toBe(a.symbol);
    const col = s.columns.find((c) => c['data-executor'] === a.executor)!;
    const cx = Number(s['data-cx']);
    expect(cx).toBeGreaterThan(Number(col.x));
    expect(cx).toBeLessThan(Number(col.x) + Number(col.width));
    // The five symbols only: capsule (rounded rect) for start/end, rectangle, diamond.
    if (a.symbol === 'decision') expect(s.inner).toMatch(/^<polygon/);
    else if (a.symbol === 'process') expect(s.inner).toMatch(/^<rect(?![^>]*rx=)/);
    else expect(s.inner).toMatch(/^<rect[^>]*rx="/);
  }
  // Every flow line of the SOP is drawn, decision exits labelled Ya/Tidak.
  const edges = pages.flatMap((p) => p.edges);
  for (const a of sop.activities) {
    const targets =
      a.symbol === 'decision'
        ? [
            [a.yesNext, 'yes'],
            [a.noNext, 'no'],
          ]
        : a.next && a.symbol !== 'end'
          ? [[a.next, 'next']]
          : [];
    for (const [to, kind] of targets) {
      const drawn = edges.filter((e) => Number(e['data-from']) === a.number && Number(e['data-to']) === to && e['data-kind'] === kind);
      expect(drawn.length).toBeGreaterThan(0);
      if (kind !== 'next') expect(drawn[0].inner).toContain(`class="exit-label">${kind === 'yes' ? 'Ya' : 'Tidak'}</text>`);
    }
  }
  // Off-page connectors come in pairs with the same label, out on one page and in on a later one.
  const connectors = pages.flatMap((p) => p.connectors.map((c) => ({ ...c, page: p.page })));
  for (const out of connectors.filter((c) => c['data-direction'] === 'out')) {
    const partner = connectors.find((c) => c['data-direction'] === 'in' && c['data-label'] === out['data-label']);
    expect(partner).toBeDefined();
    expect(partner!.page).toBeGreaterThan(out.page);
  }
  if (pages.length > 1) expect(connectors.length).toBeGreaterThan(0);
});

test('the Karangasem SOP breaks across pages with off-page connectors, and prints as landscape A4 with its text', async () => {
  const sop = await sopOf('karangasem-akses-layanan-kesehatan');
  const res = await server.http(`/layanan/karangasem-akses-layanan-kesehatan/sop/pdf`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/pdf');
  const pdf = Buffer.from(await res.arrayBuffer());
  const size = pdfPageSize(pdf);
  expect(size.width).toBeGreaterThan(size.height);
  const pages = pdfPages(pdf);
  expect(pages).toBeGreaterThanOrEqual(3);
  const text = flat(pdfText(pdf));
  for (const phrase of [
    'Nomor SOP',
    '460/2032/DINSOS,PPPA,PPKB',
    'Tanggal Efektif',
    '22 Mei 2023',
    'Komang Daging S.Sos.M.Si',
    'NIP. 19651023 198602 1 002',
    'Dasar Hukum:',
    'Kualifikasi Pelaksana:',
    'Keterkaitan:',
    'Peralatan/Perlengkapan:',
    'Peringatan:',
    'Pencatatan dan Pendataan:',
    'URAIAN KEGIATAN',
    'PELAKSANA',
    'MUTU BAKU',
    'Kelengkapan',
    'Waktu',
    'Output',
    'Jabatan Fungsional',
    'BPJS Kesehatan',
    'Jumlah Waktu Penyelesaian',
    `Halaman ${pages} dari ${pages}`,
  ]) {
    expect(text).toContain(phrase);
  }
  for (const a of sop.activities) expect(text).toContain(flat(a.text).slice(0, 40));
  const { layout } = await server.strapi.service('api::document.document').sopHtml(sop.documentId);
  expect(layout.connectors.filter((c: any) => c.direction === 'out').length).toBe(layout.pages.length - 1);
});

test('editing an activity in the CMS changes the drawing (after publishing; the draft is not public)', async () => {
  const uid = 'api::sop.sop';
  const sop = await sopOf('magetan-reaktivasi-kartu-jkn-kis');
  const full = await server.strapi.documents(uid).findOne({ documentId: sop.documentId, status: 'draft', populate: { activities: true } });
  const activities = full.activities.map(({ id, ...a }: any) => a);
  const second = activities.find((a: any) => a.number === 2);
  expect(second.executor).toBe('bidang-linjamsos');
  second.executor = 'kepala-dinas-kabid';
  second.text = 'Kepala Dinas memeriksa berkas (diubah di CMS)';
  await server.strapi.documents(uid).update({ documentId: sop.documentId, data: { activities } });
  const symbolOf = (html: string, n: number) => new RegExp(`<g class="sop-symbol" data-activity="${n}" data-executor="([^"]+)"`).exec(html)![1];

  const published = await server.strapi.service('api::document.document').sopHtml(sop.documentId, 'published');
  expect(symbolOf(published.html, 2)).toBe('bidang-linjamsos');
  const draft = await server.strapi.service('api::document.document').sopHtml(sop.documentId, 'draft');
  expect(symbolOf(draft.html, 2)).toBe('kepala-dinas-kabid');

  await server.strapi.documents(uid).publish({ documentId: sop.documentId });
  const after = await server.strapi.service('api::document.document').sopHtml(sop.documentId, 'published');
  expect(symbolOf(after.html, 2)).toBe('kepala-dinas-kabid');
  const pdf = Buffer.from(await (await server.http('/layanan/magetan-reaktivasi-kartu-jkn-kis/sop/pdf')).arrayBuffer());
  expect(flat(pdfText(pdf))).toContain('Kepala Dinas memeriksa berkas (diubah di CMS)');
});

test('golden: the activity table and flowchart page of the Tarakan SOP', async () => {
  const sop = await sopOf('tarakan-peralihan-pbi-pemda');
  const pdf = await server.strapi.service('api::document.document').renderSop(sop.documentId);
  const { difference } = compareWithGolden('sop-tarakan', pdf, 2);
  expect(difference).toBeLessThanOrEqual(GOLDEN_TOLERANCE);
});
