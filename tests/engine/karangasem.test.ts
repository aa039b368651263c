/**
 * Karangasem, access to health services: routing by track. Emergency cases go to BPJS the same
 * day; regular and mutation proposals go in the monthly batch; an inactive card gets a
 * reactivation letter initialled by JF and Kabid and signed by the head of office.
 */
import { endOfLocalDay, localDate, localMonth } from '../../cms/src/core/calendar';
import { actionNames, engineSuite, eventsOf, newApplicant, openCase } from './helpers';

const SERVICE = 'karangasem-akses-layanan-kesehatan';
const TZ = 'Asia/Makassar';
const suite = engineSuite('karangasem.desa1');

async function openAt5(track: string) {
  const petugas = await suite.logins.as('karangasem.petugas');
  const opened = await openCase(petugas, SERVICE, newApplicant(suite.village), { track, checklist: { kk: true, ktp: true } });
  const id = opened.case.documentId;
  for (let n = 1; n <= 4; n += 1) await petugas.ok(id, 'complete');
  return { id, opened };
}

test("a track is required and must be one of the SOP's", async () => {
  const petugas = await suite.logins.as('karangasem.petugas');
  const none = await petugas.post('/api/panel/cases/open', { service: SERVICE, applicant: newApplicant(suite.village) });
  expect(none.status).toBe(400);
  expect(none.body.error.details.errors[0].path).toEqual(['track']);
  expect(none.body.error.message).toMatch(/emergency/);
  const wrong = await petugas.post('/api/panel/cases/open', { service: SERVICE, applicant: newApplicant(suite.village), track: 'express' });
  expect(wrong.status).toBe(400);
});

test('inactive card: reactivation letter initialled by JF then Kabid, signed by the head of office, then BPJS reactivates', async () => {
  const petugas = await suite.logins.as('karangasem.petugas');
  const jf = await suite.logins.as('karangasem.jf');
  const kabid = await suite.logins.as('karangasem.kabid');
  const kadis = await suite.logins.as('karangasem.kadis');
  const bpjs = await suite.logins.as('karangasem.bpjs');
  const { id } = await openAt5('reactivation');
  let view = await petugas.ok(id, 'complete');
  expect(view.case.currentActivity.number).toBe(6);
  expect(view.case.queueRoles).toEqual(['jf']);
  expect(actionNames(await kabid.view(id))).not.toContain('complete');

  view = await jf.ok(id, 'complete');
  expect(view.case.currentActivity.number).toBe(6);
  expect(view.case.queueRoles).toEqual(['kabid']);
  expect(view.case.letter.initials.map((i: any) => i.role)).toEqual(['jf']);
  expect((await jf.act(id, 'complete')).status).toBe(403);

  view = await kabid.ok(id, 'complete');
  expect(view.case.currentActivity.number).toBe(7);
  expect(view.case.letter.status).toBe('initialled');
  expect((await kabid.act(id, 'complete')).status).toBe(403);
  view = await kadis.ok(id, 'complete');
  expect((await suite.server.strapi.db.query('api::letter.letter').findOne({ where: { case: { documentId: id } } })).status).toBe('signed');
  for (const n of [8, 9, 10, 11]) {
    expect(view.case.currentActivity.number).toBe(n);
    view = await petugas.ok(id, 'complete');
  }
  expect(view.case.currentActivity.number).toBe(12);
  expect(view.case.queueRoles).toEqual(['petugas-bpjs']);
  view = await bpjs.ok(id, 'complete', { result: 'accepted' });
  expect(view.case.status).toBe('completed');
  expect(view.case.activeFrom).toBe(localDate(new Date(), TZ)); // Karangasem: active once BPJS accepts

  const letter = await suite.server.strapi.db.query('api::letter.letter').findOne({ where: { case: { documentId: id } }, populate: { signer: true } });
  expect(letter.initials.map((i: any) => i.role)).toEqual(['jf', 'kabid']);
  expect(letter.signer.title).toMatch(/Kepala Dinas/);
  const events = await eventsOf(suite.server, id);
  expect(events.map((e) => e.toActivity)).toEqual([1, 2, 3, 4, 5, 6, 6, 7, 8, 9, 10, 11, 12, 12]);
  expect(events.find((e) => e.action === 'initial').role).toBe('jf');
});

