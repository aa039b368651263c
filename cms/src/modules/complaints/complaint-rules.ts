import type { Core } from '@strapi/strapi';
import { factories } from '@strapi/strapi';
import { addDuration } from '../../core/calendar';
import { randomTrackingCode } from '../../core/tracking-code';

const UID = 'api::complaint.complaint';
const DEFAULT_REPLY_HOURS = 72;

/** What replyDueAt needs of an office row (its SLA component populated). */
export interface ReplyDeadlineOffice {
  timeZone?: string | null;
  sla?: { complaintReplyHours?: number | null } | null;
}

/** The complaint rules every channel shares: the public site and the staff API call these. */
export interface ComplaintRules {
  /** A fresh ADU-XXXX-XXXX code no stored complaint has. */
  newTrackingCode(): Promise<string>;
  /** When the office must have replied: its SLA's reply hours (72 when unset) after receipt. */
  replyDueAt(office: ReplyDeadlineOffice | null | undefined, receivedAt: Date): Date;
}

export const complaintRules = (strapi: Core.Strapi): ComplaintRules => strapi.service(UID) as unknown as ComplaintRules;

export default factories.createCoreService(UID as any, ({ strapi }) => ({
  async newTrackingCode(): Promise<string> {
    // A clash is unlikely (31^8 codes) but a stored code must never be handed out twice.
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const code = randomTrackingCode();
      if (!(await strapi.db.query(UID).findOne({ where: { trackingCode: code }, select: ['id'] }))) return code;
    }
    throw new Error('Could not allocate a unique complaint tracking code');
  },

  replyDueAt(office: ReplyDeadlineOffice | null | undefined, receivedAt: Date): Date {
    const hours = office?.sla?.complaintReplyHours ?? DEFAULT_REPLY_HOURS;
    return addDuration(receivedAt, hours, 'hours', { timeZone: office?.timeZone ?? 'Asia/Jakarta' });
  },
}));
