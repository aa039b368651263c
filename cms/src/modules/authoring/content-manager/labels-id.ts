/**
 * Indonesian labels of the fields in the CMS (Strapi's content manager). Field names stay
 * English in code; what an office admin reads is Indonesian. A field named in several content
 * types means the same everywhere, so one label serves them all; `byType` overrides it.
 */
export const FIELD_LABELS: Record<string, string> = {
  action: 'Tindakan', activeFrom: 'Aktif mulai', activeOnFirstOfNextMonth: 'Aktif tanggal 1 bulan berikutnya', activities: 'Uraian kegiatan',
  activityDueAt: 'Batas waktu kegiatan', activityStartedAt: 'Kegiatan dimulai', actor: 'Pelaku', actorName: 'Nama pelaku', address: 'Alamat',
  addressee: 'Kepada', amount: 'Jumlah', annex: 'Lampiran', anonymous: 'Anonim', applicant: 'Pemohon', approver: 'Disahkan oleh',
  assignee: 'Petugas yang menangani', at: 'Waktu', batch: 'Rekap usulan', birthDate: 'Tanggal lahir', birthPlace: 'Tempat lahir', body: 'Isi surat',
  bpjsMutationDay: 'Tanggal mutasi BPJS', bpjsReason: 'Alasan BPJS', bpjsResult: 'Hasil cleansing BPJS', calendar: 'Kalender layanan',
  case: 'Kasus', caseCode: 'Nomor kasus', caseCount: 'Jumlah kasus', channel: 'Saluran', checked: 'Sudah diperiksa', checklist: 'Kelengkapan persyaratan',
  closedAt: 'Selesai pada', code: 'Kode', competencies: 'Kompetensi pelaksana', complaintChannels: 'Saluran pengaduan',
  complaintHandling: 'Penanganan pengaduan, saran dan masukan', complaintReplyHours: 'Batas jawaban pengaduan (jam)', completionTime: 'Jangka waktu (hitungan)',
  completionTimeNote: 'Keterangan jangka waktu', completionTimeText: 'Jangka waktu penyelesaian', contact: 'Kontak', currentActivity: 'Kegiatan saat ini',
  currentExecutor: 'Pelaksana saat ini', data: 'Data', date: 'Tanggal', derivedFields: 'Bagian yang diturunkan', districtCode: 'Kode kecamatan',
  documentNumber: 'Nomor dokumen', dueAt: 'Batas waktu', dueSoonPercent: 'Peringatan mendekati batas (%)', effect: 'Hasil di sistem',
  effectiveDate: 'Tanggal mulai berlaku', effectiveOn: 'Tanggal efektif', email: 'Surel', equipment: 'Peralatan/perlengkapan', executor: 'Pelaksana',
  executors: 'Pelaksana', external: 'Pihak luar', facilities: 'Sarana, prasarana, dan/atau fasilitas', fee: 'Biaya/tarif', file: 'Berkas',
  flowchartSteps: 'Bagan alur', fromActivity: 'Dari kegiatan', fromStatus: 'Dari status', government: 'Pemerintah daerah', head: 'Kepala kantor',
  holidays: 'Hari libur', initials: 'Paraf', inputCutoffDay: 'Batas input usulan desa (tanggal)', internalSupervision: 'Pengawasan internal',
  issueDate: 'Tanggal terbit', issuedOn: 'Tanggal terbit', jknNumber: 'Nomor kartu JKN-KIS', key: 'Kunci', kind: 'Jenis', kkNumber: 'Nomor KK',
  label: 'Label', legalBasis: 'Dasar hukum', letterKind: 'Jenis surat', letterheadLines: 'Kop surat', level: 'Tingkat', logo: 'Logo',
  madeOn: 'Tanggal pembuatan', membership: 'Status kepesertaan', month: 'Bulan', name: 'Nama', next: 'Kegiatan berikutnya', nik: 'NIK', nip: 'NIP',
  noLabel: 'Keterangan "Tidak"', noNext: 'Jika "Tidak" ke kegiatan', note: 'Catatan', notes: 'Keterangan', number: 'Nomor', office: 'Kantor',
  officeCode: 'Kode kantor', outcome: 'Hasil', output: 'Output', parent: 'Induk', parentCode: 'Kode induk', performanceEvaluation: 'Evaluasi kinerja pelaksana',
  phone: 'Telepon', priority: 'Prioritas', procedureSteps: 'Sistem, mekanisme dan prosedur', products: 'Produk pelayanan', qualifications: 'Kualifikasi pelaksana',
  queueRoles: 'Antrian peran', rank: 'Pangkat/golongan', receivedAt: 'Diterima pada', recordKeeping: 'Pencatatan dan pendataan', regency: 'Kabupaten/kota',
  regencyCode: 'Kode kabupaten/kota', region: 'Wilayah', regionCode: 'Kode wilayah', relatedSops: 'Keterkaitan', repliedAt: 'Dijawab pada', reply: 'Jawaban',
  reporterName: 'Nama pelapor', required: 'Wajib', requirements: 'Persyaratan', respondentAge: 'Usia responden', respondentEducation: 'Pendidikan responden',
  respondentOccupation: 'Pekerjaan responden', respondentSex: 'Jenis kelamin responden', responsiblePerson: 'Penanggung jawab layanan', resultAt: 'Hasil diterima pada',
  revisedOn: 'Tanggal revisi', revision: 'Nomor revisi', role: 'Peran', roles: 'Peran yang boleh bertindak', securityGuarantee: 'Jaminan keamanan dan keselamatan pelayanan',
  sentAt: 'Dikirim pada', sequence: 'Nomor urut', service: 'Layanan', serviceGuarantee: 'Jaminan pelayanan', serviceName: 'Jenis pelayanan',
  serviceSlug: 'Kode layanan', sex: 'Jenis kelamin', signedAt: 'Ditandatangani pada', signedBy: 'Ditandatangani oleh', signer: 'Penanda tangan',
  signingDate: 'Ditetapkan tanggal', signingPlace: 'Ditetapkan di', sla: 'Target layanan', slug: 'Alamat halaman', socialAccounts: 'Media sosial',
  sop: 'SOP', staffing: 'Jumlah pelaksana', status: 'Status', subject: 'Perihal', submittedAt: 'Dikirim pada', suggestion: 'Saran', symbol: 'Simbol bagan',
  text: 'Teks', timeAmount: 'Waktu (jumlah)', timeText: 'Waktu (tertulis)', timeUnit: 'Satuan waktu', timeZone: 'Zona waktu', title: 'Judul',
  toActivity: 'Ke kegiatan', toStatus: 'Ke status', totalTime: 'Jumlah waktu penyelesaian', track: 'Jalur', trackingCode: 'Kode pelacakan',
  u1: 'U1 Persyaratan', u2: 'U2 Sistem, mekanisme dan prosedur', u3: 'U3 Waktu penyelesaian', u4: 'U4 Biaya/tarif', u5: 'U5 Produk spesifikasi jenis pelayanan',
  u6: 'U6 Kompetensi pelaksana', u7: 'U7 Perilaku pelaksana', u8: 'U8 Penanganan pengaduan, saran dan masukan', u9: 'U9 Sarana dan prasarana',
  unit: 'Unit kerja', upload: 'Perlu unggahan', url: 'Tautan', value: 'Nilai', version: 'Versi', village: 'Desa/kelurahan', villageCode: 'Kode desa/kelurahan',
  warnings: 'Peringatan', website: 'Situs web', welfareDecile: 'Desil kesejahteraan', welfareSource: 'Sumber data kesejahteraan', workingWeekdays: 'Hari kerja',
  year: 'Tahun', yesLabel: 'Keterangan "Ya"', yesNext: 'Jika "Ya" ke kegiatan',
  // SOP routes, letter templates and the office's letter numbers.
  tracks: 'Jalur layanan', initialRoles: 'Urutan paraf (peran)', bpjsSend: 'Pengiriman ke BPJS', sifat: 'Sifat',
  attachmentLabel: 'Lampiran (keterangan)', copies: 'Tembusan', initialChain: 'Urutan paraf', decreeTitle: 'Judul keputusan',
  considering: 'Menimbang', decisions: 'Memutuskan', letterNumberFormat: 'Format nomor surat',
};

/** Where a field means something particular in one model. */
export const FIELD_LABELS_BY_MODEL: Record<string, Record<string, string>> = {
  'shared.time-span': { text: 'Tertulis', unit: 'Satuan' },
  'office.office': { unit: 'Bidang yang menangani PBI' },
  'standard.requirement': { text: 'Persyaratan' },
  'shared.list-item': { text: 'Butir' },
  // An activity's tracks are the routes it applies to (empty: every route), not the SOP's list of routes.
  'sop.activity': { tracks: 'Berlaku untuk jalur (kosong: semua jalur)', initialRoles: 'Peran yang memberi paraf, berurutan' },
};
