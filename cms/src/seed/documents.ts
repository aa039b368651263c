import type { Core } from '@strapi/strapi';
import type { ActivitySeed, DocumentSeed, SopSeed, StandardSeed } from './seed-types';
import { documentsDir, readJsonDir } from './paths';

const STANDARD_UID = 'api::service-standard.service-standard';
const SOP_UID = 'api::sop.sop';

export function loadDocumentSeeds(): DocumentSeed[] {
  return readJsonDir<DocumentSeed>(documentsDir);
}

const items = (lines: string[] = []) => lines.map((text) => ({ text }));

export function activityData(a: ActivitySeed) {
  return {
    number: a.number,
    text: a.text,
    executor: a.executor,
    symbol: a.symbol,
    requirements: a.requirements ?? null,
    timeAmount: a.time?.amount ?? null,
    timeUnit: a.time?.unit ?? null,
    timeText: a.time?.text ?? null,
    output: a.output ?? null,
    notes: a.notes ?? null,
    next: a.next ?? null,
    yesNext: a.yes?.next ?? null,
    yesLabel: a.yes?.label ?? null,
    noNext: a.no?.next ?? null,
    noLabel: a.no?.label ?? null,
    effect: a.effect ?? 'none',
    letterKind: a.letterKind ?? null,
    tracks: a.tracks ?? null,
    initialRoles: a.initialRoles ?? null,
  };
}

export function sopData(s: SopSeed, officeCode: string, officeDocumentId: string) {
  return {
    office: officeDocumentId,
    officeCode,
    name: s.name,
    number: s.number,
    revision: s.revision,
    madeOn: s.madeOn,
    revisedOn: s.revisedOn,
    effectiveOn: s.effectiveOn,
    issuedOn: s.issuedOn,
    approver: s.approver,
    legalBasis: items(s.legalBasis),
    qualifications: items(s.qualifications),
    relatedSops: items(s.relatedSops),
    equipment: items(s.equipment),
    warnings: items(s.warnings),
    recordKeeping: items(s.recordKeeping),
    executors: s.executors.map((e) => ({ key: e.key, label: e.label, roles: e.roles, external: !!e.external })),
    activities: s.activities.map(activityData),
    tracks: (s.tracks ?? []).map((t) => ({
      key: t.key,
      label: t.label,
      priority: t.priority,
      bpjsSend: t.bpjsSend,
      timeAmount: t.time?.amount ?? null,
      timeUnit: t.time?.unit ?? null,
      timeText: t.time?.text ?? null,
    })),
    totalTime: s.totalTime ?? null,
    derivedFields: s.derivedFields ?? [],
    annex: s.annex,
  };
}

export function standardData(s: StandardSeed, officeCode: string, officeDocumentId: string, sopDocumentId: string) {
  return {
    office: officeDocumentId,
    officeCode,
    slug: s.slug,
    title: s.title,
    serviceName: s.serviceName,
    documentNumber: s.documentNumber,
    revision: s.revision,
    issueDate: s.issueDate,
    effectiveDate: s.effectiveDate,
    approver: s.approver,
    signingPlace: s.signingPlace,
    signingDate: s.signingDate,
    derivedFields: s.derivedFields ?? [],
    requirements: s.requirements.map((r) => ({ key: r.key, text: r.text, required: r.required, upload: !!r.upload })),
    procedureSteps: items(s.procedureSteps),
    flowchartSteps: items(s.flowchartSteps),
    completionTimeText: s.completionTimeText,
    completionTime: { ...s.completionTime, text: s.completionTimeText },
    completionTimeNote: s.completionTimeNote,
    fee: s.fee,
    products: items(s.products),
    complaintHandling: items(s.complaintHandling),
    legalBasis: items(s.legalBasis),
    facilities: items(s.facilities),
    competencies: items(s.competencies),
    internalSupervision: items(s.internalSupervision),
    staffing: items(s.staffing),
    serviceGuarantee: items(s.serviceGuarantee),
    securityGuarantee: items(s.securityGuarantee),
    performanceEvaluation: items(s.performanceEvaluation),
    responsiblePerson: s.responsiblePerson ?? null,
    sop: sopDocumentId,
  };
}

/**
 * Creates and publishes each service's SOP and standard unless the standard already exists
 * (by slug): an office's edits in the CMS are never overwritten by a restart.
 */
export async function seedDocuments(strapi: Core.Strapi, seeds: DocumentSeed[], offices: Map<string, { documentId: string }>) {
  let created = 0;
  for (const doc of seeds) {
    const office = offices.get(doc.office);
    if (!office) throw new Error(`Seed ${doc.source}: unknown office "${doc.office}"`);
    const existing = await strapi.documents(STANDARD_UID).findFirst({ filters: { slug: doc.standard.slug } });
    if (existing) continue;
    const sop = await strapi.documents(SOP_UID).create({ data: sopData(doc.sop, doc.office, office.documentId) as any, status: 'published' });
    await strapi.documents(STANDARD_UID).create({ data: standardData(doc.standard, doc.office, office.documentId, sop.documentId) as any, status: 'published' });
    created += 1;
  }
  return created;
}
