import type { FolderMessages } from '../i18n/merge';

export const messages: FolderMessages = {
  id: {
    resources: {
      users: {
        name: 'Pengguna |||| Pengguna',
        fields: {
          username: 'Nama pengguna',
          fullName: 'Nama lengkap',
          email: 'Email',
          nip: 'NIP',
          phone: 'Telepon',
          role: 'Peran',
          region: 'Wilayah',
          password: 'Kata sandi',
          blocked: 'Diblokir',
          q: 'Cari',
        },
      },
    },
    users: {
      password_rule: 'Kata sandi minimal 10 karakter, berisi huruf dan angka',
      password_help: 'Minimal 10 karakter dengan huruf dan angka, tidak memuat nama pengguna atau nama, dan tidak mudah ditebak (mis. gabungan beberapa kata dan angka)',
    },
  },
  en: {
    resources: {
      users: {
        name: 'User |||| Users',
        fields: { username: 'Username', fullName: 'Full name', email: 'Email', nip: 'NIP', phone: 'Phone', role: 'Role', region: 'Area', password: 'Password', blocked: 'Blocked', q: 'Search' },
      },
    },
    users: {
      password_rule: 'Password of at least 10 characters, with letters and digits',
      password_help: 'At least 10 characters with letters and digits, not containing the username or name, and hard to guess (e.g. several words and digits)',
    },
  },
};
