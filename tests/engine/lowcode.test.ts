/**
 * Low-code proof: an office admin defines a new service in the CMS (content-manager API of the
 * Strapi admin): an SOP with a decision and a service standard, publishes them, and cases run
 * through it over the staff API with no code change. A broken SOP cannot be published.
 */
import { readFileSync } from 'fs';
import path from 'path';
import { addDuration } from '../../cms/src/core/calendar';
import { startServer, type TestServer } from '../helpers/strapi';
import { actionNames, eventsOf, Logins, newApplicant, openCase, villageOf } from './helpers';

let server: TestServer;
let logins: Logins;
let adminToken: string;
const tarakan = JSON.parse(readFileSync(path.resolve(__dirname, '../../config/offices/tarakan.json'), 'utf8'));

beforeAll(async () => {
  server = await startServer();
  logins = new Logins(server);
  // The CMS admin seeded for demo installs, as an office admin would log in to the CMS.
  const res = await server.http('/admin/login', { method: 'POST', json: { email: 'admin@demo.layanan-pbi.id', password: 'Demo-PBI-2026!' } });
  const body: any = await res.json();
  if (res.status !== 200) throw new Error(`admin login: ${res.status} ${JSON.stringify(body)}`);
  adminToken = body.data.token;
});
afterAll(async () => {
  await server?.stop();
});

const cms = async (method: string, url: string, json?: unknown) => {
  const res = await server.http(`/content-manager${url}`, { method, token: adminToken, json });
  return { status: res.status, body: (await res.json()) as any };
};

const SLUG = 'tarakan-rekomendasi-keringanan-iuran';

function sopBody(officeDocumentId: string, yesNext: number) {
  return {
    name: 'SOP Rekomendasi Keringanan Iuran JKN',
    number: '400.9/SOP-UJI/2026',
    officeCode: 'tarakan',
    office: { connect: [{ documentId: officeDocumentId }] },
    executors: [
      { key: 'pemohon', label: 'Pemohon', roles: ['petugas'], external: true },
      { key: 'petugas', label: 'Petugas', roles: ['petugas'] },
      { key: 'peksos', label: 'Pekerja Sosial', roles: ['pekerja-sosial'] },
      { key: 'kabid', label: 'Kepala Bidang', roles: ['kabid'] },
    ],
    activities: [
      { number: 1, text: 'Pemohon menyerahkan berkas', executor: 'pemohon', symbol: 'start', next: 2, effect: 'none' },
      {
        number: 2,
        text: 'Petugas memeriksa kelengkapan berkas',
        executor: 'petugas',
        symbol: 'process',
        next: 3,
        effect: 'requirements-check',
        timeAmount: 1,
        timeUnit: 'workdays',
        timeText: '1 hari kerja',
      },
      {
        number: 3,
        text: 'Pekerja sosial melakukan kunjungan rumah',
        executor: 'peksos',
        symbol: 'process',
        next: 4,
        effect: 'assessment',
        timeAmount: 2,
        timeUnit: 'workdays',
        timeText: '2 hari kerja',
      },
      { number: 4, text: 'Kabid memutuskan rekomendasi', executor: 'kabid', symbol: 'decision', yesNext, yesLabel: 'Direkomendasikan', noNext: 6, noLabel: 'Tidak direkomendasikan', effect: 'none' },
      { number: 5, text: 'Kabid menandatangani surat rekomendasi', executor: 'kabid', symbol: 'process', next: 7, effect: 'letter-sign', letterKind: 'rekomendasi' },
      { number: 6, text: 'Petugas mengarsipkan berkas', executor: 'petugas', symbol: 'process', next: 7, effect: 'archive' },
      { number: 7, text: 'Selesai', executor: 'petugas', symbol: 'end', effect: 'none' },
    ],
  };
}

