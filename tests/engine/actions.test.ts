/**
 * The other actions (return to the applicant, resume, reassign, notes, reject), error answers,
 * and SOP versions: a case keeps walking the SOP it was opened under when the office edits it.
 */
import { actionNames, engineSuite, eventsOf, newApplicant, openCase } from './helpers';

const SERVICE = 'tarakan-peralihan-pbi-pemda';
const suite = engineSuite('tarakan.desa1');

async function caseAt2() {
  const petugas = await suite.logins.as('tarakan.petugas');
  const opened = await openCase(petugas, SERVICE, newApplicant(suite.village), { checklist: { 'ktp-kk': true } });
  await petugas.ok(opened.case.documentId, 'complete');
  return opened.case.documentId as string;
}

test('returned to the applicant for missing requirements, then resumed when they bring them', async () => {
  const petugas = await suite.logins.as('tarakan.petugas');
  const id = await caseAt2();
  const returned = await petugas.ok(id, 'return');
  expect(returned.case.status).toBe('waiting');
  expect(returned.case.waitingFor).toBe('applicant');
  expect(actionNames(returned)).toEqual(['resume', 'reject', 'check', 'attach', 'reassign', 'note']);
  const events = await eventsOf(suite.server, id);
  const event = events.at(-1);
  expect(event.note).toMatch(/^Persyaratan belum lengkap: Pemohon menyertakan surat dari Kelurahan/);
  // A return to the applicant stays on the activity: it records no finish (SLA per activity).
  expect(event.action).toBe('return');
  expect(event.fromActivityDueAt).toBeNull();
  expect(event.note).not.toMatch(/Fotokopi KTP\/KK/); // ticked at opening
  // Still open: no second case for the same person meanwhile.
  const applicant = returned.case.applicant.documentId;
  expect((await petugas.post('/api/panel/cases/open', { service: SERVICE, applicant })).status).toBe(409);
  const resumed = await petugas.ok(id, 'resume', { note: 'Pemohon membawa surat kelurahan' });
  expect(resumed.case.status).toBe('in-progress');
  expect(new Date(resumed.case.activityStartedAt).getTime()).toBeGreaterThan(new Date(returned.case.activityStartedAt).getTime());
});

test('reassigned to a colleague with the role: only the assignee acts until the activity is done', async () => {
  const petugas = await suite.logins.as('tarakan.petugas');
  const peksos = await suite.logins.as('tarakan.peksos');
  const id = await caseAt2();
  // The view lists whom the case may go to: the office's accounts with the activity's role.
  const at2 = await petugas.view(id);
  expect(at2.assignees.map((a: any) => a.username)).toContain('tarakan.petugas');
  expect(at2.assignees.every((a: any) => a.role === 'petugas' && a.username.startsWith('tarakan.'))).toBe(true);
  const wrong = await petugas.act(id, 'reassign', { assignee: 'tarakan.peksos' });
  expect(wrong.status).toBe(400);
  expect(wrong.body.error.details.errors[0].path).toEqual(['assignee']);
  expect((await petugas.act(id, 'reassign', { assignee: 'magetan.petugas' })).status).toBe(400);
  // Activity 3 is the social worker's; assign it to the (only) demo social worker, then see the others wait.
  await petugas.ok(id, 'check', { items: { 'surat-kelurahan': true, 'surat-keterangan-sakit': true, 'jadwal-asesmen': true } });
  await petugas.ok(id, 'complete');
  expect((await peksos.view(id)).assignees).toEqual([{ username: 'tarakan.peksos', name: expect.any(String), role: 'pekerja-sosial', roleName: 'Pekerja Sosial', roleNameEn: 'Social worker' }]);
  const assigned = await peksos.ok(id, 'reassign', { assignee: peksos.user.id });
  expect(assigned.case.assignee.username).toBe('tarakan.peksos');
  expect(assigned.assignees).toEqual([]); // the current assignee is not offered again
  await peksos.ok(id, 'complete', { note: 'Kondisi rumah tidak layak huni, pendapatan harian.' });
  const next = await petugas.view(id);
  expect(next.case.assignee).toBeNull(); // the next activity goes back to the role's queue
  expect(actionNames(next)).toContain('complete');
});

