/**
 * Magetan, reactivation of a JKN-KIS card: requirement check at the counter, BPJS check of the
 * membership, decision: still registered -> reactivation letter signed by the head of office
 * or the head of division and handed over; not registered -> file returned with advice to be
 * proposed again through the village.
 */
import { actionNames, engineSuite, eventsOf, newApplicant, openCase } from './helpers';

const SERVICE = 'magetan-reaktivasi-kartu-jkn-kis';
const suite = engineSuite('magetan.desa1');

/** Open, tick the requirements, pass the check and get BPJS's answer. */
async function upToDecision(bpjsAnswer: Record<string, unknown>) {
  const petugas = await suite.logins.as('magetan.petugas');
  const bpjs = await suite.logins.as('magetan.bpjs');
  const opened = await openCase(petugas, SERVICE, newApplicant(suite.village, { membership: 'inactive' }), {
    checklist: { 'dokumen-tertulis': true, 'hadir-langsung': true, 'kis-ktp-kk': true },
  });
  const id = opened.case.documentId;
  // The counter service takes 60 minutes in all.
  expect(new Date(opened.case.dueAt).getTime() - new Date(opened.case.receivedAt).getTime()).toBe(60 * 60_000);
  expect(new Date(opened.case.activityDueAt).getTime() - new Date(opened.case.activityStartedAt).getTime()).toBe(5 * 60_000);
  await petugas.ok(id, 'complete');
  // Leaving activity 1 recorded its due time on the event, for the dashboard's SLA per activity.
  const left = (await eventsOf(suite.server, id)).at(-1);
  expect([left.action, left.fromActivity, left.toActivity]).toEqual(['complete', 1, 2]);
  expect(new Date(left.fromActivityDueAt).getTime()).toBe(new Date(opened.case.activityDueAt).getTime());
  expect((await bpjs.get(`/api/panel/cases/${id}`)).status).toBe(404);
  await petugas.ok(id, 'complete');

  // Activity 3 is BPJS's check: the case is in the BPJS liaison's queue (and only now visible to them).
  let view = await bpjs.view(id);
  expect(view.case.currentActivity.number).toBe(3);
  expect(view.case.queueRoles).toEqual(['petugas-bpjs']);
  expect((await bpjs.get(`/api/panel/cases/${id}`)).status).toBe(200);
  const queue = await bpjs.get(`/api/panel/cases?filter=${encodeURIComponent(JSON.stringify({ queue: 'mine' }))}&range=[0,999]`);
  expect(queue.body.map((c: any) => c.id)).toContain(id);
  const bad = await bpjs.act(id, 'complete', { result: 'maybe' });
  expect(bad.status).toBe(400);
  expect(bad.body.error.details.errors[0].path).toEqual(['result']);
  view = await bpjs.ok(id, 'complete', bpjsAnswer);
  expect(view.case.currentActivity.number).toBe(4);
  expect(view.case.bpjsResult).toBe(bpjsAnswer.result);
  // The history says it in Indonesian, as the batch path does.
  expect((await eventsOf(suite.server, id)).at(-1).note).toMatch(/^Hasil BPJS: (diterima|ditolak|sudah terdaftar)/);
  return id;
}

test('still registered: letter drafted, signed by the head of division, handed over', async () => {
  const id = await upToDecision({ result: 'accepted' });
  const petugas = await suite.logins.as('magetan.petugas');
  const kabid = await suite.logins.as('magetan.kabid');
  const kadis = await suite.logins.as('magetan.kadis');
  await petugas.ok(id, 'decide-yes');
  const drafted = await petugas.ok(id, 'complete');
  expect(drafted.case.currentActivity.number).toBe(6);
  // Kepala Dinas or Kabid signs; both see the action.
  expect(actionNames(await kadis.view(id))).toContain('complete');
  expect(actionNames(await kabid.view(id))).toContain('complete');
  expect((await petugas.act(id, 'complete')).status).toBe(403);
  const signed = await kabid.ok(id, 'complete');
  expect(signed.case.currentActivity.number).toBe(7);
  expect(signed.case.letter.status).toBe('signed');
  expect(signed.case.letter.number).toMatch(/^400\.9\.6\/\d+\/Dinsos\/\d{4}$/);
  const done = await petugas.ok(id, 'complete');
  expect(done.case.status).toBe('completed');

  const letter = await suite.server.strapi.db.query('api::letter.letter').findOne({ where: { number: signed.case.letter.number }, populate: { signer: true, case: true } });
  expect(letter.kind).toBe('reaktivasi');
  expect(letter.signer.name).toBe('Kepala Bidang (demo)');
  expect(letter.case.documentId).toBe(id);
  const events = await eventsOf(suite.server, id);
  expect(events.at(-2).data.letter).toBe(letter.number);
});

test('not registered: Tidak returns the file with the advice to propose again through the suite.village', async () => {
  const id = await upToDecision({ result: 'rejected', reason: 'NIK tidak ditemukan di data kepesertaan' });
  const petugas = await suite.logins.as('magetan.petugas');
  const view = await petugas.view(id);
  expect(view.actions.find((a: any) => a.action === 'decide-no').label).toMatch(/^Tidak: Tidak terdaftar/);
  const done = await petugas.ok(id, 'decide-no');
  expect(done.case.status).toBe('returned');
  expect(done.case.currentActivity.number).toBe(8);
  expect(done.case.outcome).toMatch(/diusulkan kembali melalui operator SIKS-NG Desa\/Kelurahan/);
  expect(done.case.bpjsReason).toBe('NIK tidak ditemukan di data kepesertaan');
});

test('the head of office signs with the office head as signer', async () => {
  const id = await upToDecision({ result: 'accepted' });
  const petugas = await suite.logins.as('magetan.petugas');
  const kadis = await suite.logins.as('magetan.kadis');
  await petugas.ok(id, 'decide-yes');
  await petugas.ok(id, 'complete');
  const signed = await kadis.ok(id, 'complete');
  const letter = await suite.server.strapi.db.query('api::letter.letter').findOne({ where: { number: signed.case.letter.number }, populate: { signer: true } });
  expect(letter.signer.name).toBe('PARMINTO BUDI UTOMO, S.Sos., M.AP.');
  expect(letter.signer.nip).toBe('19721221 199302 1 002');
});
