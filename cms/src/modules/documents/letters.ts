import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { LetterData, Member } from './letter-view';
import { defaultLetterTemplate } from '../../seed/letter-templates';
import { OFFICE_POPULATE } from './views';
import { stillProposed } from '../../core/batch-members';

const LETTER_UID = 'api::letter.letter';
const TEMPLATE_UID = 'api::letter-template.letter-template';

export const LETTER_POPULATE = {
  signer: true,
  office: { populate: OFFICE_POPULATE },
  case: { populate: { applicant: true, service: true } },
  batch: true,
} as const;

/** Loads everything a letter prints: its template, case, applicant or batch members, decision. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async findLetter(documentId: string) {
    const letter: any = await strapi.documents(LETTER_UID).findOne({ documentId, populate: LETTER_POPULATE } as any);
    if (!letter) throw new errors.NotFoundError('Surat tidak ditemukan');
    return letter;
  },

  /** The batch and all batches under it (village -> district -> office recaps). */
  async batchFamily(batchId: number): Promise<number[]> {
    const ids = [batchId];
    let frontier = [batchId];
    while (frontier.length) {
      const children = await strapi.db.query('api::batch.batch').findMany({ where: { parent: { id: { $in: frontier } } }, select: ['id'] });
      frontier = children.map((c: any) => c.id).filter((id: number) => !ids.includes(id));
      ids.push(...frontier);
    }
    return ids;
  },

  async regionNames(codes: string[]): Promise<Map<string, string>> {
    const unique = [...new Set(codes.filter(Boolean))];
    if (!unique.length) return new Map();
    const rows = await strapi.db.query('api::region.region').findMany({ where: { code: { $in: unique } }, select: ['code', 'name'] });
    return new Map(rows.map((r: any) => [r.code, r.name]));
  },

  async members(letter: any): Promise<Member[]> {
    let applicants: any[] = [];
    if (letter.batch?.id) {
      const ids = await this.batchFamily(letter.batch.id);
      const cases = await strapi.db
        .query('api::case.case')
        .findMany({ where: { batch: { id: { $in: ids } } }, populate: { applicant: true }, orderBy: [{ districtCode: 'asc' }, { villageCode: 'asc' }, { id: 'asc' }] });
      applicants = stillProposed(cases)
        .map((c: any) => ({ ...c.applicant, note: c.outcome }))
        .filter((a: any) => a?.nik);
    } else if (letter.case?.applicant) {
      applicants = [letter.case.applicant];
    }
    const names = await this.regionNames(applicants.flatMap((a) => [a.villageCode, a.districtCode]));
    return applicants.map((a) => ({
      applicantId: a.id ?? null,
      name: a.name,
      nik: a.nik,
      kk: a.kkNumber,
      sex: a.sex,
      birthPlace: a.birthPlace,
      birthDate: a.birthDate,
      address: a.address,
      village: names.get(a.villageCode) ?? a.villageCode,
      district: names.get(a.districtCode) ?? a.districtCode,
      jknNumber: a.jknNumber,
      note: a.note ?? null,
      welfareSource: a.welfareSource && a.welfareSource !== 'none' ? a.welfareSource : undefined,
    }));
  },

  /** Layak / tidak layak from the case's last decision, else from how the case ended. */
  async eligibility(kase: any): Promise<boolean | null> {
    if (!kase) return null;
    const [last] = await strapi.db.query('api::case-event.case-event').findMany({
      where: { caseCode: kase.code, action: { $in: ['decide-yes', 'decide-no'] } },
      orderBy: [{ at: 'desc' }, { id: 'desc' }],
      limit: 1,
    });
    if (last) return last.action === 'decide-yes';
    if (['rejected', 'returned'].includes(kase.status)) return false;
    return kase.status === 'completed' ? true : null;
  },

  async template(officeCode: string, kind: string) {
    const own = await strapi.db.query(TEMPLATE_UID).findOne({ where: { officeCode, kind } });
    const t = own ?? defaultLetterTemplate(kind, officeCode);
    if (!t)
      throw new errors.ValidationError(`Templat surat untuk jenis "${kind}" belum ada; buat di CMS (Templat surat)`, {
        errors: [{ path: ['kind'], message: 'templat tidak ada', name: 'ValidationError' }],
      });
    return t;
  },

  async letterData(documentId: string): Promise<{ letter: any; data: LetterData }> {
    const letter = await this.findLetter(documentId);
    const officeCode = letter.officeCode ?? letter.office?.code;
    const officeRow = letter.office ?? (await strapi.documents('api::office.office').findFirst({ filters: { code: officeCode }, populate: OFFICE_POPULATE } as any));
    if (!officeRow) throw new errors.ValidationError('Surat tidak terkait dengan kantor mana pun');
    const office = strapi.service('api::document.views').officeView(officeRow);
    const [template, members, eligible] = await Promise.all([this.template(office.code, letter.kind), this.members(letter), this.eligibility(letter.case)]);
    const kase = letter.case;
    const data: LetterData = {
      kind: letter.kind,
      office,
      template,
      letter: { number: letter.number, date: letter.date, subject: letter.subject, addressee: letter.addressee, body: letter.body, signer: letter.signer, initials: letter.initials },
      applicant: kase?.applicant ? (members[0] ?? null) : null,
      caseInfo: kase ? { code: kase.code, receivedAt: kase.receivedAt, service: kase.service?.title ?? kase.serviceSlug, outcome: kase.outcome } : null,
      batch: letter.batch ? { code: letter.batch.code, month: letter.batch.month } : null,
      members,
      eligible,
    };
    return { letter, data };
  },
});