test('rejecting needs a reason; a closed case takes notes only', async () => {
  const petugas = await suite.logins.as('tarakan.petugas');
  const id = await caseAt2();
  const noReason = await petugas.act(id, 'reject');
  expect(noReason.status).toBe(400);
  expect(noReason.body.error.details.errors[0].path).toEqual(['reason']);
  const rejected = await petugas.ok(id, 'reject', { reason: 'Pemohon sudah terdaftar PBI APBN' });
  expect(rejected.case).toMatchObject({ status: 'rejected', outcome: 'Pemohon sudah terdaftar PBI APBN' });
  expect(actionNames(rejected)).toEqual(['note']);
  const refused = await petugas.act(id, 'complete');
  expect(refused.status).toBe(403);
  expect(refused.body.error.message).toMatch(/sudah berstatus "Ditolak"/);
  expect((await petugas.act(id, 'note', { note: 'Pemohon diberi penjelasan' })).status).toBe(200);
});

test('errors: unknown action 404, other office 404, wrong role 403 with the reason, empty note 400', async () => {
  const petugas = await suite.logins.as('tarakan.petugas');
  const kabid = await suite.logins.as('tarakan.kabid');
  const other = await suite.logins.as('magetan.petugas');
  const id = await caseAt2();
  expect((await petugas.act(id, 'approve')).status).toBe(404);
  expect((await other.get(`/api/panel/cases/${id}/actions`)).status).toBe(404);
  expect((await other.act(id, 'note', { note: 'x' }, 1)).status).toBe(404);
  const wrongRole = await kabid.act(id, 'complete');
  expect(wrongRole.status).toBe(403);
  expect(wrongRole.body.error.message).toMatch(/dikerjakan oleh Petugas Dinsos-PM \(peran: Petugas Linjamsos\); peran Anda: Kepala Bidang/);
  const empty = await petugas.act(id, 'note', { note: '   ' });
  expect(empty.status).toBe(400);
  expect(empty.body.error.details.errors[0].path).toEqual(['note']);
  // The staff API's envelope: a top-level message (react-admin shows it) and the field.
  expect(empty.body.message).toEqual(expect.any(String));
  expect(empty.body.error.details.field).toBe('note');
  expect(wrongRole.body.message).toBe(wrongRole.body.error.message);
  const notABoolean = await petugas.act(id, 'check', { items: { 'ktp-kk': 'yes' } });
  expect(notABoolean.status).toBe(400);
  expect(notABoolean.body.error.details.field).toBe('items.ktp-kk');
  expect((await suite.server.http(`/api/panel/cases/${id}/actions`)).status).toBe(401);
  const bad = await petugas.post('/api/panel/cases/open', { service: 'tidak-ada', applicant: newApplicant(suite.village) });
  expect(bad.status).toBe(400);
  expect(bad.body.error.details.errors[0].path).toEqual(['service']);
  const badNik = await petugas.post('/api/panel/cases/open', { service: SERVICE, applicant: { ...newApplicant(suite.village), nik: '123' } });
  expect(badNik.body.error.details.errors[0].path).toEqual(['applicant', 'nik']);
  const outside = await (await suite.logins.as('tarakan.desa1')).post('/api/panel/cases/open', { service: SERVICE, applicant: newApplicant(suite.village) });
  expect(outside.status).toBe(403); // suite.village operators don't open this service
});

test('the timeline shows time spent per activity against its due time', async () => {
  const petugas = await suite.logins.as('tarakan.petugas');
  const id = await caseAt2();
  await petugas.ok(id, 'note', { note: 'Menunggu surat' });
  const t = (await petugas.get(`/api/panel/cases/${id}/timeline`)).body.data;
  expect(t.activities.map((a: any) => a.activity)).toEqual([1, 2]);
  expect(t.activities[0].leftAt).toBeTruthy();
  expect(t.activities[1].leftAt).toBeNull();
  expect(t.events.map((e: any) => e.action)).toEqual(['open', 'complete', 'note']);
  expect(t.events[2]).toMatchObject({ actor: 'Petugas Linjamsos (demo)', role: 'petugas', fromActivity: 2, toActivity: 2, note: 'Menunggu surat' });
  expect(t.case.overdue).toBe(false);
});

