/** The procedure chart and the public standard page, from views built here (pure functions). */
import type { ActivityView, OfficeView, StandardView } from '../../../cms/src/modules/documents/models';
import { procedureFlowHtml, procedureNodes } from '../../../cms/src/modules/documents/procedure-flow';
import { standardPage } from '../../../cms/src/modules/public-site/catalog-pages';

const office: OfficeView = { code: 'tarakan', name: 'Dinas Sosial Kota Tarakan', government: 'Pemerintah Kota Tarakan', timeZone: 'Asia/Makassar', letterheadLines: [] };

function standard(activities: ActivityView[], overrides: Partial<StandardView> = {}): StandardView {
  return {
    slug: 'uji',
    title: 'Layanan Uji',
    requirements: [],
    procedureSteps: [],
    flowchartSteps: [],
    products: [],
    complaintHandling: [],
    legalBasis: [],
    facilities: [],
    competencies: [],
    internalSupervision: [],
    staffing: [],
    serviceGuarantee: [],
    securityGuarantee: [],
    performanceEvaluation: [],
    sop: { name: 'SOP Uji', legalBasis: [], qualifications: [], relatedSops: [], equipment: [], warnings: [], recordKeeping: [], executors: [{ key: 'petugas', label: 'Petugas' }], activities },
    ...overrides,
  };
}

// Tarakan's shape: a decision whose two exits are the two boxes below it, both ending at 8.
const BRANCHED: ActivityView[] = [
  { number: 5, text: 'Pimpinan memutuskan', executor: 'petugas', symbol: 'decision', yesNext: 6, yesLabel: 'Layak', noNext: 7, noLabel: 'Tidak layak' },
  { number: 6, text: 'Klien dialihkan', executor: 'petugas', symbol: 'process', next: 8 },
  { number: 7, text: 'Berkas diarsipkan', executor: 'petugas', symbol: 'process', next: 8 },
  { number: 8, text: 'Selesai', executor: 'petugas', symbol: 'end' },
];

test('a decision\'s branches are not chained: no arrow from the "Ya" box into the "Tidak" box, and the "Ya" box says where it goes', () => {
  const nodes = procedureNodes(standard(BRANCHED));
  expect(nodes.map((n) => n.fromAbove)).toEqual([true, true, false, true]);
  expect(nodes[1].jump).toBe('→ langkah 8');
  expect(nodes[2].jump).toBeUndefined();
  const markup = String(procedureFlowHtml(nodes));
  // Two arrows (5 → 6 and 7 → 8), one gap between the branches.
  expect(markup.match(/class="flow-arrow"/g)).toHaveLength(2);
  expect(markup.match(/class="flow-gap"/g)).toHaveLength(1);
  expect(markup).toContain('Ya (Layak) → langkah 6 · Tidak (Tidak layak) → langkah 7');
});

test('a straight SOP is one chain of numbered arrows, with no jumps', () => {
  const straight: ActivityView[] = [
    { number: 1, text: 'Mulai', executor: 'petugas', symbol: 'start', next: 2 },
    { number: 2, text: 'Periksa', executor: 'petugas', symbol: 'process' },
    { number: 3, text: 'Selesai', executor: 'petugas', symbol: 'end' },
  ];
  const nodes = procedureNodes(standard(straight));
  expect(nodes.every((n) => n.fromAbove && !n.jump)).toBe(true);
  const markup = String(procedureFlowHtml(nodes));
  expect(markup.match(/class="num">(\d+)</g)).toEqual(['class="num">1<', 'class="num">2<']);
});

test('the public page shows all 14 components, "-" where the standard leaves one empty (a blank fee too)', () => {
  const page = standardPage(standard(BRANCHED, { fee: '  ', requirements: ['KTP'] }), office, undefined);
  const headings = [
    'Persyaratan',
    'Sistem, mekanisme dan prosedur',
    'Jangka waktu penyelesaian',
    'Biaya/tarif',
    'Produk pelayanan',
    'Penanganan pengaduan, saran dan masukan',
    'Dasar hukum',
    'Sarana, prasarana, dan/atau fasilitas',
    'Kompetensi pelaksana',
    'Pengawasan internal',
    'Jumlah pelaksana',
    'Jaminan pelayanan',
    'Jaminan keamanan dan keselamatan pelayanan',
    'Evaluasi kinerja pelaksana',
  ];
  for (const h of headings) expect(page).toContain(`<h3>${h}</h3>`);
  expect(page).toContain('<h3>Biaya/tarif</h3><p>-</p>');
  expect(page).toContain('<h3>Penanganan pengaduan, saran dan masukan</h3><p>-</p>');
  expect(page).not.toContain('tidak dipungut biaya');
});
