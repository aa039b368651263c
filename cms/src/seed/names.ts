/** Given and family names common in each office's region, for synthetic people. */
export const NAMES: Record<string, { male: string[]; female: string[]; family: string[] }> = {
  magetan: {
    male: ['Sugeng', 'Slamet', 'Bambang', 'Agus', 'Joko', 'Suparno', 'Wahyu', 'Hadi', 'Sutrisno', 'Eko', 'Budi', 'Heru', 'Yanto', 'Mulyono', 'Darmaji'],
    female: ['Sri', 'Siti', 'Sumiati', 'Suyatmi', 'Wartini', 'Endang', 'Lestari', 'Rahayu', 'Tukini', 'Sulastri', 'Winarsih', 'Dwi', 'Puji', 'Murni', 'Kasiyem'],
    family: ['Santoso', 'Wibowo', 'Susanto', 'Prasetyo', 'Hartono', 'Setiawan', 'Purnomo', 'Wahyuni', 'Rahmawati', 'Handayani', 'Kurniawan', 'Saputro'],
  },
  tarakan: {
    male: ['Muhammad', 'Ahmad', 'Rudi', 'Andi', 'Syahrul', 'Arifin', 'Hendra', 'Irwan', 'Yusuf', 'Fajar', 'Ridwan', 'Hamzah'],
    female: ['Nur', 'Siti', 'Fatimah', 'Rosmini', 'Hasnah', 'Nurhayati', 'Rina', 'Wati', 'Kartini', 'Marlina', 'Hasriani', 'Yuliana'],
    family: ['Saleh', 'Hasan', 'Baso', 'Tahir', 'Lamaddukelleng', 'Rahman', 'Sulaiman', 'Pratama', 'Hidayat', 'Malik', 'Ibrahim'],
  },
  banjarbaru: {
    male: ['Muhammad', 'Ahmad', 'Anang', 'Gusti', 'Rahmadi', 'Fahrurrazi', 'Syahrani', 'Abdul', 'Hairul', 'Rusdi', 'Aspihani', 'Noor'],
    female: ['Siti', 'Nor', 'Galuh', 'Aluh', 'Rusmilawati', 'Salasiah', 'Mariana', 'Jamilah', 'Rahmah', 'Halimah', 'Nurhidayah', 'Fitriani'],
    family: ['Rahman', 'Arsyad', 'Hidayat', 'Fauzi', 'Ansyari', 'Mahmud', 'Hasan', 'Saputra', 'Nordin', 'Ramli', 'Ilmi'],
  },
  karangasem: {
    male: ['I Wayan', 'I Made', 'I Nyoman', 'I Ketut', 'I Gede', 'I Putu', 'I Komang', 'I Kadek', 'I Gusti Ngurah'],
    female: ['Ni Wayan', 'Ni Made', 'Ni Nyoman', 'Ni Ketut', 'Ni Putu', 'Ni Komang', 'Ni Kadek', 'Ni Luh'],
    family: ['Sudarma', 'Suardana', 'Wirawan', 'Artini', 'Sukerti', 'Suparta', 'Mertayasa', 'Astawa', 'Sumerta', 'Ariani', 'Budiasa', 'Darmini'],
  },
};

/** A small deterministic PRNG (mulberry32), so demo data is the same on every machine. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)],
  };
}
