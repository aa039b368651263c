/**
 * Tarakan, transfer to PBI Pemda: document check, field assessment by a social worker,
 * leadership decision layak (transferred) or tidak layak (confirmed to the proposer, archived).
 */
import { actionNames, engineSuite, eventsOf, newApplicant, openCase } from './helpers';

const SERVICE = 'tarakan-peralihan-pbi-pemda';
const suite = engineSuite('tarakan.desa1');

async function throughAssessment() {
  const petugas = await suite.logins.as('tarakan.petugas');
  const peksos = await suite.logins.as('tarakan.peksos');
  const opened = await openCase(petugas, SERVICE, newApplicant(suite.village));
  const id = opened.case.documentId;
  expect(opened.case.currentActivity.number).toBe(1);
  expect(opened.case.version).toBe(1);
  await petugas.ok(id, 'complete');

  // Activity 2 checks the requirements: it cannot be completed until all are ticked.
  let view = await petugas.view(id);
  expect(view.case.currentActivity.number).toBe(2);
  const complete = view.actions.find((a: any) => a.action === 'complete');
  expect(complete.disabledReason).toMatch(/Persyaratan belum lengkap/);
  const refused = await petugas.act(id, 'complete');
  expect(refused.status).toBe(400);
  expect(refused.body.error.details.errors[0].path).toEqual(['checklist']);
  const keys = view.case.checklist.map((i: any) => i.key);
  await petugas.ok(id, 'check', { items: Object.fromEntries(keys.map((k: string) => [k, true])) });
  await petugas.ok(id, 'complete');

  // Activity 3 is the social worker's.
  view = await petugas.view(id);
  expect(view.case.currentActivity.number).toBe(3);
  expect(actionNames(view)).not.toContain('complete');
  expect((await petugas.act(id, 'complete', { note: 'x' })).status).toBe(403);
  const noNote = await peksos.act(id, 'complete');
  expect(noNote.status).toBe(400);
  expect(noNote.body.error.details.errors[0].path).toEqual(['note']);
  await peksos.ok(id, 'complete', { note: 'Rumah semi permanen, penghasilan tidak tetap, layak dibantu.' });
  await petugas.ok(id, 'complete');
  return id;
}

test('layak: the head of division decides Ya and the client is transferred', async () => {
  const id = await throughAssessment();
  const kabid = await suite.logins.as('tarakan.kabid');
  const petugas = await suite.logins.as('tarakan.petugas');
  const view = await kabid.view(id);
  expect(view.case.currentActivity.number).toBe(5);
  expect(actionNames(view)).toEqual(expect.arrayContaining(['decide-yes', 'decide-no']));
  expect(view.actions.find((a: any) => a.action === 'decide-yes').label).toBe('Ya: Layak');
  expect((await petugas.act(id, 'decide-yes')).status).toBe(403);
  await kabid.ok(id, 'decide-yes');
  const done = await petugas.ok(id, 'complete');
  expect(done.case.status).toBe('completed');
  expect(done.case.currentActivity.number).toBe(8);
  expect(done.case.closedAt).toBeTruthy();
  expect(actionNames(done)).toEqual(['note']);
  const events = await eventsOf(suite.server, id);
  expect(events.map((e) => e.action)).toEqual(['open', 'complete', 'check', 'complete', 'complete', 'complete', 'decide-yes', 'complete']);
  expect(events.map((e) => e.toActivity)).toEqual([1, 2, 2, 3, 4, 5, 6, 8]);
  expect(events.every((e) => e.at && e.role)).toBe(true);
});

test('tidak layak: the head of office decides Tidak; the file is confirmed and archived', async () => {
  const id = await throughAssessment();
  const kadis = await suite.logins.as('tarakan.kadis');
  const petugas = await suite.logins.as('tarakan.petugas');
  const decided = await kadis.ok(id, 'decide-no', { note: 'Masih mampu membayar iuran mandiri' });
  expect(decided.case.currentActivity.number).toBe(7);
  expect(decided.case.outcome).toBe('Tidak layak');
  const done = await petugas.ok(id, 'complete');
  expect(done.case.status).toBe('returned');
  expect(done.case.outcome).toBe('Tidak layak');
  const timeline = (await petugas.get(`/api/panel/cases/${id}/timeline`)).body.data;
  expect(timeline.activities.map((a: any) => a.activity)).toEqual([1, 2, 3, 4, 5, 7, 8]);
  expect(timeline.events.at(-1).toStatus).toBe('returned');
});
