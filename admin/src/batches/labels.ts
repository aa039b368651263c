/** Batch statuses and levels shown as chips; the texts are in messages.ts. */
export const BATCH_STATUSES = ['open', 'submitted', 'recapped', 'sent-to-bpjs', 'cleansed', 'closed'] as const;
export const BATCH_LEVELS = ['village', 'district', 'office'] as const;
export const STATUS_COLOR: Record<string, 'default' | 'info' | 'warning' | 'success' | 'primary'> = {
  open: 'default',
  submitted: 'info',
  recapped: 'primary',
  'sent-to-bpjs': 'warning',
  cleansed: 'success',
  closed: 'success',
};
