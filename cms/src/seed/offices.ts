import type { Core } from '@strapi/strapi';
import type { OfficeSeed } from './seed-types';
import { officesDir, readJsonDir } from './paths';

const OFFICE_UID = 'api::office.office';

export function loadOfficeSeeds(): OfficeSeed[] {
  return readJsonDir<OfficeSeed>(officesDir);
}

const items = (lines: string[] = []) => lines.map((text) => ({ text }));

/** Office data for the document service, from its config/offices/<code>.json. */
export function officeData(o: OfficeSeed, regencyDocumentId?: string) {
  return {
    code: o.code,
    name: o.name,
    government: o.government,
    unit: o.unit,
    regencyCode: o.regencyCode,
    regency: regencyDocumentId,
    address: o.address,
    phone: o.phone,
    email: o.email,
    website: o.website,
    socialAccounts: o.socialAccounts ?? [],
    timeZone: o.timeZone,
    letterheadLines: items(o.letterheadLines),
    head: o.head,
    complaintChannels: o.complaintChannels,
    calendar: {
      inputCutoffDay: o.calendar.inputCutoffDay ?? null,
      bpjsMutationDay: o.calendar.bpjsMutationDay ?? null,
      activeOnFirstOfNextMonth: o.calendar.activeOnFirstOfNextMonth,
      workingWeekdays: o.calendar.workingWeekdays,
      holidays: o.calendar.holidays,
    },
    sla: o.sla,
  };
}

/** Creates the offices that don't exist yet (an office edited in the CMS is left as it is). */
export async function seedOffices(strapi: Core.Strapi, seeds: OfficeSeed[]): Promise<Map<string, { id: number; documentId: string }>> {
  const out = new Map<string, { id: number; documentId: string }>();
  for (const o of seeds) {
    let office = await strapi.documents(OFFICE_UID).findFirst({ filters: { code: o.code } });
    if (!office) {
      const regency = await strapi.db.query('api::region.region').findOne({ where: { code: o.regencyCode } });
      office = await strapi.documents(OFFICE_UID).create({ data: officeData(o, regency?.documentId) as any });
    }
    out.set(o.code, { id: office.id as number, documentId: office.documentId });
  }
  return out;
}
