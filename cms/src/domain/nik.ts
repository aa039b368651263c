// Kept only for the staff panel (admin/src/applicants/nik.ts imports this path); the rules live in
// core/nik.ts. Delete once the panel imports cms/src/core/nik.
export * from '../core/nik';
