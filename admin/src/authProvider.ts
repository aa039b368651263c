import type { AuthProvider } from 'react-admin';

const KEY = 'layanan-pbi.jwt';
export const getToken = () => localStorage.getItem(KEY);

/** Logs in with the staff API's users-permissions JWT. */
export const authProvider: AuthProvider = {
  async login({ username, password }) {
    const res = await fetch('/api/auth/local', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ identifier: username, password }),
    });
    const body = await res.json().catch(() => ({}));
    if (!res.ok) throw new Error(body?.error?.message ?? 'Gagal masuk');
    localStorage.setItem(KEY, body.jwt);
  },
  async logout() {
    localStorage.removeItem(KEY);
  },
  async checkAuth() {
    if (!getToken()) throw new Error('Silakan masuk');
  },
  async checkError(error) {
    if (error?.status === 401) {
      localStorage.removeItem(KEY);
      throw error;
    }
  },
  async getIdentity() {
    const res = await fetch('/api/users/me', { headers: { Authorization: `Bearer ${getToken()}` } });
    if (!res.ok) throw new Error('Sesi berakhir');
    const me = await res.json();
    return { id: me.documentId ?? me.id, fullName: me.fullName ?? me.username };
  },
};
