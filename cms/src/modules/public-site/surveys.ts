import type { Core } from '@strapi/strapi';
import { columnsOf } from '../../platform/bulk-insert';
import { formText } from './form-input';
import { ELEMENT_KEYS, ikmFromSums, type ElementKey, type IkmResult } from '../../core/ikm';

const RESPONSE_UID = 'api::survey-response.survey-response';
const STANDARD_UID = 'api::service-standard.service-standard';
const EDUCATION = ['none', 'sd', 'smp', 'sma', 'd1-d3', 'd4-s1', 's2', 's3'];

export type SurveyErrors = Record<string, string>;

const str = formText;

/** SKM responses per published service, and the IKM computed from them. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async submit(slug: string, input: Record<string, unknown>): Promise<{ ok: true } | { errors: SurveyErrors }> {
    const service: any = await strapi.documents(STANDARD_UID).findFirst({ status: 'published', filters: { slug }, fields: ['slug', 'officeCode'], populate: { office: { fields: ['code'] } } } as any);
    if (!service) return { errors: { layanan: 'Layanan tidak ditemukan.' } };
    const errors: SurveyErrors = {};
    const scores: Partial<Record<ElementKey, number>> = {};
    for (const k of ELEMENT_KEYS) {
      const v = Number(str(input[k]));
      if (!Number.isInteger(v) || v < 1 || v > 4) errors[k] = 'Pilih salah satu nilai 1 sampai 4.';
      else scores[k] = v;
    }
    const sex = str(input.jenisKelamin);
    if (sex && !['male', 'female'].includes(sex)) errors.jenisKelamin = 'Pilihan jenis kelamin tidak dikenal.';
    const ageText = str(input.umur);
    const age = ageText ? Number(ageText) : null;
    if (age !== null && (!Number.isInteger(age) || age < 10 || age > 120)) errors.umur = 'Umur diisi angka 10 sampai 120.';
    const education = str(input.pendidikan);
    if (education && !EDUCATION.includes(education)) errors.pendidikan = 'Pilihan pendidikan tidak dikenal.';
    const occupation = str(input.pekerjaan);
    if (occupation.length > 100) errors.pekerjaan = 'Pekerjaan paling banyak 100 karakter.';
    const suggestion = str(input.saran);
    if (suggestion.length > 2000) errors.saran = 'Saran paling banyak 2.000 karakter.';
    if (Object.keys(errors).length) return { errors };
    await strapi.documents(RESPONSE_UID).create({
      data: {
        ...scores,
        service: service.documentId,
        serviceSlug: service.slug,
        office: service.office?.documentId ?? null,
        officeCode: service.officeCode,
        respondentSex: sex || null,
        respondentAge: age,
        respondentEducation: education || null,
        respondentOccupation: occupation || null,
        suggestion: suggestion || null,
        submittedAt: new Date(),
      } as any,
    });
    return { ok: true };
  },

  /** IKM of every service that has responses, by service slug (one grouped query). */
  async ikmByService(): Promise<Map<string, IkmResult>> {
    const col = columnsOf(strapi, RESPONSE_UID);
    const table = strapi.db.metadata.get(RESPONSE_UID as any).tableName;
    const rows: any[] = await strapi.db
      .connection(table)
      .select({ service_slug: col.serviceSlug })
      .count({ n: '*' })
      .sum(Object.fromEntries(ELEMENT_KEYS.map((k) => [k, col[k]])))
      .whereNotNull(col.serviceSlug)
      .groupBy(col.serviceSlug);
    const out = new Map<string, IkmResult>();
    for (const r of rows) {
      const sums = Object.fromEntries(ELEMENT_KEYS.map((k) => [k, Number(r[k])])) as Record<ElementKey, number>;
      const result = ikmFromSums(Number(r.n), sums);
      if (result) out.set(r.service_slug, result);
    }
    return out;
  },
});