test('a new service defined and published in the CMS runs both branches with no code change', async () => {
  const office = await server.strapi.db.query('api::office.office').findOne({ where: { code: 'tarakan' } });

  // The admin drafts an SOP whose "Ya" exit points nowhere: saving the draft is fine, publishing is refused.
  const draft = await cms('POST', '/collection-types/api::sop.sop', sopBody(office.documentId, 99));
  expect(draft.status).toBe(201);
  const sopId = draft.body.data.documentId;
  const broken = await cms('POST', `/collection-types/api::sop.sop/${sopId}/actions/publish`, sopBody(office.documentId, 99));
  expect(broken.status).toBe(400);
  expect(broken.body.error.message).toMatch(/Kegiatan 4: cabang "Ya" menuju kegiatan 99 yang tidak ada/);
  expect(broken.body.error.details.errors[0].path).toEqual(['activities', '3', 'yesNext']);
  const published = await cms('POST', `/collection-types/api::sop.sop/${sopId}/actions/publish`, sopBody(office.documentId, 5));
  expect(published.status).toBe(200);

  const standard = {
    title: 'Rekomendasi Keringanan Iuran JKN',
    slug: SLUG,
    officeCode: 'tarakan',
    office: { connect: [{ documentId: office.documentId }] },
    sop: { connect: [{ documentId: sopId }] },
    requirements: [
      { key: 'ktp-kk', text: 'Fotokopi KTP dan KK', required: true, upload: true },
      { key: 'sktm', text: 'Surat keterangan tidak mampu dari kelurahan', required: true, upload: true },
      { key: 'foto-rumah', text: 'Foto rumah (bila ada)', required: false, upload: true },
    ],
    completionTime: { amount: 5, unit: 'workdays', text: '5 hari kerja' },
    completionTimeText: '5 hari kerja',
    fee: 'Tidak dipungut biaya',
  };
  const created = await cms('POST', '/collection-types/api::service-standard.service-standard', standard);
  expect(created.status).toBe(201);
  const std = await cms('POST', `/collection-types/api::service-standard.service-standard/${created.body.data.documentId}/actions/publish`, standard);
  expect(std.status).toBe(200);

  // Staff run cases through it over the staff API.
  const [petugas, peksos, kabid] = await Promise.all(['petugas', 'peksos', 'kabid'].map((u) => logins.as(`tarakan.${u}`)));
  const village = await villageOf(server, 'tarakan.desa1');
  const cal = { timeZone: tarakan.timeZone, workingWeekdays: tarakan.calendar.workingWeekdays, holidays: tarakan.calendar.holidays };
  const outcomes: Record<string, any> = {};
  for (const branch of ['decide-yes', 'decide-no']) {
    const opened = await openCase(petugas, SLUG, newApplicant(village), { checklist: { 'ktp-kk': true } });
    const id = opened.case.documentId;
    expect(opened.case.checklist.map((i: any) => i.key)).toEqual(['ktp-kk', 'sktm', 'foto-rumah']);
    expect(opened.case.dueAt).toBe(addDuration(new Date(opened.case.receivedAt), 5, 'workdays', cal).toISOString());
    let view = await petugas.ok(id, 'complete');
    expect(view.case.activityDueAt).toBe(addDuration(new Date(view.case.activityStartedAt), 1, 'workdays', cal).toISOString());
    expect(view.actions.find((a: any) => a.action === 'complete').disabledReason).toBe('Persyaratan belum lengkap: Surat keterangan tidak mampu dari kelurahan');
    await petugas.ok(id, 'check', { items: { sktm: true } });
    view = await petugas.ok(id, 'complete');
    expect(view.case.activityDueAt).toBe(addDuration(new Date(view.case.activityStartedAt), 2, 'workdays', cal).toISOString());
    await peksos.ok(id, 'complete', { note: 'Rumah kayu, kepala keluarga buruh harian lepas.' });
    view = await kabid.view(id);
    expect(actionNames(view).slice(0, 2)).toEqual(['decide-yes', 'decide-no']);
    expect(view.actions[0].label).toBe('Ya: Direkomendasikan');
    await kabid.ok(id, branch);
    outcomes[branch] = branch === 'decide-yes' ? await kabid.ok(id, 'complete') : await petugas.ok(id, 'complete');
    outcomes[branch].events = (await eventsOf(server, id)).map((e) => e.toActivity);
  }
  expect(outcomes['decide-yes'].case.status).toBe('completed');
  expect(outcomes['decide-yes'].events).toEqual([1, 2, 2, 3, 4, 5, 7]);
  expect(outcomes['decide-no'].case).toMatchObject({ status: 'returned', outcome: 'Tidak direkomendasikan' });
  expect(outcomes['decide-no'].events).toEqual([1, 2, 2, 3, 4, 6, 7]);
  const letter = await server.strapi.db.query('api::letter.letter').findOne({ where: { kind: 'rekomendasi', officeCode: 'tarakan' }, populate: { signer: true } });
  expect(letter.status).toBe('signed');
  expect(letter.number).toMatch(/^400\.9\.6\/\d+\/Dinsos\/\d{4}$/);
  expect(letter.signer.name).toBe('Kepala Bidang (demo)');
});

