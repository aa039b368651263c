/**
 * The SOP is the program: this module reads an SOP's activities, executors and branches and
 * answers what a case may do next. Pure (no database), so every rule is unit-tested.
 */
import { ROLE_TYPES } from './roles';

// The SOP's shape lives in ./sop; re-exported here for the walker's many readers.
export type { ActivitySymbol, ActivityEffect, SopExecutor, SopActivity, SopTrack, SopDefinition } from './sop';
import type { ActivitySymbol, ActivityEffect, SopExecutor, SopActivity, SopTrack, SopDefinition } from './sop';

export type CaseStatus = 'in-progress' | 'waiting' | 'returned' | 'rejected' | 'completed' | 'cancelled';
export const OPEN_STATUSES: CaseStatus[] = ['in-progress', 'waiting'];

export type CaseAction = 'complete' | 'decide-yes' | 'decide-no' | 'return' | 'resume' | 'reject' | 'reassign' | 'note' | 'attach' | 'check' | 'route' | 'bpjs-result';

export const CASE_ACTIONS: CaseAction[] = ['complete', 'decide-yes', 'decide-no', 'return', 'resume', 'reject', 'reassign', 'note', 'attach', 'check', 'route', 'bpjs-result'];

export type BatchStage = 'village' | 'district' | 'office';

const num = (v: unknown): number | null => (v === null || v === undefined || v === '' ? null : Number(v));
/** Activities are walked in number order, whatever order they are stored in. */
const byNumber = (a: { number: number }, b: { number: number }) => a.number - b.number;

/**
 * For each activity of `toDefinition(sop).activities`, its index in `sop.activities` as stored:
 * problems found on the definition are reported where the admin's form shows the activity.
 */
export function storedActivityIndexes(sop: any): number[] {
  return (sop.activities ?? [])
    .map((a: any, i: number) => ({ number: Number(a.number), i }))
    .sort(byNumber)
    .map((a: { i: number }) => a.i);
}
const strList = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x) => typeof x === 'string' && x) : []);

/** Normalizes an SOP as the document service returns it (decimals may be strings, components carry ids). */
export function toDefinition(sop: any): SopDefinition {
  return {
    sopDocumentId: sop.documentId,
    name: sop.name,
    number: sop.number ?? null,
    revision: sop.revision ?? null,
    executors: (sop.executors ?? []).map((e: any) => ({ key: e.key, label: e.label, roles: strList(e.roles), external: !!e.external })),
    activities: [...(sop.activities ?? [])]
      .map((a: any) => ({
        number: Number(a.number),
        text: a.text,
        executor: a.executor,
        symbol: a.symbol ?? 'process',
        timeAmount: num(a.timeAmount),
        timeUnit: a.timeUnit ?? null,
        timeText: a.timeText ?? null,
        output: a.output ?? null,
        next: num(a.next),
        yesNext: num(a.yesNext),
        yesLabel: a.yesLabel ?? null,
        noNext: num(a.noNext),
        noLabel: a.noLabel ?? null,
        effect: a.effect ?? 'none',
        letterKind: a.letterKind ?? null,
        tracks: strList(a.tracks),
        initialRoles: strList(a.initialRoles),
      }))
      .sort(byNumber),
    tracks: (sop.tracks ?? []).map((t: any) => ({
      key: t.key,
      label: t.label,
      priority: t.priority ?? 'regular',
      bpjsSend: t.bpjsSend ?? 'none',
      timeAmount: num(t.timeAmount),
      timeUnit: t.timeUnit ?? null,
      timeText: t.timeText ?? null,
    })),
  };
}

export function activityOf(def: SopDefinition, n: number | null | undefined): SopActivity | undefined {
  return n === null || n === undefined ? undefined : def.activities.find((a) => a.number === n);
}

export function executorOf(def: SopDefinition, a: SopActivity): SopExecutor | undefined {
  return def.executors.find((e) => e.key === a.executor);
}

