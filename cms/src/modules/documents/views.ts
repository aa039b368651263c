import fs from 'fs';
import path from 'path';
import type { Core } from '@strapi/strapi';
import type { ActivityView, OfficeView, SopView, StandardView } from './models';
import { plainText } from './sanitize';
import { uploadsDir } from '../files';

/** Loads published (or draft) documents and turns them into the plain views the templates print. */

const STANDARD_UID = 'api::service-standard.service-standard';
const SOP_UID = 'api::sop.sop';
const OFFICE_UID = 'api::office.office';

const LIST_FIELDS = [
  'requirements',
  'procedureSteps',
  'flowchartSteps',
  'products',
  'complaintHandling',
  'legalBasis',
  'facilities',
  'competencies',
  'internalSupervision',
  'staffing',
  'serviceGuarantee',
  'securityGuarantee',
  'performanceEvaluation',
] as const;
const SOP_LIST_FIELDS = ['legalBasis', 'qualifications', 'relatedSops', 'equipment', 'warnings', 'recordKeeping'] as const;

export const OFFICE_POPULATE = { letterheadLines: true, head: true, logo: true } as const;
export const SOP_POPULATE = { approver: true, executors: true, activities: true, totalTime: true, ...Object.fromEntries(SOP_LIST_FIELDS.map((f) => [f, true])) };
export const STANDARD_POPULATE = {
  ...Object.fromEntries(LIST_FIELDS.map((f) => [f, true])),
  approver: true,
  completionTime: true,
  responsiblePerson: true,
  office: { populate: OFFICE_POPULATE },
  sop: { populate: SOP_POPULATE },
};

const texts = (items: any[] | undefined | null): string[] => (items ?? []).map((i) => (typeof i === 'string' ? i : i?.text)).filter((t): t is string => !!t);

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** The office logo as a data: URL, read from the Media Library's folder (the rendered page loads nothing). */
  logoDataUrl(logo: any): string | null {
    if (typeof logo?.url !== 'string' || !logo.url.startsWith('/uploads/')) return null;
    const file = path.join(uploadsDir(), path.basename(logo.url));
    if (!fs.existsSync(file)) return null;
    const mime = logo.mime || 'image/png';
    return `data:${mime};base64,${fs.readFileSync(file).toString('base64')}`;
  },

  officeView(office: any): OfficeView {
    return {
      code: office.code,
      name: office.name,
      government: office.government,
      unit: office.unit,
      address: office.address,
      phone: office.phone,
      email: office.email,
      website: office.website,
      timeZone: office.timeZone ?? 'Asia/Jakarta',
      letterheadLines: texts(office.letterheadLines),
      logoDataUrl: this.logoDataUrl(office.logo),
      head: office.head ?? null,
    };
  },

  async officeByCode(code: string): Promise<OfficeView | null> {
    const office = await strapi.documents(OFFICE_UID).findFirst({ filters: { code }, populate: OFFICE_POPULATE } as any);
    return office ? this.officeView(office) : null;
  },

  sopView(sop: any): SopView {
    return {
      name: sop.name,
      number: sop.number,
      revision: sop.revision,
      madeOn: sop.madeOn,
      revisedOn: sop.revisedOn,
      effectiveOn: sop.effectiveOn,
      issuedOn: sop.issuedOn,
      approver: sop.approver ?? null,
      ...(Object.fromEntries(SOP_LIST_FIELDS.map((f) => [f, texts(sop[f])])) as Record<(typeof SOP_LIST_FIELDS)[number], string[]>),
      executors: (sop.executors ?? []).map((e: any) => ({ key: e.key, label: plainText(e.label) })),
      activities: (sop.activities ?? []).map((a: any): ActivityView => ({
        number: a.number,
        text: plainText(a.text),
        executor: a.executor,
        symbol: a.symbol,
        requirements: plainText(a.requirements),
        timeAmount: a.timeAmount,
        timeUnit: a.timeUnit,
        timeText: a.timeText,
        output: plainText(a.output),
        notes: plainText(a.notes),
        next: a.next,
        yesNext: a.yesNext,
        yesLabel: a.yesLabel,
        noNext: a.noNext,
        noLabel: a.noLabel,
      })),
      totalTimeText: sop.totalTime?.text ?? null,
    };
  },

  standardView(std: any): StandardView {
    return {
      slug: std.slug,
      title: std.title,
      serviceName: std.serviceName,
      documentNumber: std.documentNumber,
      revision: std.revision,
      issueDate: std.issueDate,
      effectiveDate: std.effectiveDate,
      approver: std.approver ?? null,
      signingPlace: std.signingPlace,
      signingDate: std.signingDate,
      ...(Object.fromEntries(LIST_FIELDS.map((f) => [f, texts(std[f])])) as Record<(typeof LIST_FIELDS)[number], string[]>),
      completionTimeText: std.completionTimeText ?? std.completionTime?.text ?? null,
      completionTimeNote: std.completionTimeNote,
      fee: std.fee,
      responsiblePerson: std.responsiblePerson ?? null,
      sop: std.sop ? this.sopView(std.sop) : null,
    };
  },

  /** A standard by slug with its SOP and office; only the published version unless asked. */
  async standardBySlug(slug: string, status: 'published' | 'draft' = 'published') {
    const std: any = await strapi.documents(STANDARD_UID).findFirst({ filters: { slug }, status, populate: STANDARD_POPULATE } as any);
    if (!std?.office) return null;
    return { raw: std, standard: this.standardView(std), office: this.officeView(std.office) };
  },

  async sopByDocumentId(documentId: string, status: 'published' | 'draft' = 'published') {
    const sop: any = await strapi.documents(SOP_UID).findOne({ documentId, status, populate: { ...SOP_POPULATE, office: { populate: OFFICE_POPULATE } } } as any);
    if (!sop?.office) return null;
    return { raw: sop, sop: this.sopView(sop), office: this.officeView(sop.office) };
  },
});
