import type { Core } from '@strapi/strapi';
import { normalizeTrackingCode } from '../../core/tracking-code';
import { complaintRules } from '../complaints';
import { formText, validContact } from './form-input';

const COMPLAINT_UID = 'api::complaint.complaint';
const STANDARD_UID = 'api::service-standard.service-standard';

export interface ComplaintInput {
  kantor?: string;
  layanan?: string;
  nama?: string;
  kontak?: string;
  anonim?: string;
  isi?: string;
}

export type FieldErrors = Partial<Record<keyof ComplaintInput, string>>;

export const STATUS_LABELS: Record<string, string> = {
  new: 'Diterima, menunggu tindak lanjut',
  'in-progress': 'Sedang ditindaklanjuti',
  answered: 'Sudah dijawab',
  closed: 'Selesai',
};

const str = formText;
const CONTACT_ERROR = 'Tuliskan nomor telepon (8 sampai 15 angka, boleh dengan +, spasi atau tanda hubung) atau alamat e-mail yang benar.';

/** Complaints from the public site: validated, stored with a tracking code, tracked without personal data. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async submit(input: ComplaintInput): Promise<{ trackingCode: string } | { errors: FieldErrors }> {
    const errors: FieldErrors = {};
    const officeCode = str(input.kantor);
    const office: any = officeCode ? await strapi.db.query('api::office.office').findOne({ where: { code: officeCode }, populate: { sla: true, calendar: true } }) : null;
    if (!office) errors.kantor = 'Pilih kantor Dinas Sosial yang dituju.';
    const slug = str(input.layanan);
    let service: any = null;
    if (slug) {
      service = await strapi.documents(STANDARD_UID).findFirst({ status: 'published', filters: { slug, officeCode }, fields: ['slug', 'title'] } as any);
      if (!service) errors.layanan = 'Layanan tidak ditemukan pada kantor yang dipilih.';
    }
    const text = str(input.isi);
    if (text.length < 10) errors.isi = 'Tuliskan isi pengaduan, paling sedikit 10 karakter.';
    else if (text.length > 5000) errors.isi = 'Isi pengaduan paling banyak 5.000 karakter.';
    const anonymous = input.anonim === 'ya';
    const name = str(input.nama);
    const contact = str(input.kontak);
    // Anonymous complaints store neither, so neither can be wrong.
    if (!anonymous && name.length > 150) errors.nama = 'Nama paling banyak 150 karakter.';
    if (!anonymous && contact.length > 150) errors.kontak = 'Kontak paling banyak 150 karakter.';
    else if (!anonymous && contact && !validContact(contact)) errors.kontak = CONTACT_ERROR;
    if (Object.keys(errors).length) return { errors };

    const receivedAt = new Date();
    const rules = complaintRules(strapi);
    const trackingCode = await rules.newTrackingCode();
    await strapi.documents(COMPLAINT_UID).create({
      data: {
        trackingCode,
        channel: 'web',
        anonymous,
        reporterName: anonymous ? null : name || null,
        contact: anonymous ? null : contact || null,
        text,
        service: service?.documentId ?? null,
        office: office.documentId,
        officeCode: office.code,
        status: 'new',
        receivedAt,
        dueAt: rules.replyDueAt(office, receivedAt),
      } as any,
    });
    return { trackingCode };
  },

  /** What anyone holding the code may see: no name, contact or complaint text. */
  async status(code: string) {
    const trackingCode = normalizeTrackingCode(typeof code === 'string' ? code : '');
    if (!trackingCode) return null;
    const c: any = await strapi.db.query(COMPLAINT_UID).findOne({
      where: { trackingCode },
      select: ['trackingCode', 'status', 'receivedAt', 'dueAt', 'repliedAt', 'reply'],
      populate: { office: { select: ['name', 'timeZone'] }, service: { select: ['title'] } },
    });
    if (!c) return null;
    return {
      trackingCode: c.trackingCode,
      office: c.office?.name ?? '',
      timeZone: c.office?.timeZone ?? 'Asia/Jakarta',
      service: c.service?.title ?? null,
      status: c.status as string,
      statusLabel: STATUS_LABELS[c.status] ?? c.status,
      receivedAt: c.receivedAt,
      dueAt: c.dueAt,
      repliedAt: c.repliedAt,
      reply: c.reply as string | null,
    };
  },
});
