import type { FolderMessages } from '../i18n/merge';

export const messages: FolderMessages = {
  id: { resources: { applicants: { name: 'Pemohon |||| Pemohon' } } },
  en: { resources: { applicants: { name: 'Applicant |||| Applicants' } } },
};
