import type { Core, Modules } from '@strapi/strapi';
import { isPublishing, publishRefused } from '../../../platform/document-middlewares/publish-check';
import { relationInput } from '../../../platform/document-middlewares/relation-input';

const STANDARD_UID = 'api::service-standard.service-standard';
const CHECKED = ['requirements', 'procedureSteps', 'flowchartSteps', 'completionTimeText', 'completionTime', 'fee', 'sop', 'office'] as const;

const filled = (v: unknown) => typeof v === 'string' && v.trim() !== '';
const hasItems = (v: unknown) => Array.isArray(v) && v.some((i: any) => filled(typeof i === 'string' ? i : i?.text));

/** Whether a relation is set once the write's input is applied. */
function relationSet(input: Record<string, unknown>, field: string, stored: unknown): boolean {
  const asked = relationInput(input, field);
  return asked.kind === 'none' ? !!stored : asked.kind === 'target';
}

/** The components of a standard that can't be missing from a published one, in Indonesian, each naming its field. */
export function missingComponents(std: Record<string, any>, input: Record<string, any> = {}): { path: string; message: string }[] {
  const v = (f: string) => (f in input ? input[f] : std[f]);
  const problems: { path: string; message: string }[] = [];
  if (!hasItems(v('requirements'))) problems.push({ path: 'requirements', message: 'Persyaratan belum diisi' });
  if (!hasItems(v('procedureSteps')) && !hasItems(v('flowchartSteps')) && !relationSet(input, 'sop', std.sop)) {
    problems.push({ path: 'procedureSteps', message: 'Sistem, mekanisme dan prosedur belum diisi (isi langkah prosedur, bagan alur, atau tautkan SOP)' });
  }
  const time = v('completionTime');
  if (!filled(v('completionTimeText')) && !filled(time?.text) && !(Number(time?.amount) > 0 && time?.unit)) {
    problems.push({ path: 'completionTimeText', message: 'Jangka waktu penyelesaian belum diisi' });
  }
  if (!filled(v('fee'))) problems.push({ path: 'fee', message: 'Biaya/tarif belum diisi (tulis "Gratis" atau "-" bila tidak dipungut biaya)' });
  if (!relationSet(input, 'office', std.office)) problems.push({ path: 'office', message: 'Kantor belum diisi' });
  return problems;
}

/**
 * A Standar Pelayanan is what the public reads: it can only be published with its requirements,
 * its procedure (steps, a flowchart or a linked SOP), its completion time, its fee and its
 * office. Drafts may be incomplete. Registered after office-from-code.ts, so the office is the
 * one derived from the code.
 */
export function standardValidation(strapi: Core.Strapi): Modules.Documents.Middleware.Middleware {
  return async (ctx, next) => {
    if (ctx.uid !== STANDARD_UID) return next();
    if (!isPublishing(ctx)) return next();
    const params = ctx.params as any;
    let stored: any = {};
    if (ctx.action !== 'create' && params.documentId) {
      const populate = { requirements: true, procedureSteps: true, flowchartSteps: true, completionTime: true, sop: { fields: ['documentId'] }, office: { fields: ['documentId'] } };
      stored = (await strapi.documents(STANDARD_UID as any).findOne({ documentId: params.documentId, status: 'draft', fields: ['completionTimeText', 'fee'], populate } as any)) ?? {};
    }
    const input = Object.fromEntries(Object.entries(params.data ?? {}).filter(([k]) => (CHECKED as readonly string[]).includes(k)));
    const problems = missingComponents(stored, input);
    if (problems.length) throw publishRefused('Standar Pelayanan', problems);
    return next();
  };
}
