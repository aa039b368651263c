/**
 * Magetan, PBI-D proposals: village operators enter proposals by the 15th (Form 35 and BA),
 * districts recap their villages, the office recaps the districts and sends to BPJS for
 * cleansing, BPJS's result per line decides each case, accepted members get the request
 * letter to Dinkes and are active on the 1st of the next month.
 */
import { monthAfter } from '../../cms/src/core/calendar';
import { proposalMonth } from '../../cms/src/core/deadlines';
import { startServer, type TestServer } from '../helpers/strapi';
import { actionNames, eventsOf, Logins, newApplicant, openCase, villageOf, type Staff } from './helpers';

const SERVICE = 'magetan-pengusulan-pbi-d';
let server: TestServer;
let logins: Logins;

beforeAll(async () => {
  server = await startServer();
  logins = new Logins(server);
});
afterAll(async () => {
  await server?.stop();
});

async function propose(desa: Staff, complete = true) {
  const village = await villageOf(server, desa.username);
  const applicant = newApplicant(village);
  const opened = await openCase(desa, SERVICE, applicant, complete ? { checklist: { 'ktp-kk': true } } : {});
  await desa.ok(opened.case.documentId, 'complete');
  return { id: opened.case.documentId as string, code: opened.case.code as string, nik: applicant.nik };
}

