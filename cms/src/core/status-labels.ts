/**
 * The words for case, complaint and batch statuses, in Indonesian and English: the server's
 * case view and the staff panel both read them from here, so the two cannot drift apart.
 * Pure (the panel imports it as it imports core/nik).
 */
export type LabelLocale = 'id' | 'en';

export type CaseStatus = 'in-progress' | 'waiting' | 'returned' | 'rejected' | 'completed' | 'cancelled';
export type ComplaintStatus = 'new' | 'in-progress' | 'answered' | 'closed';
export type BatchStatus = 'open' | 'submitted' | 'recapped' | 'sent-to-bpjs' | 'cleansed' | 'closed';

export const CASE_STATUS_LABELS: Record<LabelLocale, Record<CaseStatus, string>> = {
  id: { 'in-progress': 'Dalam proses', waiting: 'Menunggu', returned: 'Dikembalikan', rejected: 'Ditolak', completed: 'Selesai', cancelled: 'Dibatalkan' },
  en: { 'in-progress': 'In progress', waiting: 'Waiting', returned: 'Returned', rejected: 'Rejected', completed: 'Completed', cancelled: 'Cancelled' },
};

export const COMPLAINT_STATUS_LABELS: Record<LabelLocale, Record<ComplaintStatus, string>> = {
  id: { new: 'Baru', 'in-progress': 'Sedang ditangani', answered: 'Sudah dijawab', closed: 'Ditutup' },
  en: { new: 'New', 'in-progress': 'In progress', answered: 'Answered', closed: 'Closed' },
};

export const BATCH_STATUS_LABELS: Record<LabelLocale, Record<BatchStatus, string>> = {
  id: { open: 'Terbuka', submitted: 'Diajukan', recapped: 'Sudah direkap', 'sent-to-bpjs': 'Dikirim ke BPJS', cleansed: 'Hasil BPJS lengkap', closed: 'Ditutup' },
  en: { open: 'Open', submitted: 'Submitted', recapped: 'Recapped', 'sent-to-bpjs': 'Sent to BPJS', cleansed: 'BPJS result complete', closed: 'Closed' },
};

/** A case status in words; an unknown status is shown as it is. */
export const caseStatusLabel = (status: string, locale: LabelLocale = 'id'): string => (CASE_STATUS_LABELS[locale] as Record<string, string>)[status] ?? status;
