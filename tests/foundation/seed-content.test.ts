import { norm, sourceActivities, sourceText } from '../helpers/source-documents';
import { startServer, type TestServer } from '../helpers/strapi';

/**
 * The seeded standards and SOPs against the five source documents (database/source-documents): every activity
 * one for one (number, text, time), and the facts the issue names.
 */
let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

const DOCS = [
  { slug: 'magetan-pengusulan-pbi-d' },
  { slug: 'magetan-reaktivasi' },
  { slug: 'tarakan-peralihan-pbi-pemda' },
  { slug: 'banjarbaru-mutasi-pbi-apbd' },
  { slug: 'karangasem-akses-layanan-kesehatan' },
];

async function standardWithSop(slugPrefix: string): Promise<any> {
  const list = await server.strapi.documents('api::service-standard.service-standard').findMany({
    status: 'published',
    filters: { slug: { $startsWith: slugPrefix } },
    populate: '*',
  });
  expect(list).toHaveLength(1);
  const sop = await server.strapi.documents('api::sop.sop').findOne({ documentId: list[0].sop.documentId, status: 'published', populate: '*' });
  return { ...list[0], sop };
}

describe.each(DOCS)('document $slug', ({ slug }) => {
  test('every activity of the SOP table is seeded, one for one, with its text and time', async () => {
    const source = sourceActivities(slug);
    const { sop } = await standardWithSop(slug);
    const activities = [...sop.activities].sort((a: any, b: any) => a.number - b.number);
    if (!source.length) {
      // Tarakan has no SOP table: its SOP is derived, and says so.
      expect(sop.derivedFields).toEqual(expect.arrayContaining(['activities', 'executors']));
      return;
    }
    const printed = activities.filter((a: any) => source.some((s) => s.number === a.number));
    expect(printed.map((a: any) => a.number)).toEqual(source.map((s) => s.number));
    for (const s of source) {
      const a = activities.find((x: any) => x.number === s.number);
      expect(norm(a.text)).toBe(norm(s.text));
      expect(a.timeText ?? undefined).toBe(s.time);
    }
  });

  test('the flowchart is whole: one start, every activity reachable, branches land on activities', async () => {
    const { sop } = await standardWithSop(slug);
    const numbers = new Set(sop.activities.map((a: any) => a.number));
    const executors = new Set(sop.executors.map((e: any) => e.key));
    expect(sop.activities.filter((a: any) => a.symbol === 'start')).toHaveLength(1);
    for (const a of sop.activities) {
      expect(executors.has(a.executor)).toBe(true);
      for (const target of [a.next, a.yesNext, a.noNext].filter(Boolean)) expect(numbers.has(target)).toBe(true);
      if (a.symbol === 'decision') expect(a.yesNext && a.noNext).toBeTruthy();
      else if (a.symbol !== 'end') expect(a.next).toBeTruthy();
    }
  });

  test("the standard's requirements and legal basis are the document's words", async () => {
    const text = norm(sourceText(slug));
    const std = await standardWithSop(slug);
    expect(std.requirements.length).toBeGreaterThan(0);
    const derived: string[] = std.derivedFields ?? [];
    for (const r of std.requirements) expect(text).toContain(norm(r.text).slice(0, 40));
    for (const item of derived.includes('legalBasis') ? std.sop.legalBasis : std.legalBasis) expect(text).toContain(norm(item.text).slice(0, 60));
  });
});

test('Magetan PBI-D: six activities over six executors, times 5 Menit, 5 Menit, 15 hari, 15 hari, 30 menit', async () => {
  const { sop, completionTime } = await standardWithSop('magetan-pengusulan-pbi-d');
  expect(sop.activities).toHaveLength(6);
  expect(sop.executors.map((e: any) => e.label)).toEqual(['Pemohon', 'Operator Desa', 'Operator Kecamatan', 'Bidang Linjamsos', 'BPJS', 'Dinas Kesehatan']);
  expect(sop.activities.filter((a: any) => a.timeText).map((a: any) => a.timeText)).toEqual(['5 Menit', '5 Menit', '15 hari', '15 hari', '30 menit']);
  expect(completionTime).toMatchObject({ amount: 15, unit: 'days' });
});