export function trackOf(def: SopDefinition, key: string | null | undefined): SopTrack | null {
  return (key && def.tracks.find((t) => t.key === key)) || null;
}

export function appliesTo(a: SopActivity, track: string | null | undefined): boolean {
  return !a.tracks?.length || (!!track && a.tracks.includes(track));
}

/** The activity a case lands on when sent to `n`: activities of other tracks are passed by through their `next`. */
export function resolveActivity(def: SopDefinition, n: number | null | undefined, track: string | null | undefined): SopActivity | null {
  let a = activityOf(def, n);
  for (let hops = 0; a && hops <= def.activities.length; hops += 1) {
    if (appliesTo(a, track)) return a;
    a = activityOf(def, a.next);
  }
  return null;
}

export function firstActivity(def: SopDefinition, track?: string | null): SopActivity | null {
  const start = def.activities.find((a) => a.symbol === 'start') ?? def.activities[0];
  return start ? resolveActivity(def, start.number, track) : null;
}

export type Exit = 'complete' | 'yes' | 'no';

/** Where an activity leads: its next, or the Ya/Tidak branch of a decision. */
export function exitOf(def: SopDefinition, a: SopActivity, exit: Exit, track: string | null | undefined): SopActivity | null {
  const n = exit === 'yes' ? a.yesNext : exit === 'no' ? a.noNext : a.next;
  return resolveActivity(def, n, track);
}

/** An end activity with nothing to do closes the case as soon as the case reaches it. */
export function closesOnArrival(a: SopActivity): boolean {
  return a.symbol === 'end' && (a.effect ?? 'none') === 'none';
}

/** The roles whose turn it is at an activity: for an initial chain, the first role that has not initialled yet. */
export function rolesAt(def: SopDefinition, a: SopActivity, initialledRoles: string[] = []): string[] {
  if (a.effect === 'letter-initial' && a.initialRoles?.length) {
    const pending = a.initialRoles.find((r) => !initialledRoles.includes(r));
    return pending ? [pending] : [];
  }
  return executorOf(def, a)?.roles ?? [];
}

export function queueRolesText(roles: string[]): string | null {
  return roles.length ? `|${roles.join('|')}|` : null;
}

/** Activities in walk order from the first (breadth first, every branch, every track). */
export function walkOrder(def: SopDefinition): SopActivity[] {
  const start = def.activities.find((a) => a.symbol === 'start') ?? def.activities[0];
  if (!start) return [];
  const seen = new Set<number>([start.number]);
  const order: SopActivity[] = [];
  const queue = [start];
  while (queue.length) {
    const a = queue.shift()!;
    order.push(a);
    for (const n of [a.next, a.yesNext, a.noNext]) {
      const b = activityOf(def, n);
      if (b && !seen.has(b.number)) {
        seen.add(b.number);
        queue.push(b);
      }
    }
  }
  return order;
}

const GATE_FALLBACK: ActivityEffect[] = ['village-recap', 'office-recap', 'bpjs-send'];

/**
 * Where the requirement checklist must be complete: the first requirements check, or, in an SOP
 * without one, before a case first leaves in a recap or for BPJS (nothing goes out incomplete).
 */
export function requirementsGate(def: SopDefinition): number | null {
  const order = walkOrder(def);
  return (order.find((a) => a.effect === 'requirements-check') ?? order.find((a) => GATE_FALLBACK.includes(a.effect)))?.number ?? null;
}

/** Whether an activity is completed for many cases at once through a batch endpoint, and which. */
export function batchStage(a: SopActivity, track: SopTrack | null): BatchStage | null {
  if (a.effect === 'village-recap') return 'village';
  if (a.effect === 'district-recap') return 'district';
  if (a.effect === 'office-recap') return 'office';
  if (a.effect === 'bpjs-send') return !track || track.bpjsSend === 'monthly' ? 'office' : null;
  return null;
}

