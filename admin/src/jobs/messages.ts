/** Texts of the background jobs (imports, exports). */
export const messages = {
  id: {
    resources: {
      jobs: {
        name: 'Proses Latar |||| Proses Latar',
        fields: { createdAt: 'Dibuat', kind: 'Jenis', status: 'Status', fileName: 'Berkas', dryRun: 'Uji coba', problemCount: 'Masalah', rowsTotal: 'Jumlah baris' },
      },
    },
    jobs: {
      one: 'Proses latar',
      progress: 'Kemajuan',
      rows: 'dibaca %{read} · valid %{valid} · ditulis %{written} dari %{total} baris',
      cancel: 'Batalkan',
      cancelRequested: 'Pembatalan diminta',
      downloadFile: 'Unduh berkas',
      filesRemoved: 'Berkas dan laporan pekerjaan ini sudah dihapus pada %{date}, karena berisi data pribadi.',
      downloadReport: 'Unduh laporan (xlsx)',
      report: 'Laporan per baris (%{smart_count} masalah)',
      noProblems: 'Tidak ada masalah.',
      moreInFile: '%{count} masalah lain ada di berkas laporan.',
      problems: '%{smart_count} masalah |||| %{smart_count} masalah',
      row: 'Baris',
      field: 'Kolom',
      problem: 'Masalah',
      status: { queued: 'Menunggu giliran', running: 'Berjalan', succeeded: 'Selesai', failed: 'Gagal', cancelled: 'Dibatalkan' },
      kind: { form35: 'Impor Form 35', 'bpjs-result': 'Impor hasil BPJS', 'batch-recap': 'Ekspor rekap', bnba: 'Ekspor BNBA', cases: 'Ekspor kasus' },
    },
  },
  en: {
    resources: {
      jobs: {
        name: 'Background job |||| Background jobs',
        fields: { createdAt: 'Created', kind: 'Kind', status: 'Status', fileName: 'File', dryRun: 'Dry run', problemCount: 'Problems', rowsTotal: 'Rows' },
      },
    },
    jobs: {
      one: 'Background job',
      progress: 'Progress',
      rows: 'read %{read} · valid %{valid} · written %{written} of %{total} rows',
      cancel: 'Cancel',
      cancelRequested: 'Cancellation requested',
      downloadFile: 'Download file',
      filesRemoved: 'The files and report of this job were deleted on %{date}, as they hold personal data.',
      downloadReport: 'Download report (xlsx)',
      report: 'Per-row report (%{smart_count} problems)',
      noProblems: 'No problems.',
      moreInFile: '%{count} more problems are in the report file.',
      problems: '%{smart_count} problem |||| %{smart_count} problems',
      row: 'Row',
      field: 'Field',
      problem: 'Problem',
      status: { queued: 'Queued', running: 'Running', succeeded: 'Succeeded', failed: 'Failed', cancelled: 'Cancelled' },
      kind: { form35: 'Form 35 import', 'bpjs-result': 'BPJS result import', 'batch-recap': 'Recap export', bnba: 'BNBA export', cases: 'Cases export' },
    },
  },
};
export default messages;
