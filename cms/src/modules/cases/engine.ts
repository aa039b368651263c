/**
 * The case engine (strapi.service('api::case.engine')): opens cases of a service at its SOP's
 * first activity and walks them through the SOP, one explicit action at a time. The SOP is
 * the program: activities, executors, branches and times are read from the SOP version the
 * case was opened under (see api/sop/services/sop-version.ts).
 */
import { createId } from '@paralleldrive/cuid2';
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { bulkInsert, joinColumnOf } from '../../platform/bulk-insert';
import { caseCode, caseCodePrefix } from '../../platform/counters';
import { applicantInScope, caseInScope, SENT_TO_BPJS } from '../../core/case-scope';
import { localDate } from '../../core/calendar';
import { activityDue, caseDue } from '../../core/deadlines';
import type { CaseView } from '../../core/case-view';
import { maskNik } from '../../core/mask';
import { roleDefinition } from '../../core/roles';
import {
  availableActions,
  CASE_ACTIONS,
  executorOf,
  firstActivity,
  openerRoles,
  OPEN_STATUSES,
  queueRolesText,
  rolesAt,
  trackOf,
  type ActionOption,
  type BatchStep,
  type CaseAction,
} from '../../core/sop-walker';
import type { StaffContext } from '../../core/staff';
import { CASE_UID, loadCase, type CaseRecord } from './engine/case-record';
import { runChange, type ActorInfo } from './engine/commit';
import { buildContext, caseState, loadOffice, type EngineContext } from './engine/context';
import { conflict, forbidden, invalid, isUniqueViolation, notFound, staleCase } from '../../platform/errors';
import { fileOfCase, openCaseFile, parseFileId } from './engine/files';
import { HANDLERS, textField } from './engine/handlers';
import { parseTicks, unknownKeys } from './engine/requirements';
import { rootBatch, type BatchRef } from './engine/batch-tree';
import { caseSummary, statusLabel, timelineOf } from './engine/view';
import { openedCaseData } from './opened-case-row';
import { NIK_TAKEN, nikTakenInOffice } from './nik-in-office';
import { recordCaseFileView } from '../privacy';

const APPLICANT_UID = 'api::applicant.applicant';
const APPLICANT_FIELDS = ['nik', 'kkNumber', 'name', 'sex', 'birthPlace', 'birthDate', 'address', 'villageCode', 'phone', 'welfareSource', 'welfareDecile', 'jknNumber', 'membership'];

export const actorOf = (staff: StaffContext): ActorInfo => ({ userId: staff.userId, name: staff.fullName || staff.username, role: staff.role });

const roleNames = (roles: string[]) => roles.map((r) => roleDefinition(r)?.name ?? r).join(', ');

/** Why an action is not offered to this user, in words they can act on. */
function whyNot(ctx: EngineContext, staff: StaffContext, action: CaseAction, batchStep?: BatchStep): string {
  const c = ctx.c;
  if (!OPEN_STATUSES.includes(c.status)) return `Kasus ${c.code} sudah berstatus "${statusLabel(c.status)}" dan tidak dapat diproses lagi`;
  const a = ctx.activity;
  if (!a) return `Kegiatan ${c.currentActivity} tidak ada dalam SOP kasus ini`;
  if (batchStep && action === 'complete') return `Kegiatan ${a.number} ${batchStep.label.charAt(0).toLowerCase()}${batchStep.label.slice(1)}`;
  const roles = rolesAt(ctx.def, a, ctx.initialledRoles);
  if (!roles.includes(staff.role)) {
    if (c.status === 'waiting' && c.waitingFor === 'bpjs') return `Kasus ${c.code} sedang menunggu hasil dari BPJS Kesehatan`;
    return `Kegiatan ${a.number} dikerjakan oleh ${executorOf(ctx.def, a)?.label ?? a.executor} (peran: ${roleNames(roles)}); peran Anda: ${roleNames([staff.role])}`;
  }
  if (c.assignee && c.assignee.id !== staff.userId) return `Kasus ${c.code} sedang ditugaskan kepada ${c.assignee.fullName || c.assignee.username}`;
  if (c.status === 'waiting')
    return c.waitingFor === 'applicant' ? `Kasus ${c.code} menunggu pemohon melengkapi persyaratan; gunakan "Lanjutkan" bila sudah lengkap` : `Kasus ${c.code} sedang menunggu`;
  return `Tindakan "${action}" tidak tersedia pada kegiatan ${a.number}`;
}