test('a batch service with its own office-recap step, created through the document service, runs with no code change', async () => {
  const strapi = server.strapi;
  const office = await strapi.db.query('api::office.office').findOne({ where: { code: 'tarakan' } });
  const sop = await strapi.documents('api::sop.sop').create({
    status: 'published',
    data: {
      name: 'SOP Usulan Kolektif Panti',
      officeCode: 'tarakan',
      office: office.documentId,
      executors: [
        { key: 'petugas', label: 'Petugas', roles: ['petugas'] },
        { key: 'bpjs', label: 'BPJS Kesehatan', roles: ['petugas-bpjs'] },
      ],
      activities: [
        { number: 1, text: 'Petugas menerima data penghuni panti', executor: 'petugas', symbol: 'start', next: 2, effect: 'none' },
        { number: 2, text: 'Petugas merekap usulan bulan ini', executor: 'petugas', symbol: 'process', next: 3, effect: 'office-recap' },
        { number: 3, text: 'Petugas mengirim rekap ke BPJS', executor: 'petugas', symbol: 'process', next: 4, effect: 'bpjs-send' },
        { number: 4, text: 'Selesai', executor: 'petugas', symbol: 'end', effect: 'none' },
      ],
    } as any,
  });
  await strapi.documents('api::service-standard.service-standard').create({
    status: 'published',
    data: {
      title: 'Usulan Kolektif Panti',
      slug: 'tarakan-usulan-panti',
      officeCode: 'tarakan',
      office: office.documentId,
      sop: sop.documentId,
      requirements: [{ key: 'data-penghuni', text: 'Data penghuni panti dari pengurus panti', required: false }],
      completionTime: { amount: 1, unit: 'months' },
      completionTimeText: '1 bulan',
      fee: 'Gratis',
    } as any,
  });
  const petugas = await logins.as('tarakan.petugas');
  const bpjs = await logins.as('tarakan.bpjs');
  const village = await villageOf(server, 'tarakan.desa1');
  const people = [newApplicant(village), newApplicant(village)];
  const ids: string[] = [];
  for (const p of people) {
    const opened = await openCase(petugas, 'tarakan-usulan-panti', p);
    await petugas.ok(opened.case.documentId, 'complete');
    ids.push(opened.case.documentId);
  }
  const recap = await petugas.post('/api/panel/batches/office-recap', { service: 'tarakan-usulan-panti' });
  expect(recap.status).toBe(201);
  expect((await petugas.view(ids[0])).case.currentActivity.number).toBe(3); // the recap completed activity 2
  const batch = recap.body.data.batch.documentId;
  expect((await petugas.post(`/api/panel/batches/${batch}/actions/send`)).status).toBe(200);
  const result = await bpjs.post(`/api/panel/batches/${batch}/actions/result`, {
    lines: [
      { nik: people[0].nik, result: 'accepted' },
      { nik: people[1].nik, result: 'rejected', reason: 'Data kependudukan tidak padan' },
    ],
  });
  expect(result.body.data.batch.status).toBe('cleansed');
  expect((await petugas.view(ids[0])).case).toMatchObject({ status: 'completed', currentActivity: { number: 4 } });
  expect((await petugas.view(ids[1])).case).toMatchObject({ status: 'rejected', bpjsReason: 'Data kependudukan tidak padan' });
});
