import { COMPLAINT_STATUS_LABELS } from '../../../cms/src/core/status-labels';

/** Texts of the complaint queue. */
export const messages = {
  id: {
    resources: {
      complaints: {
        name: 'Pengaduan |||| Pengaduan',
        fields: {
          trackingCode: 'Nomor pengaduan',
          receivedAt: 'Diterima',
          channel: 'Saluran',
          text: 'Isi pengaduan',
          serviceLabel: 'Layanan',
          service: 'Layanan',
          status: 'Status',
          dueAt: 'Batas jawab',
          reporterName: 'Pelapor',
          contact: 'Kontak',
          reply: 'Jawaban',
          repliedAt: 'Dijawab',
          q: 'Cari',
          overdue: 'Lewat batas',
        },
      },
    },
    complaints: {
      slaLabel: 'Status waktu',
      sla: { 'on-time': 'Tepat waktu', 'due-soon': 'Segera jatuh tempo', overdue: 'Terlambat', 'answered-on-time': 'Dijawab tepat waktu', 'answered-late': 'Dijawab terlambat' },
      status: COMPLAINT_STATUS_LABELS.id,
      channel: { web: 'Situs web', phone: 'Telepon', whatsapp: 'WhatsApp', email: 'Surel', visit: 'Datang langsung', lapor: 'SP4N-LAPOR!', box: 'Kotak pengaduan', other: 'Lainnya' },
      onlyOverdue: 'Hanya yang terlambat',
      anonymous: 'Anonim',
      sendReply: 'Simpan jawaban',
    },
  },
  en: {
    resources: {
      complaints: {
        name: 'Complaint |||| Complaints',
        fields: {
          trackingCode: 'Complaint number',
          receivedAt: 'Received',
          channel: 'Channel',
          text: 'Complaint',
          serviceLabel: 'Service',
          service: 'Service',
          status: 'Status',
          dueAt: 'Reply due',
          reporterName: 'Reporter',
          contact: 'Contact',
          reply: 'Reply',
          repliedAt: 'Replied',
          q: 'Search',
          overdue: 'Overdue',
        },
      },
    },
    complaints: {
      slaLabel: 'Timeliness',
      sla: { 'on-time': 'On time', 'due-soon': 'Due soon', overdue: 'Overdue', 'answered-on-time': 'Answered on time', 'answered-late': 'Answered late' },
      status: COMPLAINT_STATUS_LABELS.en,
      channel: { web: 'Website', phone: 'Phone', whatsapp: 'WhatsApp', email: 'Email', visit: 'In person', lapor: 'SP4N-LAPOR!', box: 'Complaint box', other: 'Other' },
      onlyOverdue: 'Overdue only',
      anonymous: 'Anonymous',
      sendReply: 'Save reply',
    },
  },
};
export default messages;
