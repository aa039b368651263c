import type { FolderMessages } from '../i18n/merge';

export const messages: FolderMessages = {
  id: { resources: { users: { name: 'Pengguna |||| Pengguna' } } },
  en: { resources: { users: { name: 'User |||| Users' } } },
};
