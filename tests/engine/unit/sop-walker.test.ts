/** The SOP walker, on the five transcribed SOPs and on broken ones (pure). */
import { readdirSync, readFileSync } from 'fs';
import path from 'path';
import { activityData } from '../../../cms/src/seed/documents';
import {
  availableActions,
  batchStage,
  exitOf,
  firstActivity,
  openerRoles,
  requirementsGate,
  rolesAt,
  toDefinition,
  trackOf,
  validateSop,
  type CaseState,
  type SopDefinition,
} from '../../../cms/src/core/sop-walker';

const dir = path.resolve(__dirname, '../../../database/seed/documents');
const seeds = Object.fromEntries(
  readdirSync(dir).map((f) => {
    const doc = JSON.parse(readFileSync(path.join(dir, f), 'utf8'));
    const tracks = (doc.sop.tracks ?? []).map((t: any) => ({ ...t, timeAmount: t.time?.amount, timeUnit: t.time?.unit }));
    return [doc.standard.slug, toDefinition({ documentId: doc.standard.slug, name: doc.sop.name, executors: doc.sop.executors, activities: doc.sop.activities.map(activityData), tracks })];
  }),
) as Record<string, SopDefinition>;

const PBI_D = seeds['magetan-pengusulan-pbi-d'];
const REAKTIVASI = seeds['magetan-reaktivasi-kartu-jkn-kis'];
const TARAKAN = seeds['tarakan-peralihan-pbi-pemda'];
const BANJARBARU = seeds['banjarbaru-mutasi-pbi-apbd'];
const KARANGASEM = seeds['karangasem-akses-layanan-kesehatan'];

const state = (over: Partial<CaseState> = {}): CaseState => ({ status: 'in-progress', currentActivity: 1, missingRequirements: [], ...over });
const names = (r: { actions: { action: string }[] }) => r.actions.map((a) => a.action);

test('the five transcribed SOPs are valid programs', () => {
  expect(Object.keys(seeds)).toHaveLength(5);
  for (const [slug, def] of Object.entries(seeds)) expect([slug, validateSop(def)]).toEqual([slug, []]);
});

test('where the requirements are checked and who opens cases', () => {
  expect(requirementsGate(REAKTIVASI)).toBe(2);
  expect(requirementsGate(TARAKAN)).toBe(2);
  expect(requirementsGate(KARANGASEM)).toBe(2);
  expect(requirementsGate(PBI_D)).toBe(2); // no check activity: before the village recap
  expect(requirementsGate(BANJARBARU)).toBe(4); // before sending to BPJS
  expect(openerRoles(PBI_D)).toEqual(['operator-desa']);
  expect(openerRoles(BANJARBARU).sort()).toEqual(['kepala-dinas', 'petugas']);
});

test('decisions follow Ya and Tidak', () => {
  const decision = REAKTIVASI.activities.find((a) => a.symbol === 'decision')!;
  expect(exitOf(REAKTIVASI, decision, 'yes', null)!.number).toBe(5);
  expect(exitOf(REAKTIVASI, decision, 'no', null)!.number).toBe(8);
});

test("Karangasem tracks: the letter activities are the reactivation track's only", () => {
  const five = KARANGASEM.activities.find((a) => a.number === 5)!;
  expect(exitOf(KARANGASEM, five, 'complete', 'reactivation')!.number).toBe(6);
  expect(exitOf(KARANGASEM, five, 'complete', 'emergency')!.number).toBe(12);
  expect(exitOf(KARANGASEM, five, 'complete', 'regular')!.number).toBe(12);
  expect(firstActivity(KARANGASEM, 'emergency')!.number).toBe(1);
  expect(batchStage(five, trackOf(KARANGASEM, 'regular'))).toBe('office');
  expect(batchStage(five, trackOf(KARANGASEM, 'emergency'))).toBeNull();
  expect(batchStage(five, trackOf(KARANGASEM, 'reactivation'))).toBeNull();
  const six = KARANGASEM.activities.find((a) => a.number === 6)!;
  expect(rolesAt(KARANGASEM, six)).toEqual(['jf']);
  expect(rolesAt(KARANGASEM, six, ['jf'])).toEqual(['kabid']);
  expect(rolesAt(KARANGASEM, six, ['jf', 'kabid'])).toEqual([]);
});

