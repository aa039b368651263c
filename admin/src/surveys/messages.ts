/** Texts of the survey (SKM) results. */
export const messages = {
  id: {
    resources: {
      'survey-responses': {
        name: 'Survei Kepuasan |||| Survei Kepuasan',
        fields: { submittedAt: 'Diisi', serviceLabel: 'Layanan', score: 'Nilai', respondentSex: 'Jenis kelamin', respondentEducation: 'Pendidikan', suggestion: 'Saran', serviceSlug: 'Layanan' },
      },
    },
    surveys: {
      title: 'Hasil Survei Kepuasan Masyarakat',
      ikmTitle: 'Indeks Kepuasan Masyarakat (IKM) per layanan',
      officeIkm: 'IKM kantor %{score} dari %{n} responden',
      none: 'Belum ada survei yang diisi.',
      service: 'Layanan',
      respondents: 'Responden',
      grade: 'Mutu',
      score: 'Nilai IKM (25–100)',
      mean: 'Rata-rata (1–4)',
      elementsOf: 'Unsur pelayanan: %{title}',
      elementsHelp: 'Nilai rata-rata tiap unsur (1–4) menurut PermenPANRB 14/2017; unsur terendah perlu diperbaiki lebih dulu.',
      performance: { A: 'Sangat Baik', B: 'Baik', C: 'Kurang Baik', D: 'Tidak Baik' },
      sex: { male: 'Laki-laki', female: 'Perempuan' },
    },
  },
  en: {
    resources: {
      'survey-responses': {
        name: 'Satisfaction survey |||| Satisfaction surveys',
        fields: { submittedAt: 'Submitted', serviceLabel: 'Service', score: 'Score', respondentSex: 'Sex', respondentEducation: 'Education', suggestion: 'Suggestion', serviceSlug: 'Service' },
      },
    },
    surveys: {
      title: 'Public satisfaction survey results',
      ikmTitle: 'Public Satisfaction Index (IKM) per service',
      officeIkm: 'Office IKM %{score} from %{n} respondents',
      none: 'No survey answers yet.',
      service: 'Service',
      respondents: 'Respondents',
      grade: 'Grade',
      score: 'IKM score (25–100)',
      mean: 'Mean (1–4)',
      elementsOf: 'Service elements: %{title}',
      elementsHelp: 'Mean score of each element (1–4) per PermenPANRB 14/2017; improve the lowest first.',
      performance: { A: 'Very good', B: 'Good', C: 'Poor', D: 'Very poor' },
      sex: { male: 'Male', female: 'Female' },
    },
  },
};
export default messages;