test('emergency: due the same day, sent to BPJS alone, the letter activities skipped', async () => {
  const petugas = await suite.logins.as('karangasem.petugas');
  const bpjs = await suite.logins.as('karangasem.bpjs');
  const { id, opened } = await openAt5('emergency');
  expect(opened.case.priority).toBe('emergency');
  const received = new Date(opened.case.receivedAt);
  expect(new Date(opened.case.dueAt).toISOString()).toBe(endOfLocalDay(localDate(received, TZ), TZ).toISOString());
  const at5 = await petugas.view(id);
  expect(at5.actions.find((a: any) => a.action === 'complete').label).toBe('Kirim ke BPJS hari ini');
  const sent = await petugas.ok(id, 'complete');
  expect(sent.case.currentActivity.number).toBe(12);
  expect(sent.case.bpjsResult).toBe('pending');
  const done = await bpjs.ok(id, 'complete', { result: 'accepted' });
  expect(done.case.status).toBe('completed');
  expect((await eventsOf(suite.server, id)).map((e) => e.toActivity)).toEqual([1, 2, 3, 4, 5, 12, 12]);
});

test('regular and mutation: recapped monthly by the office, sent to BPJS, each case follows its line', async () => {
  const petugas = await suite.logins.as('karangasem.petugas');
  const bpjs = await suite.logins.as('karangasem.bpjs');
  const regular = await openAt5('regular');
  const mutation = await openAt5('mutation');
  const at5 = await petugas.view(regular.id);
  expect(actionNames(at5)).not.toContain('complete');
  expect(at5.batchStep.stage).toBe('office');
  expect((await petugas.act(regular.id, 'complete')).status).toBe(403);
  // Before sending, BPJS sees neither case.
  expect((await bpjs.get(`/api/panel/cases/${regular.id}/actions`)).status).toBe(404);

  const recap = await petugas.post('/api/panel/batches/office-recap', { service: SERVICE });
  expect(recap.status).toBe(201);
  expect(recap.body.data.month).toBe(localMonth(new Date(), TZ));
  expect(recap.body.data.recapped).toEqual(expect.arrayContaining([regular.opened.case.code, mutation.opened.case.code]));
  const batchId = recap.body.data.batch.documentId;
  expect((await bpjs.post(`/api/panel/batches/${batchId}/actions/result`, { lines: [] })).status).toBe(404);

  const sent = await petugas.post(`/api/panel/batches/${batchId}/actions/send`);
  expect(sent.status).toBe(200);
  expect((await petugas.post(`/api/panel/batches/${batchId}/actions/send`)).status).toBe(409);
  const regularView = await bpjs.view(regular.id);
  expect(regularView.case.currentActivity.number).toBe(12);
  expect(regularView.case.bpjsResult).toBe('pending');

  const lines = (await bpjs.get(`/api/panel/batches/${batchId}/lines`)).body.data.lines;
  const nikOf = (code: string) => lines.find((l: any) => l.code === code).nik;
  const result = await bpjs.post(`/api/panel/batches/${batchId}/actions/result`, {
    lines: [
      { nik: nikOf(regular.opened.case.code), result: 'accepted' },
      { nik: nikOf(mutation.opened.case.code), result: 'already-member', reason: 'Terdaftar sebagai peserta PBI APBN' },
      { nik: '5107040101900001', result: 'accepted' },
    ],
  });
  expect(result.status).toBe(200);
  expect(result.body.data.applied).toEqual({ accepted: 1, rejected: 0, 'already-member': 1 });
  expect(result.body.data.unmatched).toEqual(['5107040101900001']);
  expect((await petugas.view(regular.id)).case.status).toBe('completed');
  const m = (await petugas.view(mutation.id)).case;
  expect(m.status).toBe('returned');
  expect(m.outcome).toMatch(/Sudah terdaftar/);
});

test('the track can be changed while no track-specific activity has started', async () => {
  const petugas = await suite.logins.as('karangasem.petugas');
  const opened = await openCase(petugas, SERVICE, newApplicant(suite.village), { track: 'regular', checklist: { kk: true, ktp: true } });
  const id = opened.case.documentId;
  await petugas.ok(id, 'complete');
  const routed = await petugas.ok(id, 'route', { track: 'emergency' });
  expect(routed.case.track.key).toBe('emergency');
  expect(routed.case.priority).toBe('emergency');
  expect(new Date(routed.case.dueAt).getTime()).toBeLessThan(new Date(opened.case.dueAt).getTime());
});
