import type { FolderMessages } from '../i18n/merge';

/** Texts of the privacy log screen. */
export const messages: FolderMessages = {
  id: {
    resources: {
      'access-logs': {
        name: 'Log Akses Data Pribadi |||| Log Akses Data Pribadi',
        fields: {
          at: 'Waktu',
          userName: 'Staf',
          username: 'Nama pengguna',
          roleName: 'Peran',
          kind: 'Jenis akses',
          purpose: 'Keperluan',
          route: 'Jalur (rute)',
          fields: 'Data yang dibuka',
          subjectName: 'Pemohon',
          reference: 'Rujukan',
          applicant: 'Pemohon (nama atau NIK lengkap)',
          staff: 'Staf (nama atau nama pengguna)',
          from: 'Dari tanggal',
          to: 'Sampai tanggal',
        },
      },
    },
    accessLogs: {
      wholeNik: 'NIK atau nomor KK harus lengkap 16 digit',
      applicants: '%{smart_count} pemohon |||| %{smart_count} pemohon',
      kind: { view: 'Detail', list: 'Daftar', export: 'Ekspor', 'letter-pdf': 'Surat PDF', 'case-file': 'Berkas kasus' },
      field: { nik: 'NIK', kk: 'KK', jkn: 'No. JKN', phone: 'Telepon', file: 'Berkas' },
    },
  },
  en: {
    resources: {
      'access-logs': {
        name: 'Personal data access log |||| Personal data access log',
        fields: {
          at: 'Time',
          userName: 'Staff',
          username: 'Username',
          roleName: 'Role',
          kind: 'Access',
          purpose: 'Purpose',
          route: 'Route',
          fields: 'Data opened',
          subjectName: 'Applicant',
          reference: 'Reference',
          applicant: 'Applicant (name or whole NIK)',
          staff: 'Staff (name or username)',
          from: 'From',
          to: 'To',
        },
      },
    },
    accessLogs: {
      wholeNik: 'A NIK or KK number must have all 16 digits',
      applicants: '%{smart_count} applicant |||| %{smart_count} applicants',
      kind: { view: 'Record', list: 'List', export: 'Export', 'letter-pdf': 'Letter PDF', 'case-file': 'Case file' },
      field: { nik: 'NIK', kk: 'KK', jkn: 'JKN no.', phone: 'Phone', file: 'File' },
    },
  },
};