/** Who may open a case of the service: the roles acting at its first activity or at the requirements gate. */
export function openerRoles(def: SopDefinition): string[] {
  const roles = new Set<string>();
  const first = firstActivity(def);
  if (first) executorOf(def, first)?.roles.forEach((r) => roles.add(r));
  const gate = activityOf(def, requirementsGate(def));
  if (gate) executorOf(def, gate)?.roles.forEach((r) => roles.add(r));
  return [...roles];
}

export interface SopProblem {
  path: string;
  message: string;
}

const EFFECTS: ActivityEffect[] = [
  'none',
  'requirements-check',
  'village-recap',
  'district-recap',
  'office-recap',
  'bpjs-send',
  'bpjs-result',
  'letter-draft',
  'letter-initial',
  'letter-sign',
  'handover',
  'assessment',
  'archive',
];

/** Everything that would stop a case from walking the SOP, in Indonesian, naming the field. */
export function validateSop(def: SopDefinition): SopProblem[] {
  const problems: SopProblem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });
  if (!def.activities.length) return [{ path: 'activities', message: 'SOP belum memiliki kegiatan' }];
  const numbers = new Set<number>();
  def.activities.forEach((a) => {
    if (numbers.has(a.number)) add('activities', `Nomor kegiatan ${a.number} dipakai lebih dari sekali`);
    numbers.add(a.number);
  });
  const execKeys = new Set<string>();
  def.executors.forEach((e, i) => {
    if (execKeys.has(e.key)) add(`executors.${i}.key`, `Pelaksana "${e.key}" tercantum lebih dari sekali`);
    execKeys.add(e.key);
    const unknown = e.roles.filter((r) => !(ROLE_TYPES as string[]).includes(r));
    if (unknown.length) add(`executors.${i}.roles`, `Pelaksana "${e.label}": peran tidak dikenal: ${unknown.join(', ')}`);
  });
  const trackKeys = new Set(def.tracks.map((t) => t.key));
  def.tracks.forEach((t, i) => {
    if (!['none', 'direct', 'monthly'].includes(t.bpjsSend)) add(`tracks.${i}.bpjsSend`, `Jalur "${t.label}": cara kirim ke BPJS tidak dikenal`);
  });
  def.activities.forEach((a, i) => {
    const at = `activities.${i}`;
    const name = `Kegiatan ${a.number}`;
    const exec = def.executors.find((e) => e.key === a.executor);
    if (!a.executor) add(`${at}.executor`, `${name}: pelaksana belum diisi`);
    else if (!exec) add(`${at}.executor`, `${name}: pelaksana "${a.executor}" tidak ada dalam daftar pelaksana`);
    else if (!closesOnArrival(a) && !exec.roles.length) add(`${at}.executor`, `${name}: pelaksana "${exec.label}" belum diberi peran pengguna`);
    if (!EFFECTS.includes(a.effect)) add(`${at}.effect`, `${name}: efek "${a.effect}" tidak dikenal`);
    const target = (n: number | null | undefined, field: string, label: string) => {
      if (n === null || n === undefined) add(`${at}.${field}`, `${name}: ${label} belum diisi`);
      else if (!numbers.has(n)) add(`${at}.${field}`, `${name}: ${label} menuju kegiatan ${n} yang tidak ada`);
    };
    if (a.symbol === 'decision') {
      target(a.yesNext, 'yesNext', 'cabang "Ya"');
      target(a.noNext, 'noNext', 'cabang "Tidak"');
      if (a.tracks?.length) add(`${at}.tracks`, `${name}: keputusan berlaku untuk semua jalur dan tidak dapat dibatasi per jalur`);
    } else if (a.symbol !== 'end') {
      target(a.next, 'next', 'kegiatan berikutnya');
    }
    (a.tracks ?? []).forEach((k) => {
      if (!trackKeys.has(k)) add(`${at}.tracks`, `${name}: jalur "${k}" tidak ada dalam daftar jalur`);
    });
    const badInitials = (a.initialRoles ?? []).filter((r) => !(ROLE_TYPES as string[]).includes(r));
    if (badInitials.length) add(`${at}.initialRoles`, `${name}: peran paraf tidak dikenal: ${badInitials.join(', ')}`);
  });
  if (problems.length) return problems;
  // Every track must reach an end from the first activity, without getting stuck on a skipped activity.
  for (const track of def.tracks.length ? def.tracks.map((t) => t.key) : [null]) {
    const label = track ? ` (jalur "${track}")` : '';
    const first = firstActivity(def, track);
    if (!first) {
      add('activities', `Tidak ada kegiatan awal${label}`);
      continue;
    }
    const seen = new Set<number>();
    const queue = [first];
    let reachesEnd = false;
    while (queue.length) {
      const a = queue.shift()!;
      if (seen.has(a.number)) continue;
      seen.add(a.number);
      if (a.symbol === 'end') {
        reachesEnd = true;
        continue;
      }
      const exits: Exit[] = a.symbol === 'decision' ? ['yes', 'no'] : ['complete'];
      for (const exit of exits) {
        const b = exitOf(def, a, exit, track);
        if (!b) add(`activities`, `Kegiatan ${a.number}${label}: tidak ada kegiatan berikutnya yang berlaku`);
        else queue.push(b);
      }
    }
    if (!reachesEnd) add('activities', `Alur SOP${label} tidak pernah mencapai kegiatan akhir (simbol "end")`);
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// What the current user may do now

export interface CaseState {
  status: CaseStatus;
  currentActivity: number | null;
  track?: string | null;
  assigneeId?: number | null;
  waitingFor?: string | null;
  /** Labels of required checklist items neither ticked nor uploaded. */
  missingRequirements: string[];
  /** Roles that have already initialled the letter at the current activity. */
  initialledRoles?: string[];
}

export interface Actor {
  userId: number;
  role: string;
}

export interface ActionOption {
  action: CaseAction;
  label: string;
  labelEn: string;
  /** Body fields the action reads besides `version`; those marked required must be given. */
  fields: { name: string; required: boolean }[];
  /** Set when the action is shown but cannot be taken yet (e.g. requirements incomplete). */
  disabledReason?: string;
}

export interface BatchStep {
  stage: BatchStage;
  label: string;
  labelEn: string;
}

const short = (text: string, max = 80) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);