test('village, district and office recaps, BPJS cleansing per line, letter to Dinkes', async () => {
  const [desa1, desa2, desa3, kecamatan, kecamatan2, petugas, bpjs] = await Promise.all(
    ['desa1', 'desa2', 'desa3', 'kecamatan', 'kecamatan2', 'petugas', 'bpjs'].map((u) => logins.as(`magetan.${u}`)),
  );
  const a1 = await propose(desa1);
  const a2 = await propose(desa1);
  const incomplete = await propose(desa1, false);
  const b1 = await propose(desa2);
  const c1 = await propose(desa3);

  // Scope: a village operator sees only their village, a district operator their district.
  expect((await desa1.get(`/api/panel/cases/${b1.id}/actions`)).status).toBe(404);
  expect((await kecamatan.get(`/api/panel/cases/${a1.id}/actions`)).status).toBe(200);
  expect((await kecamatan.get(`/api/panel/cases/${c1.id}/actions`)).status).toBe(404);
  expect((await bpjs.get(`/api/panel/cases/${a1.id}/actions`)).status).toBe(404);

  // Activity 2 is done through the village recap, not case by case.
  const at2 = await desa1.view(a1.id);
  expect(at2.case.currentActivity.number).toBe(2);
  expect(actionNames(at2)).not.toContain('complete');
  expect(at2.batchStep.stage).toBe('village');
  // Due on the input cut-off day (the 15th, end of day in Magetan's time zone).
  const due = new Date(at2.case.activityDueAt);
  expect(new Date(due.getTime() + 7 * 3600_000).toISOString().slice(8, 19)).toBe('15T23:59:59');

  const rules = { timeZone: 'Asia/Jakarta', inputCutoffDay: 15 };
  const month = proposalMonth(new Date(), rules);
  let recap = await desa1.post('/api/panel/batches/village-recap', { service: SERVICE });
  expect(recap.status).toBe(201);
  expect(recap.body.data.month).toBe(month);
  // (The demo population has proposals in this village too; those without documents stay behind.)
  expect(recap.body.data.recapped).toEqual(expect.arrayContaining([a1.code, a2.code]));
  expect(recap.body.data.recapped).not.toContain(incomplete.code);
  expect(recap.body.data.skipped).toContainEqual({ code: incomplete.code, reason: expect.stringMatching(/Persyaratan belum lengkap/) });
  const villageBatch = recap.body.data.batch;
  expect(villageBatch.code).toMatch(/^DESA\/35\.20\.06\.\d{4}\//);
  // The skipped proposal is completed and recapped into the same, not yet recapped, village batch.
  await desa1.ok(incomplete.id, 'check', { items: { 'ktp-kk': true } });
  recap = await desa1.post('/api/panel/batches/village-recap', { service: SERVICE });
  expect(recap.body.data.batch.documentId).toBe(villageBatch.documentId);
  expect(recap.body.data.recapped).toEqual([incomplete.code]);
  expect((await desa1.post('/api/panel/batches/village-recap', { service: SERVICE })).status).toBe(400);
  expect((await desa2.post('/api/panel/batches/village-recap', { service: SERVICE })).status).toBe(201);
  expect((await desa3.post('/api/panel/batches/village-recap', { service: SERVICE })).status).toBe(201);

  const at3 = await kecamatan.view(a1.id);
  expect(at3.case.currentActivity.number).toBe(3);
  expect(at3.case.queueRoles).toEqual(['operator-kecamatan']);
  expect(at3.case.batch.level).toBe('village');

  // District recaps.
  expect((await desa1.post('/api/panel/batches/district-recap', { service: SERVICE })).status).toBe(403);
  const district = await kecamatan.post('/api/panel/batches/district-recap', { service: SERVICE });
  expect(district.status).toBe(201);
  const ofMonth = district.body.data.batches.find((b: any) => b.month === month);
  expect(ofMonth.villages).toHaveLength(2);
  expect(ofMonth.recapped).toEqual(expect.arrayContaining([a1.code, a2.code, incomplete.code, b1.code]));
  expect((await kecamatan2.post('/api/panel/batches/district-recap', { service: SERVICE })).status).toBe(201);
  expect((await kecamatan.post('/api/panel/batches/district-recap', { service: SERVICE })).status).toBe(400);

  // Office recap of both districts, sent to BPJS.
  const at4 = await petugas.view(c1.id);
  expect(at4.case.currentActivity.number).toBe(4);
  expect(at4.batchStep.stage).toBe('office');
  const office = await petugas.post('/api/panel/batches/office-recap', { service: SERVICE });
  expect(office.status).toBe(201);
  expect(office.body.data.recapped).toEqual(expect.arrayContaining([a1.code, a2.code, incomplete.code, b1.code, c1.code]));
  expect(office.body.data.from.length).toBeGreaterThanOrEqual(2);
  const officeBatch = office.body.data.batch;
  expect((await bpjs.get(`/api/panel/batches/${officeBatch.documentId}/lines`)).status).toBe(404);
  expect((await petugas.post(`/api/panel/batches/${officeBatch.documentId}/actions/send`)).status).toBe(200);
  const waiting = await bpjs.view(a1.id);
  expect(waiting.case.status).toBe('waiting');
  expect(waiting.case.waitingFor).toBe('bpjs');
  expect(actionNames(waiting)).toContain('bpjs-result');
  expect(actionNames(await petugas.view(a1.id))).not.toContain('complete');

  // BPJS: the cleansing result per line, in two parts.
  const url = `/api/panel/batches/${officeBatch.documentId}/actions/result`;
  const noReason = await bpjs.post(url, { lines: [{ nik: a2.nik, result: 'rejected' }] });
  expect(noReason.status).toBe(400);
  expect(noReason.body.error.details.errors[0].path).toEqual(['lines', '0', 'reason']);
  expect((await petugas.post(url, { lines: [{ nik: a1.nik, result: 'accepted' }] })).status).toBe(403);
  const first = await bpjs.post(url, {
    lines: [
      { nik: a1.nik, result: 'accepted' },
      { nik: a2.nik, result: 'rejected', reason: 'Terdaftar sebagai peserta mandiri aktif' },
      { nik: incomplete.nik, result: 'already-member' },
      { nik: b1.nik, result: 'accepted' },
    ],
  });
  expect(first.status).toBe(200);
  expect(first.body.data.batch.status).toBe('sent-to-bpjs');
  // The rest of the batch (with the demo population's proposals): all accepted.
  const pending = (await bpjs.get(`/api/panel/batches/${officeBatch.documentId}/lines`)).body.data.lines.filter((l: any) => l.bpjsResult === 'pending' && l.nik !== c1.nik);
  const again = await bpjs.post(url, {
    lines: [{ nik: a1.nik, result: 'rejected', reason: 'x' }, { nik: c1.nik, result: 'accepted' }, ...pending.map((l: any) => ({ nik: l.nik, result: 'accepted' }))],
  });
  expect(again.body.data.alreadyRecorded).toEqual([a1.nik]);
  expect(again.body.data.batch.status).toBe('cleansed');

  const accepted = await petugas.view(a1.id);
  expect(accepted.case.currentActivity.number).toBe(5);
  expect(accepted.case.bpjsResult).toBe('accepted');
  expect(accepted.case.activeFrom).toBe(`${monthAfter(officeBatch.month)}-01`);
  const rejected = (await petugas.view(a2.id)).case;
  expect([rejected.status, rejected.bpjsReason]).toEqual(['rejected', 'Terdaftar sebagai peserta mandiri aktif']);
  expect((await petugas.view(incomplete.id)).case.status).toBe('returned');

  // One request letter to Dinkes covers the batch; the cases end.
  const letters: string[] = [];
  for (const c of [a1, b1, c1]) {
    const done = await petugas.ok(c.id, 'complete');
    expect(done.case.status).toBe('completed');
    letters.push((await eventsOf(server, c.id)).at(-1).data.letter);
  }
  expect(new Set(letters).size).toBe(1);
  const letter = await server.strapi.db.query('api::letter.letter').findOne({ where: { number: letters[0] }, populate: { batch: true } });
  expect(letter.kind).toBe('permohonan-pbi-d');
  expect(letter.batch.documentId).toBe(officeBatch.documentId);

  // The village batch's lines, as the village operator (full NIK) and the district operator (masked).
  const mine = (await desa1.get(`/api/panel/batches/${villageBatch.documentId}/lines`)).body.data.lines;
  expect(mine.map((l: any) => l.nik).sort()).toEqual([a1.nik, a2.nik, incomplete.nik].sort());
  const masked = (await kecamatan.get(`/api/panel/batches/${villageBatch.documentId}/lines`)).body.data.lines;
  // The same mask as every screen (core/identity-visibility.ts): the region digits only.
  expect(masked.every((l: any) => /^\d{4}\*{12}$/.test(l.nik))).toBe(true);
  expect((await desa2.get(`/api/panel/batches/${villageBatch.documentId}/lines`)).status).toBe(404);

  const history = (await eventsOf(server, a1.id)).map((e) => e.action);
  expect(history).toEqual(['open', 'complete', 'village-recap', 'district-recap', 'office-recap', 'bpjs-send', 'bpjs-result', 'complete']);
});

test('no second open case of the same service for the same NIK', async () => {
  const desa1 = await logins.as('magetan.desa1');
  const village = await villageOf(server, 'magetan.desa1');
  const applicant = newApplicant(village);
  const first = await openCase(desa1, SERVICE, applicant);
  const second = await desa1.post('/api/panel/cases/open', { service: SERVICE, applicant });
  expect(second.status).toBe(409);
  expect(second.body.error.message).toContain(first.case.code);
  // Once the first is closed, a new proposal may be made.
  await desa1.ok(first.case.documentId, 'reject', { reason: 'Berkas ganda, diajukan ulang' });
  expect((await desa1.post('/api/panel/cases/open', { service: SERVICE, applicant: first.case.applicant.documentId })).status).toBe(201);
});