export function parseVersion(body: any): number {
  const raw = body?.version;
  const version = typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : raw;
  if (!Number.isInteger(version) || version < 1) throw invalid('version', 'Versi kasus (version) wajib dikirim: angka versi kasus yang sedang Anda lihat');
  return version;
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  async function visibleCase(staff: StaffContext, documentId: string): Promise<CaseRecord> {
    const c = await loadCase(strapi, { documentId });
    if (c && caseInScope(staff, c)) return c;
    // The BPJS liaison also sees the lines of batches sent to BPJS, as its case list does.
    if (c && staff.scope === 'bpjs' && c.officeCode === staff.officeCode && c.batch) {
      const root = await rootBatch(strapi, c.batch as BatchRef);
      if (root && (SENT_TO_BPJS as readonly string[]).includes(root.status)) return c;
    }
    throw notFound('Kasus tidak ditemukan');
  }

  function actionsFor(ctx: EngineContext, staff: StaffContext): { actions: ActionOption[]; batchStep?: BatchStep } {
    return availableActions(ctx.def, caseState(ctx), { userId: staff.userId, role: staff.role });
  }

  /**
   * Whom the case may be reassigned to at its current activity: the office's active accounts
   * with one of the activity's executor roles (what the reassign action accepts), the current
   * assignee left out. The panel offers them as a list instead of asking for a user id.
   */
  async function assigneesFor(ctx: EngineContext): Promise<{ username: string; name: string; role: string; roleName: string; roleNameEn: string }[]> {
    if (!ctx.activity) return [];
    const roles = rolesAt(ctx.def, ctx.activity, ctx.initialledRoles);
    const users: any[] = await strapi.db.query('plugin::users-permissions.user').findMany({
      where: { officeCode: ctx.c.officeCode, blocked: false, role: { type: { $in: roles } } },
      select: ['username', 'fullName'],
      populate: { role: { select: ['type'] } },
      orderBy: [{ fullName: 'asc' }, { username: 'asc' }],
    });
    return users
      .filter((u) => u.username !== ctx.c.assignee?.username)
      .map((u) => {
        const role = roleDefinition(u.role.type);
        return { username: u.username, name: u.fullName || u.username, role: u.role.type, roleName: role?.name ?? u.role.type, roleNameEn: role?.nameEn ?? u.role.type };
      });
  }

  async function resolveApplicant(staff: StaffContext, ref: unknown, regencyCode: string) {
    if (typeof ref === 'string' && ref) {
      const a = await strapi.db.query(APPLICANT_UID).findOne({ where: { documentId: ref } });
      if (!a || !applicantInScope(staff, a)) throw invalid('applicant', 'Pemohon tidak ditemukan di wilayah kerja Anda');
      return a;
    }
    if (!ref || typeof ref !== 'object') throw invalid('applicant', 'Pemohon wajib diisi: documentId pemohon atau data pemohon (nik, name, villageCode, ...)');
    const input = ref as Record<string, unknown>;
    if (typeof input.nik !== 'string' || !/^\d{16}$/.test(input.nik)) throw invalid('applicant.nik', 'NIK harus 16 digit angka');
    const existing = await strapi.db.query(APPLICANT_UID).findOne({ where: { nik: input.nik, officeCode: staff.officeCode } });
    if (existing && applicantInScope(staff, existing)) return existing;
    // Unknown here, or registered outside the user's area: answered alike, as a new registration
    // (the NIK's owner elsewhere is told only once that registration is complete: applicant-nik.ts).
    const village = typeof input.villageCode === 'string' ? input.villageCode : '';
    const inScope =
      staff.scope === 'village'
        ? village === staff.regionCode
        : staff.scope === 'district'
          ? village.startsWith(`${staff.regionCode}.`)
          : staff.scope === 'office' && village.startsWith(`${regencyCode}.`);
    if (!inScope) throw invalid('applicant.villageCode', 'Desa/kelurahan pemohon di luar wilayah kerja Anda');
    const data = Object.fromEntries(APPLICANT_FIELDS.filter((f) => input[f] !== undefined).map((f) => [f, input[f]]));
    try {
      return await strapi.db.transaction(async ({ trx }) => {
        const created = await strapi.documents(APPLICANT_UID as any).create({ data: data as any });
        const row = await strapi.db.query(APPLICANT_UID).findOne({ where: { documentId: created.documentId } });
        if (await nikTakenInOffice(strapi, trx as unknown as Knex, staff.officeCode, input.nik as string, row.id)) throw conflict(NIK_TAKEN, { field: 'applicant.nik' });
        return row;
      });
    } catch (err: any) {
      if (err?.details?.errors) err.details.errors = err.details.errors.map((e: any) => ({ ...e, path: ['applicant', ...(e.path ?? [])] }));
      throw err;
    }
  }

  /** An open case of the service for the same NIK (through the case's applicant: covers seeded cases too). */
  async function openCaseFor(serviceSlug: string, nik: string): Promise<string | null> {
    const knex = strapi.db.connection;
    const row = await knex('cases as c')
      .join('applicants as a', 'a.id', `c.${joinColumnOf(strapi, CASE_UID, 'applicant')}`)
      .where('a.nik', nik)
      .andWhere('c.service_slug', serviceSlug)
      .whereIn('c.status', OPEN_STATUSES)
      .first('c.code');
    return row?.code ?? null;
  }

  async function nextCaseCode(trx: any, officeCode: string, at: Date, timeZone: string): Promise<string> {
    const year = Number(localDate(at, timeZone).slice(0, 4));
    const seq = await (strapi.service('api::counter.counter') as any).reserveCases(trx, officeCode, year, 1);
    return caseCode(caseCodePrefix(officeCode, year), seq);
  }

  const engine = {
    async view(staff: StaffContext, documentId: string): Promise<CaseView> {
      const ctx = await buildContext(strapi, await visibleCase(staff, documentId));
      const { actions, batchStep } = actionsFor(ctx, staff);
      const assignees = actions.some((a) => a.action === 'reassign') ? await assigneesFor(ctx) : [];
      return { case: caseSummary(ctx), actions, batchStep: batchStep ?? null, assignees };
    },

    async timeline(staff: StaffContext, documentId: string) {
      const ctx = await buildContext(strapi, await visibleCase(staff, documentId));
      const events = await (strapi.service('api::case-event.history') as any).forCase(ctx.c.id);
      return { case: caseSummary(ctx), ...timelineOf(ctx, events) };
    },

    /** One of the case's files (checklist upload or attachment), for staff who may see the case. */
    async file(staff: StaffContext, documentId: string, fileIdParam: unknown) {
      const fileId = parseFileId(fileIdParam);
      const c = await visibleCase(staff, documentId);
      const file = fileOfCase(c, fileId);
      if (!file) throw notFound('Berkas tidak ditemukan pada kasus ini');
      // Every read of a case file is in the privacy log, whatever the role (a file can't be masked).
      await recordCaseFileView(strapi, staff, c, file);
      return openCaseFile(file);
    },

    /**
     * Opens a case of a published service for an applicant (existing, by documentId, or new),
     * at the first activity of the service's SOP. One open case per service and NIK.
     */
    async open(staff: StaffContext, body: any) {
      if (!body || typeof body !== 'object') throw invalid('service', 'Kirim layanan (service) dan pemohon (applicant)');
      const serviceRef = textField(body, 'service', { required: true, label: 'Layanan (service)' })!;
      const versions = strapi.service('api::sop.sop-version') as any;
      const std = await versions.publishedService(serviceRef, staff.officeCode);
      const { hash, definition: def } = await versions.snapshot(std.sop, staff.officeCode);
      const allowed = openerRoles(def);
      if (!allowed.includes(staff.role)) throw forbidden(`Kasus layanan "${std.title}" dibuka oleh: ${roleNames(allowed)}; peran Anda: ${roleNames([staff.role])}`);

      const trackKey = typeof body.track === 'string' && body.track ? body.track : null;
      if (def.tracks.length && !trackKey) throw invalid('track', `Pilih jalur layanan: ${def.tracks.map((t: { key: string; label: string }) => `${t.key} (${t.label})`).join(', ')}`);
      if (trackKey && !trackOf(def, trackKey))
        throw invalid(
          'track',
          def.tracks.length ? `Jalur "${trackKey}" tidak dikenal (pilihan: ${def.tracks.map((t: { key: string }) => t.key).join(', ')})` : 'Layanan ini tidak memiliki pilihan jalur',
        );
      const track = trackOf(def, trackKey);
      if (body.priority !== undefined && !['regular', 'emergency'].includes(body.priority)) throw invalid('priority', 'Prioritas harus regular atau emergency');
      const priority = track?.priority ?? body.priority ?? 'regular';
      const first = firstActivity(def, trackKey)!;

      const requirements: any[] = std.requirements ?? [];
      const ticks = parseTicks(body.checklist, 'checklist');
      const unknown = unknownKeys(
        ticks,
        requirements.map((r) => r.key),
      );
      if (unknown.length) throw invalid(`checklist.${unknown[0]}`, `Butir persyaratan "${unknown[0]}" tidak ada pada layanan ini`);
      const note = textField(body, 'note', { label: 'Catatan' });

      const { office, rules } = await loadOffice(strapi, staff.officeCode);
      const applicant = await resolveApplicant(staff, body.applicant, office.regencyCode);
      const duplicate = await openCaseFor(std.slug, applicant.nik);
      const duplicateError = (code: string | null) =>
        conflict(`Pemohon NIK ${maskNik(applicant.nik)} masih memiliki kasus${code ? ` ${code}` : ''} yang belum selesai untuk layanan "${std.title}"`, {
          field: 'applicant',
          caseCode: code,
        });
      if (duplicate) throw duplicateError(duplicate);

      const now = new Date();
      const documentId = createId();
      const executor = executorOf(def, first);
      try {
        await strapi.db.transaction(async ({ trx }) => {
          const code = await nextCaseCode(trx, office.code, now, office.timeZone);
          const [id] = await bulkInsert(
            strapi,
            CASE_UID,
            [
              {
                data: {
                  documentId,
                  ...openedCaseData(
                    {
                      serviceSlug: std.slug,
                      officeCode: office.code,
                      activity: first.number,
                      executor: executor?.key ?? first.executor,
                      queueRoles: queueRolesText(rolesAt(def, first)),
                      priority,
                      track: trackKey,
                      now,
                      dueAt: caseDue(now, std.completionTime, rules, track),
                      activityDueAt: activityDue(now, first, rules, track),
                      sopVersion: hash,
                    },
                    { code, villageCode: applicant.villageCode ?? null, districtCode: applicant.districtCode ?? null, openKey: `${std.slug}|${applicant.nik}` },
                  ),
                },
                links: { service: std.id, applicant: applicant.id, office: office.id },
                components: {
                  checklist: requirements.map((r) => ({ key: r.key, label: r.text, required: r.required !== false, checked: ticks.get(r.key) === true })),
                },
              },
            ],
            { trx },
          );
          await (strapi.service('api::case-event.history') as any).record(trx, [
            {
              caseId: id,
              caseCode: code,
              officeCode: office.code,
              ...((a) => ({ actorId: a.userId, actorName: a.name, role: a.role }))(actorOf(staff)),
              action: 'open',
              toActivity: first.number,
              toStatus: 'in-progress',
              note,
              at: now,
              data: { sopVersion: hash, track: trackKey, priority, version: 1 },
            },
          ]);
        });
      } catch (err) {
        if (isUniqueViolation(err)) throw duplicateError(await openCaseFor(std.slug, applicant.nik));
        throw err;
      }
      return engine.view(staff, documentId);
    },

    /** Takes one action on a case, if the user may take it now, at the version they saw. */
    async act(staff: StaffContext, documentId: string, action: string, body: any, files?: any, user?: any) {
      if (!(CASE_ACTIONS as string[]).includes(action)) throw notFound(`Tindakan "${action}" tidak dikenal (tersedia: ${CASE_ACTIONS.join(', ')})`);
      const c = await visibleCase(staff, documentId);
      const version = parseVersion(body);
      if (version !== c.version) throw staleCase(c.version, version);
      const ctx = await buildContext(strapi, c);
      const { actions, batchStep } = actionsFor(ctx, staff);
      const option = actions.find((a) => a.action === action);
      if (!option) throw forbidden(whyNot(ctx, staff, action as CaseAction, batchStep));
      if (option.disabledReason) throw invalid('checklist', option.disabledReason, { missing: caseState(ctx).missingRequirements });
      const change = await HANDLERS[action as CaseAction](strapi, ctx, { body: body ?? {}, files, staff, user });
      await runChange(strapi, ctx, change, actorOf(staff));
      return engine.view(staff, documentId);
    },
  };
  return engine;
};