const COMPLETE_LABELS: Partial<Record<ActivityEffect, [string, string]>> = {
  'requirements-check': ['Berkas lengkap, lanjutkan', 'Requirements complete, continue'],
  assessment: ['Simpan hasil asesmen', 'Record the assessment'],
  'letter-draft': ['Buat surat', 'Draft the letter'],
  'letter-initial': ['Paraf surat', 'Initial the letter'],
  'letter-sign': ['Tandatangani surat', 'Sign the letter'],
  handover: ['Serahkan surat kepada pemohon', 'Hand the letter over'],
  archive: ['Arsipkan berkas', 'Archive the file'],
  'bpjs-result': ['Catat hasil pemeriksaan BPJS', 'Record the BPJS result'],
  'bpjs-send': ['Kirim ke BPJS hari ini', 'Send to BPJS today'],
};

const BATCH_LABELS: Record<BatchStage, [string, string]> = {
  village: ['Diselesaikan melalui rekap usulan desa/kelurahan (Form 35 dan BA)', 'Done through the village recap'],
  district: ['Diselesaikan melalui rekap usulan kecamatan', 'Done through the district recap'],
  office: ['Diselesaikan melalui rekap Dinas Sosial dan pengiriman ke BPJS', 'Done through the office recap sent to BPJS'],
};

function completeFields(a: SopActivity): ActionOption['fields'] {
  if (a.effect === 'assessment') return [{ name: 'note', required: true }];
  if (a.effect === 'bpjs-result')
    return [
      { name: 'result', required: true },
      { name: 'reason', required: false },
    ];
  return [{ name: 'note', required: false }];
}

