/**
 * Letters the SOP produces: drafted with a number from the office's sequence, initialled up
 * the chain, signed. The number format is the office's setting (office.letterNumberFormat).
 */
import { createId } from '@paralleldrive/cuid2';
import { factories } from '@strapi/strapi';
import { bulkInsert } from '../../platform/bulk-insert';
import { localDate } from '../../core/calendar';
import { formatLetterNumber, letterFormatProblem } from '../../core/letter-number';
import { invalid } from '../../platform/errors';

const UID = 'api::letter.letter';

export interface LetterOffice {
  id: number;
  code: string;
  timeZone: string;
  letterNumberFormat?: string | null;
}

export interface NewLetter {
  kind: string;
  subject?: string | null;
  addressee?: string | null;
  caseId?: number | null;
  batchId?: number | null;
}

export interface Initial {
  role: string;
  userId: number;
  name: string;
  activity: number | null;
  at: string;
}

const KIND_SUBJECTS: Record<string, string> = {
  reaktivasi: 'Permohonan Reaktivasi Kepesertaan PBI JKN',
  'permohonan-pbi-d': 'Permohonan Usulan Peserta PBI-D',
};

export default factories.createCoreService(UID as any, ({ strapi }) => ({
  /** Issues the next number of the office's year, within the caller's transaction. */
  async issueNumber(trx: any, office: LetterOffice, at: Date, kind?: string | null) {
    const problem = office.letterNumberFormat ? letterFormatProblem(office.letterNumberFormat) : null;
    if (problem) throw invalid('letterNumberFormat', `${problem} (pengaturan kantor ${office.code})`);
    const date = localDate(at, office.timeZone);
    const year = Number(date.slice(0, 4));
    const table = (strapi.db.metadata.get(UID as any) as any).tableName;
    const sequence = await strapi.service('api::counter.counter').next(trx, `letter:${office.code}`, year, async () => {
      const row = await trx(table).where({ office_code: office.code, year }).max({ last: 'sequence' }).first();
      return Number(row?.last ?? 0);
    });
    return { sequence, year, date, number: formatLetterNumber(office.letterNumberFormat, { seq: sequence, year, month: Number(date.slice(5, 7)), kind }) };
  },

  /** Drafts a numbered letter (the number is taken when the letter is made, as offices book their agenda numbers). */
  async draft(trx: any, office: LetterOffice, input: NewLetter, at = new Date()) {
    const n = await this.issueNumber(trx, office, at, input.kind);
    const documentId = createId();
    const [id] = await bulkInsert(
      strapi,
      UID,
      [
        {
          data: {
            documentId,
            kind: input.kind,
            number: n.number,
            sequence: n.sequence,
            year: n.year,
            date: n.date,
            officeCode: office.code,
            subject: input.subject ?? KIND_SUBJECTS[input.kind] ?? null,
            addressee: input.addressee ?? null,
            status: 'draft',
            initials: [],
          },
          links: { office: office.id, case: input.caseId ?? null, batch: input.batchId ?? null },
        },
      ],
      { trx },
    );
    return { id, documentId, ...n, kind: input.kind, status: 'draft', initials: [] as Initial[] };
  },

  /** The latest letter of a kind for a case (or for its batch, when the letter covers the batch). */
  async latest(kind: string, where: { caseId?: number | null; batchId?: number | null }) {
    const filters: any = { kind };
    if (where.caseId) filters.case = { id: where.caseId };
    else if (where.batchId) filters.batch = { id: where.batchId };
    else return null;
    return strapi.db.query(UID).findOne({ where: filters, orderBy: { id: 'desc' }, populate: { signer: true } });
  },

  async addInitial(letter: { id: number; initials?: Initial[] | null }, initial: Initial, complete: boolean) {
    const initials = [...(letter.initials ?? []), initial];
    await strapi.db.query(UID).update({ where: { id: letter.id }, data: { initials, status: complete ? 'initialled' : 'draft' } });
    return initials;
  },

  /** Signs through the document service (the signer is a component). */
  async sign(letter: { id: number; documentId: string }, signer: { name?: string | null; nip?: string | null; rank?: string | null; title?: string | null }, userId: number, at = new Date()) {
    await strapi.documents(UID as any).update({
      documentId: letter.documentId,
      data: { status: 'signed', signedAt: at, signedBy: userId, signer } as any,
    });
  },
}));
