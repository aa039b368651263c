import type { FolderMessages } from './merge';
import { CASE_STATUS_LABELS } from '../../../cms/src/core/status-labels';

/** Messages of the app shell and words every screen shares (statuses, SLA, roles). */
export const appMessages: FolderMessages = {
  id: {
    app: {
      title: 'Panel Layanan PBI',
      language: 'Bahasa',
      office: 'Kantor',
      role: 'Peran',
      unknown: '—',
      download_failed: 'Berkas tidak dapat diunduh',
    },
    menu: {
      work: 'Pekerjaan',
      data: 'Data',
      admin: 'Pengaturan',
    },
    sla: {
      'on-time': 'Tepat waktu',
      'due-soon': 'Mendekati batas',
      overdue: 'Terlambat',
      closed: 'Selesai',
      none: 'Tanpa batas waktu',
    },
    status: CASE_STATUS_LABELS.id,
    priority: {
      regular: 'Biasa',
      emergency: 'Darurat',
    },
    sex: {
      male: 'Laki-laki',
      female: 'Perempuan',
    },
  },
  en: {
    app: {
      title: 'PBI Service Panel',
      language: 'Language',
      office: 'Office',
      role: 'Role',
      unknown: '—',
      download_failed: 'The file could not be downloaded',
    },
    menu: {
      work: 'Work',
      data: 'Data',
      admin: 'Settings',
    },
    sla: {
      'on-time': 'On time',
      'due-soon': 'Due soon',
      overdue: 'Overdue',
      closed: 'Closed',
      none: 'No deadline',
    },
    status: CASE_STATUS_LABELS.en,
    priority: {
      regular: 'Regular',
      emergency: 'Emergency',
    },
    sex: {
      male: 'Male',
      female: 'Female',
    },
  },
};
