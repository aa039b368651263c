/**
 * Banjarbaru, mutation (deactivation) of PBI JKN APBD members: instruction, meeting and
 * notification letter, then proposals collected and sent to BPJS, which accepts mutations on
 * the 25th of each month (active on the 1st of the next month), then the report.
 */
import { monthAfter } from '../../cms/src/core/calendar';
import { bpjsMonth } from '../../cms/src/core/deadlines';
import { actionNames, engineSuite, eventsOf, newApplicant, openCase } from './helpers';

const SERVICE = 'banjarbaru-mutasi-pbi-apbd';
const TZ = 'Asia/Makassar';
const ALL = { 'ktp-kk': true, kis: true, 'surat-pengunduran-diri': true, 'surat-kelurahan': true, 'surat-tanggungan-perusahaan': true };
const suite = engineSuite('banjarbaru.desa1');

async function toActivity4(checklist: Record<string, boolean>) {
  const petugas = await suite.logins.as('banjarbaru.petugas');
  const kadis = await suite.logins.as('banjarbaru.kadis');
  const kabid = await suite.logins.as('banjarbaru.kabid');
  const jf = await suite.logins.as('banjarbaru.jf');
  const opened = await openCase(petugas, SERVICE, newApplicant(suite.village, { membership: 'pbi-pemda' }), { checklist });
  const id = opened.case.documentId;
  expect(opened.case.queueRoles).toEqual(['kepala-dinas']);
  expect((await petugas.act(id, 'complete')).status).toBe(403);
  await kadis.ok(id, 'complete');
  await kabid.ok(id, 'complete');
  const at4 = await jf.ok(id, 'complete');
  expect(at4.case.currentActivity.number).toBe(4);
  return { id, code: opened.case.code as string, at4 };
}

test('proposals go to BPJS for the 25th; accepted members are active on the 1st of the next month', async () => {
  const petugas = await suite.logins.as('banjarbaru.petugas');
  const bpjs = await suite.logins.as('banjarbaru.bpjs');
  const jf = await suite.logins.as('banjarbaru.jf');
  const complete = await toActivity4(ALL);
  const incomplete = await toActivity4({ 'ktp-kk': true });
  const refused = await toActivity4(ALL);

  // The activity waits for the mutation day: due at the end of the next 25th, Banjarbaru time.
  const due = new Date(complete.at4.case.activityDueAt);
  expect(new Date(due.getTime() + 8 * 3600_000).toISOString().slice(8, 19)).toBe('25T23:59:59');
  expect((await petugas.view(complete.id)).batchStep.stage).toBe('office');

  const recap = await petugas.post('/api/panel/batches/office-recap', { service: SERVICE });
  expect(recap.status).toBe(201);
  expect(recap.body.data.month).toBe(bpjsMonth(new Date(), { timeZone: TZ, bpjsMutationDay: 25 }));
  expect(recap.body.data.recapped).toEqual(expect.arrayContaining([complete.code, refused.code]));
  // Nothing leaves the office incomplete: the first SOP step that sends the file out checks it.
  expect(recap.body.data.skipped).toContainEqual({ code: incomplete.code, reason: expect.stringMatching(/Persyaratan belum lengkap/) });
  const batch = recap.body.data.batch;
  expect((await petugas.post(`/api/panel/batches/${batch.documentId}/actions/send`)).status).toBe(200);

  const lines = (await bpjs.get(`/api/panel/batches/${batch.documentId}/lines`)).body.data.lines;
  const nik = (code: string) => lines.find((l: any) => l.code === code).nik;
  const others = lines.filter((l: any) => ![complete.code, refused.code].includes(l.code));
  const result = await bpjs.post(`/api/panel/batches/${batch.documentId}/actions/result`, {
    lines: [
      { nik: nik(complete.code), result: 'accepted' },
      { nik: nik(refused.code), result: 'rejected', reason: 'Peserta masih tercatat sebagai tanggungan PBI APBN' },
      ...others.map((l: any) => ({ nik: l.nik, result: 'accepted' })),
    ],
  });
  expect(result.status).toBe(200);
  expect(result.body.data.batch.status).toBe('cleansed');

  let view = await jf.view(complete.id);
  expect(view.case.currentActivity.number).toBe(5);
  expect(view.case.activeFrom).toBe(`${monthAfter(batch.month)}-01`);
  view = await jf.ok(complete.id, 'complete');
  expect(view.case.status).toBe('completed');
  expect(view.case.currentActivity.number).toBe(6);
  const r = (await petugas.view(refused.id)).case;
  expect([r.status, r.outcome]).toEqual(['rejected', 'Ditolak BPJS: Peserta masih tercatat sebagai tanggungan PBI APBN']);
  expect(actionNames(await petugas.view(refused.id))).toEqual(['note']);
  expect((await eventsOf(suite.server, complete.id)).map((e) => e.action)).toEqual(['open', 'complete', 'complete', 'complete', 'office-recap', 'bpjs-send', 'bpjs-result', 'complete']);
});
