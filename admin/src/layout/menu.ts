import type { ComponentType } from 'react';

/**
 * One entry of the side menu. Screens contribute their entries from their folder's `menu.ts`
 * (`export const menu: MenuEntry[] = […]`), collected by layout/Menu.tsx with import.meta.glob:
 * adding a screen never edits a shared list.
 */
export interface MenuEntry {
  /** translation key of the label, e.g. "resources.cases.name" (smart_count 2 is passed) */
  label: string;
  /** react-admin route, e.g. "/cases" or "/cases?filter=…" */
  to: string;
  icon: ComponentType;
  /** section: work (daily queues), data (registers), admin (settings) */
  group: 'work' | 'data' | 'admin';
  /** position inside the group, small first */
  order: number;
  /** access needed: resource and react-admin action, checked with canAccess (authProvider) */
  access?: { resource: string; action?: string };
  /** roles (cms/src/core/roles.ts types) that need the entry; left out = every role with access */
  roles?: readonly string[];
  /** test id, for the browser tests */
  id: string;
}

/** Whether an entry is for this role (access is checked separately by canAccess). */
export const forRole = (entry: MenuEntry, role: string | undefined) => !entry.roles || (role !== undefined && entry.roles.includes(role));

/** Staff groups used by menu entries. */
export const CASE_WORKERS = ['operator-desa', 'operator-kecamatan', 'petugas', 'pekerja-sosial', 'jf', 'kabid', 'kepala-dinas', 'petugas-bpjs'] as const;
export const QUEUE_ROLES = ['operator-desa', 'operator-kecamatan', 'petugas', 'pekerja-sosial', 'jf', 'kabid', 'kepala-dinas', 'petugas-bpjs'] as const;