test('an SOP edited and republished applies to new cases; open cases keep their version', async () => {
  const strapi = suite.server.strapi;
  const petugas = await suite.logins.as('tarakan.petugas');
  const kabid = await suite.logins.as('tarakan.kabid');
  const before = await openCase(petugas, SERVICE, newApplicant(suite.village), { checklist: { 'ktp-kk': true, 'surat-kelurahan': true, 'surat-keterangan-sakit': true, 'jadwal-asesmen': true } });

  // The office moves "forward to the leadership" (activity 4) from the case worker to the head of division.
  const std = await strapi.documents('api::service-standard.service-standard').findFirst({ filters: { slug: SERVICE }, status: 'published', populate: { sop: true } });
  const sop = await strapi.documents('api::sop.sop').findOne({ documentId: std.sop.documentId, status: 'draft', populate: { activities: true, executors: true, tracks: true } });
  const strip = ({ id, ...rest }: any) => rest;
  const activities = sop.activities.map((a: any) => strip(a.number === 4 ? { ...a, executor: 'pimpinan' } : a));
  await strapi.documents('api::sop.sop').update({ documentId: sop.documentId, data: { activities, executors: sop.executors.map(strip), revision: 'Revisi uji' } });
  await strapi.documents('api::sop.sop').publish({ documentId: sop.documentId });

  const after = await openCase(petugas, SERVICE, newApplicant(suite.village), { checklist: { 'ktp-kk': true, 'surat-kelurahan': true, 'surat-keterangan-sakit': true, 'jadwal-asesmen': true } });
  expect(after.case.sop.version).not.toBe(before.case.sop.version);
  const peksos = await suite.logins.as('tarakan.peksos');
  for (const c of [before, after]) {
    const id = c.case.documentId;
    await petugas.ok(id, 'complete');
    await petugas.ok(id, 'complete');
    await peksos.ok(id, 'complete', { note: 'Asesmen lapangan selesai, kondisi rentan.' });
  }
  // The old case: the case worker forwards. The new one: the head of division does.
  expect((await petugas.ok(before.case.documentId, 'complete')).case.currentActivity.number).toBe(5);
  expect((await petugas.act(after.case.documentId, 'complete')).status).toBe(403);
  expect((await kabid.ok(after.case.documentId, 'complete')).case.currentActivity.number).toBe(5);
});

test('seeded cases keep the SOP they were seeded under; a case without a version (an older install) adopts the current one at its first action', async () => {
  const strapi = suite.server.strapi;
  const petugas = await suite.logins.as('tarakan.petugas');
  const [pinned, legacy] = await strapi.db.query('api::case.case').findMany({ where: { serviceSlug: SERVICE, status: 'in-progress', currentActivity: 4 }, orderBy: { id: 'asc' }, limit: 2 });
  expect(pinned.sopVersion).toMatch(/^[0-9a-f]{40}$/);
  // Seeded before the edit above: activity 4 is still the case worker's, and it goes on to 5.
  expect((await petugas.ok(pinned.documentId, 'complete')).case.currentActivity.number).toBe(5);

  await strapi.db.query('api::case.case').update({ where: { id: legacy.id }, data: { sopVersion: null } });
  const view = await petugas.ok(legacy.documentId, 'note', { note: 'Dilanjutkan dengan mesin kasus' });
  expect(view.case.version).toBe(legacy.version + 1);
  const after = await strapi.db.query('api::case.case').findOne({ where: { id: legacy.id } });
  expect(after.sopVersion).toBe(view.case.sop.version);
  expect(after.sopVersion).not.toBe(pinned.sopVersion);
});
