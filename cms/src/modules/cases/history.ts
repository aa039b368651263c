/**
 * The case history: one append-only event per action (who, role, when, from, to, note).
 * Written in the action's transaction; never updated or deleted (see platform/append-only.ts).
 */
import { factories } from '@strapi/strapi';
import { bulkInsert } from '../../platform/bulk-insert';

const UID = 'api::case-event.case-event';

export interface CaseEventInput {
  caseId: number;
  caseCode: string;
  officeCode: string;
  actorId?: number | null;
  actorName?: string | null;
  role?: string | null;
  action: string;
  fromActivity?: number | null;
  /** When the event takes the case off its activity (a move or a close): that activity's due time. */
  fromActivityDueAt?: Date | null;
  toActivity?: number | null;
  fromStatus?: string | null;
  toStatus?: string | null;
  note?: string | null;
  at: Date;
  data?: Record<string, unknown> | null;
}

export default factories.createCoreService(UID as any, ({ strapi }) => ({
  /** Writes events in the caller's transaction; bulk imports pass a bigger chunk (fewer round trips). */
  async record(trx: any, events: CaseEventInput[], options: { chunkSize?: number } = {}): Promise<number[]> {
    if (!events.length) return [];
    return bulkInsert(
      strapi,
      UID,
      events.map((e) => ({
        data: {
          caseCode: e.caseCode,
          officeCode: e.officeCode,
          actorName: e.actorName ?? null,
          role: e.role ?? null,
          action: e.action,
          fromActivity: e.fromActivity ?? null,
          fromActivityDueAt: e.fromActivityDueAt ?? null,
          toActivity: e.toActivity ?? null,
          fromStatus: e.fromStatus ?? null,
          toStatus: e.toStatus ?? null,
          note: e.note ?? null,
          at: e.at,
          data: e.data ?? null,
        },
        links: { case: e.caseId, actor: e.actorId ?? null },
      })),
      { trx, chunkSize: options.chunkSize },
    );
  },

  /**
   * A case's events, oldest first: those the engine wrote. An event the CMS wrote carries its
   * author (createdBy), which the engine never sets; such rows are refused now (document
   * middleware and database), and any written before are not history.
   */
  async forCase(caseId: number) {
    return strapi.db.query(UID).findMany({
      where: { case: { id: caseId }, createdBy: { id: { $null: true } } },
      orderBy: [{ at: 'asc' }, { id: 'asc' }],
      select: ['id', 'documentId', 'action', 'role', 'actorName', 'fromActivity', 'toActivity', 'fromStatus', 'toStatus', 'note', 'at', 'data'],
    });
  },
}));
