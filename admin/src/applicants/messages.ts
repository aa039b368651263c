import type { FolderMessages } from '../i18n/merge';

export const messages: FolderMessages = {
  id: {
    resources: {
      applicants: {
        name: 'Pemohon |||| Pemohon',
        fields: {
          name: 'Nama',
          nik: 'NIK',
          kkNumber: 'Nomor KK',
          sex: 'Jenis kelamin',
          birthPlace: 'Tempat lahir',
          birthDate: 'Tanggal lahir',
          villageCode: 'Desa/Kelurahan',
          address: 'Alamat',
          phone: 'Nomor telepon',
          q: 'Cari (nama atau NIK)',
        },
      },
    },
    applicants: {
      nik: {
        digits: '%{n} dari 16 digit',
        reads: 'NIK valid: lahir %{date}, %{sex}',
        duplicate: 'Pemohon dengan NIK ini sudah terdaftar: %{name}',
        open_existing: 'Buka data pemohon',
      },
      open_case: {
        button: 'Buka kasus',
        title: 'Buka kasus untuk %{name}',
        service: 'Layanan',
        track: 'Jalur layanan',
        track_help: 'Jalur menurut SOP layanan ini; prioritas mengikuti jalur yang dipilih',
        confirm: 'Buka kasus',
      },
    },
  },
  en: {
    resources: {
      applicants: {
        name: 'Applicant |||| Applicants',
        fields: {
          name: 'Name',
          nik: 'NIK',
          kkNumber: 'Family card number',
          sex: 'Sex',
          birthPlace: 'Place of birth',
          birthDate: 'Date of birth',
          villageCode: 'Village',
          address: 'Address',
          phone: 'Phone number',
          q: 'Search (name or NIK)',
        },
      },
    },
    applicants: {
      nik: {
        digits: '%{n} of 16 digits',
        reads: 'Valid NIK: born %{date}, %{sex}',
        duplicate: 'An applicant with this NIK is already registered: %{name}',
        open_existing: 'Open the applicant',
      },
      open_case: {
        button: 'Open a case',
        title: 'Open a case for %{name}',
        service: 'Service',
        track: 'Service track',
        track_help: "The tracks of this service's SOP; the priority follows the chosen track",
        confirm: 'Open the case',
      },
    },
  },
};
