import englishMessages from 'ra-language-english';
import type { TranslationMessages } from 'react-admin';

/**
 * Indonesian messages for react-admin. Starts from the English pack's shape so that every key
 * exists; the panel issue completes the translation key by key.
 */
export const indonesianMessages: TranslationMessages = {
  ...englishMessages,
  ra: {
    ...englishMessages.ra,
    action: { ...englishMessages.ra.action, save: 'Simpan', delete: 'Hapus', edit: 'Ubah', create: 'Buat', cancel: 'Batal', search: 'Cari', refresh: 'Muat ulang', back: 'Kembali', show: 'Lihat', list: 'Daftar', export: 'Ekspor', confirm: 'Konfirmasi' },
    auth: { ...englishMessages.ra.auth, username: 'Nama pengguna', password: 'Kata sandi', sign_in: 'Masuk', logout: 'Keluar', sign_in_error: 'Gagal masuk, coba lagi', user_menu: 'Profil' },
    page: { ...englishMessages.ra.page, dashboard: 'Beranda', list: '%{name}', loading: 'Memuat', not_found: 'Tidak ditemukan', error: 'Terjadi kesalahan', empty: 'Belum ada %{name}.' },
    navigation: { ...englishMessages.ra.navigation, no_results: 'Tidak ada hasil', page_rows_per_page: 'Baris per halaman:', next: 'Berikutnya', previous: 'Sebelumnya' },
  },
};