test('only the current executor acts; the assignee when assigned; the gate disables completing', () => {
  const at2 = state({ currentActivity: 2, missingRequirements: ['Fotocopy KTP'] });
  expect(names(availableActions(TARAKAN, at2, { userId: 1, role: 'pekerja-sosial' }))).toEqual(['note']);
  const petugas = availableActions(TARAKAN, at2, { userId: 1, role: 'petugas' });
  expect(names(petugas)).toEqual(['complete', 'return', 'reject', 'check', 'attach', 'reassign', 'note']);
  expect(petugas.actions[0].disabledReason).toBe('Persyaratan belum lengkap: Fotocopy KTP');
  const assigned = availableActions(TARAKAN, state({ currentActivity: 4, assigneeId: 9 }), { userId: 1, role: 'petugas' });
  expect(names(assigned)).toEqual(['check', 'attach', 'reassign', 'note']);
  const decision = availableActions(TARAKAN, state({ currentActivity: 5 }), { userId: 1, role: 'kepala-dinas' });
  expect(decision.actions.slice(0, 2).map((a) => a.label)).toEqual(['Ya: Layak', 'Tidak: Tidak layak']);
});

test('waiting, batch and closed states', () => {
  expect(names(availableActions(TARAKAN, state({ status: 'waiting', waitingFor: 'applicant', currentActivity: 2 }), { userId: 1, role: 'petugas' }))).toEqual([
    'resume',
    'reject',
    'check',
    'attach',
    'reassign',
    'note',
  ]);
  expect(names(availableActions(PBI_D, state({ status: 'waiting', waitingFor: 'bpjs', currentActivity: 4 }), { userId: 1, role: 'petugas-bpjs' }))).toEqual(['bpjs-result', 'note']);
  expect(names(availableActions(PBI_D, state({ status: 'waiting', waitingFor: 'bpjs', currentActivity: 4 }), { userId: 1, role: 'petugas' }))).toEqual(['note']);
  const village = availableActions(PBI_D, state({ currentActivity: 2 }), { userId: 1, role: 'operator-desa' });
  expect(village.batchStep!.stage).toBe('village');
  expect(names(village)).not.toContain('complete');
  expect(names(availableActions(TARAKAN, state({ status: 'completed', currentActivity: 8 }), { userId: 1, role: 'petugas' }))).toEqual(['note']);
});

test('broken SOPs are refused with messages naming the field', () => {
  const base = (): SopDefinition => JSON.parse(JSON.stringify(TARAKAN));
  const dangling = base();
  dangling.activities[1].next = 42;
  expect(validateSop(dangling)).toEqual([{ path: 'activities.1.next', message: 'Kegiatan 2: kegiatan berikutnya menuju kegiatan 42 yang tidak ada' }]);
  const noBranch = base();
  noBranch.activities[4].noNext = null;
  expect(validateSop(noBranch)[0].path).toBe('activities.4.noNext');
  const noRoles = base();
  noRoles.executors[2].roles = [];
  expect(validateSop(noRoles)[0].message).toMatch(/Pekerja Sosial" belum diberi peran/);
  const unknownRole = base();
  unknownRole.executors[1].roles = ['lurah'];
  expect(validateSop(unknownRole)[0]).toMatchObject({ path: 'executors.1.roles', message: expect.stringMatching(/lurah/) });
  const loop = base();
  loop.activities[5].next = 1;
  loop.activities[6].next = 1;
  expect(validateSop(loop).map((p) => p.message)).toContain('Alur SOP tidak pernah mencapai kegiatan akhir (simbol "end")');
  const trackDecision = JSON.parse(JSON.stringify(KARANGASEM)) as SopDefinition;
  trackDecision.activities[3].tracks = ['nope'];
  expect(validateSop(trackDecision)[0].message).toMatch(/jalur "nope" tidak ada/);
  expect(validateSop({ ...base(), activities: [] })[0].message).toBe('SOP belum memiliki kegiatan');
});
