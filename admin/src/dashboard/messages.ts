/** Texts of the dashboard. */
export const messages = {
  id: {
    pbi: {
      dashboard: {
        title: 'Dasbor',
        service: 'Layanan',
        allServices: 'Semua layanan',
        casesByService: 'Kasus per layanan dan status',
        total: 'Jumlah %{n} kasus',
        slaByMonth: 'Ketepatan waktu per bulan',
        slaByMonthHelp: 'Kasus yang selesai atau ditolak tiap bulan, dalam atau melewati batas waktu layanan',
        slaByActivity: 'Ketepatan waktu per kegiatan',
        slaByActivityHelp: 'Kasus berjalan di tiap kegiatan SOP: masih dalam batas waktu kegiatan atau sudah lewat',
        backlog: 'Tunggakan per desa/kelurahan',
        backlogHelp: 'Kasus yang masih berjalan, terbanyak di atas',
        onTime: 'Tepat waktu',
        late: 'Terlambat',
        overdue: 'Lewat batas waktu',
        onTimeRate: 'Persentase tepat waktu',
        activity: 'Kegiatan %{n}',
        empty: 'Belum ada data.',
        bpjs: 'Dasbor tidak tersedia untuk Petugas BPJS Kesehatan. Buka menu Rekap Usulan untuk rekap yang dikirim ke BPJS.',
        status: { 'in-progress': 'Dalam proses', waiting: 'Menunggu', returned: 'Dikembalikan', completed: 'Selesai', rejected: 'Ditolak', cancelled: 'Dibatalkan' },
      },
    },
  },
  en: {
    pbi: {
      dashboard: {
        title: 'Dashboard',
        service: 'Service',
        allServices: 'All services',
        casesByService: 'Cases per service and status',
        total: '%{n} cases in total',
        slaByMonth: 'Timeliness per month',
        slaByMonthHelp: 'Cases completed or rejected each month, within or past the service time',
        slaByActivity: 'Timeliness per activity',
        slaByActivityHelp: "Open cases at each SOP activity: within or past the activity's time",
        backlog: 'Backlog per village',
        backlogHelp: 'Open cases, most first',
        onTime: 'On time',
        late: 'Late',
        overdue: 'Overdue',
        onTimeRate: 'On-time rate',
        activity: 'Activity %{n}',
        empty: 'No data yet.',
        bpjs: 'The dashboard is not available to the BPJS liaison. Open Batches for the recaps sent to BPJS.',
        status: { 'in-progress': 'In progress', waiting: 'Waiting', returned: 'Returned', completed: 'Completed', rejected: 'Rejected', cancelled: 'Cancelled' },
      },
    },
  },
};
export default messages;