/**
 * The actions the actor may take on the case now. Flow actions belong to the current
 * activity's executors (and to the assignee when the case is assigned); anyone who sees the
 * case may add a note.
 */
export function availableActions(def: SopDefinition, state: CaseState, actor: Actor): { actions: ActionOption[]; batchStep?: BatchStep } {
  const actions: ActionOption[] = [];
  const push = (action: CaseAction, label: [string, string], fields: ActionOption['fields'] = [], disabledReason?: string) =>
    actions.push({ action, label: label[0], labelEn: label[1], fields, ...(disabledReason ? { disabledReason } : {}) });
  let batchStep: BatchStep | undefined;
  const a = activityOf(def, state.currentActivity);
  const open = OPEN_STATUSES.includes(state.status);
  if (open && a) {
    const roles = rolesAt(def, a, state.initialledRoles);
    const isExecutor = roles.includes(actor.role);
    const isAssignee = !state.assigneeId || state.assigneeId === actor.userId;
    const track = trackOf(def, state.track);
    if (state.status === 'in-progress' && isExecutor) {
      if (isAssignee) {
        const stage = batchStage(a, track);
        if (stage) batchStep = { stage, label: BATCH_LABELS[stage][0], labelEn: BATCH_LABELS[stage][1] };
        else if (a.symbol === 'decision') {
          push('decide-yes', [`Ya: ${a.yesLabel || 'lanjut'}`, `Yes: ${a.yesLabel || 'continue'}`], [{ name: 'note', required: false }]);
          push('decide-no', [`Tidak: ${short(a.noLabel || 'tidak')}`, `No: ${short(a.noLabel || 'no')}`], [{ name: 'note', required: false }]);
        } else {
          const gate = requirementsGate(def) === a.number && state.missingRequirements.length ? `Persyaratan belum lengkap: ${state.missingRequirements.join('; ')}` : undefined;
          const label = COMPLETE_LABELS[a.effect] ?? [`Selesai: ${short(a.text)}`, `Done: ${short(a.text)}`];
          push('complete', label, completeFields(a), gate);
        }
        push('return', ['Kembalikan ke pemohon (persyaratan belum lengkap)', 'Return to the applicant (missing requirements)'], [{ name: 'note', required: false }]);
        push('reject', ['Tolak permohonan', 'Reject'], [{ name: 'reason', required: true }]);
        if (def.tracks.length && !a.tracks?.length) push('route', ['Ubah jalur layanan', 'Change the track'], [{ name: 'track', required: true }]);
      }
    }
    if (state.status === 'waiting' && state.waitingFor === 'applicant' && isExecutor && isAssignee) {
      push('resume', ['Lanjutkan (pemohon sudah melengkapi)', 'Resume (the applicant completed the file)'], [{ name: 'note', required: false }]);
      push('reject', ['Tolak permohonan', 'Reject'], [{ name: 'reason', required: true }]);
    }
    if (state.status === 'waiting' && state.waitingFor === 'bpjs' && actor.role === 'petugas-bpjs') {
      push(
        'bpjs-result',
        ['Catat hasil cleansing BPJS', 'Record the BPJS cleansing result'],
        [
          { name: 'result', required: true },
          { name: 'reason', required: false },
        ],
      );
    }
    if (isExecutor && !(state.status === 'waiting' && state.waitingFor === 'bpjs')) {
      push('check', ['Centang persyaratan', 'Tick requirements'], [{ name: 'items', required: true }]);
      push(
        'attach',
        ['Unggah berkas (PDF, JPEG, PNG)', 'Upload a file (PDF, JPEG, PNG)'],
        [
          { name: 'file', required: true },
          { name: 'key', required: false },
          { name: 'note', required: false },
        ],
      );
      push('reassign', ['Alihkan ke petugas lain', 'Reassign'], [{ name: 'assignee', required: true }]);
    }
  }
  push('note', ['Tambah catatan', 'Add a note'], [{ name: 'note', required: true }]);
  return { actions, batchStep };
}