test("Magetan reactivation: the decision's Tidak exit returns the file to the applicant", async () => {
  const { sop, completionTime } = await standardWithSop('magetan-reaktivasi');
  const decision = sop.activities.find((a: any) => a.symbol === 'decision');
  expect(decision.number).toBe(4);
  expect(decision.yesNext).toBe(5);
  const no = sop.activities.find((a: any) => a.number === decision.noNext);
  expect(no.symbol).toBe('end');
  expect(no.executor).toBe(sop.executors.find((e: any) => /pemohon/i.test(e.label)).key);
  expect(decision.noLabel).toMatch(/dikembalikan/);
  expect(completionTime).toMatchObject({ amount: 60, unit: 'minutes' });
  expect(sop.executors.find((e: any) => /Kepala Dinas/.test(e.label)).roles).toEqual(['kepala-dinas', 'kabid']);
});

test('Karangasem: twelve activities, total time 1 hari, letter initialled by JF and signed by the head', async () => {
  const { sop } = await standardWithSop('karangasem-akses-layanan-kesehatan');
  expect(sop.activities).toHaveLength(12);
  expect(sop.totalTime).toMatchObject({ amount: 1, unit: 'days', text: '1 hari' });
  expect(sop.number).toBe('460/2032/DINSOS,PPPA,PPKB');
  const effects = Object.fromEntries(sop.activities.map((a: any) => [a.number, a.effect]));
  expect(effects[6]).toBe('letter-initial');
  expect(effects[7]).toBe('letter-sign');
});

test('Tarakan: the 14 components of its standard, signed by the head of office', async () => {
  const std = await standardWithSop('tarakan-peralihan-pbi-pemda');
  for (const list of [
    'requirements',
    'procedureSteps',
    'products',
    'complaintHandling',
    'legalBasis',
    'facilities',
    'competencies',
    'internalSupervision',
    'staffing',
    'serviceGuarantee',
    'securityGuarantee',
    'performanceEvaluation',
  ]) {
    expect(std[list].length).toBeGreaterThan(0);
  }
  expect(std.completionTimeText).toBe('Kurang dari 7 Hari');
  expect(std.fee).toMatch(/gratis/i);
  expect(std.legalBasis).toHaveLength(8);
  expect(std.approver).toMatchObject({ name: 'Arbain, SE., M. AP', nip: '196803181994031007' });
  expect(std.documentNumber).toBe('000.8.3.2/03.6/DINSOSPM');
});

test('four offices with their time zones and calendar rules', async () => {
  const offices = await server.strapi.documents('api::office.office').findMany({ populate: { calendar: true, head: true } });
  const byCode = Object.fromEntries(offices.map((o: any) => [o.code, o]));
  expect(Object.keys(byCode).sort()).toEqual(['banjarbaru', 'karangasem', 'magetan', 'tarakan']);
  expect(byCode.magetan.timeZone).toBe('Asia/Jakarta');
  expect(byCode.tarakan.timeZone).toBe('Asia/Makassar');
  expect(byCode.magetan.calendar.inputCutoffDay).toBe(15);
  expect(byCode.banjarbaru.calendar.bpjsMutationDay).toBe(25);
  expect(byCode.magetan.head.nip).toBe('19721221 199302 1 002');
});

test('regions: every district and village of the four regencies, with parents', async () => {
  const knex = server.strapi.db.connection;
  const count = async (prefix: string, level: string) => Number((await knex('regions').where('level', level).andWhere('code', 'like', `${prefix}.%`).count({ n: '*' }))[0].n);
  expect(await count('35.20', 'district')).toBe(18);
  expect(await count('35.20', 'village')).toBe(235);
  expect(await count('65.71', 'district')).toBe(4);
  expect(await count('51.07', 'district')).toBe(8);
  const village = await server.strapi.db.query('api::region.region').findOne({ where: { code: '35.20.06.2001' }, populate: { parent: true } });
  expect(village.parent.code).toBe('35.20.06');
});

test('the CMS shows Indonesian labels for English field names', async () => {
  const cm = server.strapi.plugin('content-manager');
  const applicant = await cm.service('content-types').findConfiguration(server.strapi.contentTypes['api::applicant.applicant']);
  expect(applicant.metadatas.kkNumber.edit.label).toBe('Nomor KK');
  expect(applicant.metadatas.birthDate.list.label).toBe('Tanggal lahir');
  const standard = await cm.service('content-types').findConfiguration(server.strapi.contentTypes['api::service-standard.service-standard']);
  expect(standard.metadatas.securityGuarantee.edit.label).toBe('Jaminan keamanan dan keselamatan pelayanan');
  const activity = await cm.service('components').findConfiguration(server.strapi.components['sop.activity']);
  expect(activity.metadatas.yesNext.edit.label).toBe('Jika "Ya" ke kegiatan');
});
