import type { AuthProvider } from 'react-admin';

const KEY = 'layanan-pbi.jwt';
export const getToken = () => localStorage.getItem(KEY);

/** Logs in through the staff API (lockout, token versions, logout that revokes the token). */
export const authProvider: AuthProvider = {
  async login({ username, password }) {
    const res = await fetch('/api/panel/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ identifier: username, password }),
    });
    const body = await res.json().catch(() => ({}));
    if (!res.ok) throw new Error(body?.error?.message ?? 'Gagal masuk');
    localStorage.setItem(KEY, body.jwt);
  },
  async logout() {
    const token = getToken();
    localStorage.removeItem(KEY);
    if (token) await fetch('/api/panel/logout', { method: 'POST', headers: { Authorization: `Bearer ${token}` } }).catch(() => undefined);
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
    const res = await fetch('/api/panel/me', { headers: { Authorization: `Bearer ${getToken()}` } });
    if (!res.ok) throw new Error('Sesi berakhir');
    const me = await res.json();
    return { id: me.id, fullName: me.fullName ?? me.username };
  },
};
