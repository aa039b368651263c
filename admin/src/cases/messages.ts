import type { FolderMessages } from '../i18n/merge';

export const messages: FolderMessages = {
  id: {
    resources: {
      cases: {
        name: 'Kasus |||| Kasus',
        fields: { code: 'Nomor kasus' },
      },
    },
    cases: {
      menu: { queue: 'Antrian saya' },
    },
  },
  en: {
    resources: {
      cases: {
        name: 'Case |||| Cases',
        fields: { code: 'Case number' },
      },
    },
    cases: {
      menu: { queue: 'My queue' },
    },
  },
};
