/**
 * Strapi's own Indonesian translation leaves many of the admin's newer strings in English; these
 * are the ones an office admin meets while writing a standard or an SOP. Keys of the content
 * manager carry its plugin id.
 */
export const INDONESIAN: Record<string, string> = {
  'global.save': 'Simpan',
  'global.cancel': 'Batal',
  'global.search': 'Cari',
  'global.delete': 'Hapus',
  'global.back': 'Kembali',
  'global.actions': 'Tindakan',
  'global.settings': 'Pengaturan',
  'global.close': 'Tutup',
  'global.content-manager': 'Pengelola Konten',
  'global.plugins.content-manager': 'Pengelola Konten',
  'HomePage.header.title': 'Halo {name}',
  'content-manager.header.name': 'Pengelola Konten',
  'content-manager.HeaderLayout.button.label-add-entry': 'Buat entri baru',
  'content-manager.containers.edit.title.new': 'Buat entri',
  'content-manager.containers.EditView.add.new-entry': 'Tambah entri',
  'content-manager.containers.edit.tabs.draft': 'draf',
  'content-manager.containers.edit.tabs.published': 'terbit',
  'content-manager.containers.List.draft': 'Draf',
  'content-manager.containers.List.published': 'Terbit',
  'content-manager.containers.List.modified': 'Diubah',
  'content-manager.containers.list.filters.status': 'Status',
  'content-manager.containers.edit.information.document.label': 'Dibuat',
  'content-manager.containers.edit.information.last-published.label': 'Terbit',
  'content-manager.containers.edit.information.last-draft.label': 'Diperbarui',
  'content-manager.components.Select.draft-info-title': 'Draf',
  'content-manager.components.Select.publish-info-title': 'Terbit',
  'content-manager.components.empty-repeatable': 'Belum ada isian. Klik untuk menambah.',
  'content-manager.relation.add': 'Tambah atau buat relasi',
  'content-manager.relation.notAvailable': 'Tidak ada data untuk dipilih',
  'content-manager.actions.unpublish.dialog.body': 'Yakin membatalkan penerbitan ini?',
  'content-manager.actions.unpublish.dialog.option.keep-draft': 'Batalkan terbit dan simpan draf terakhir',
  'content-manager.actions.unpublish.dialog.option.replace-draft': 'Batalkan terbit dan ganti draf terakhir',
};
