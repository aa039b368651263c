import { RESOURCES } from '../../staff-api';
import type { Action } from '../../staff-api';
import { declare, type DeclaredRoute } from './types';

const SESSION = 'staff-context: a staff token of a staff account not blocked, at its token version';

/**
 * The staff API's resource routes are declared by the resources themselves
 * (api/panel/resources): who may do what, and the scope of their rows.
 */
const RESOURCE_ROUTES: [method: string, suffix: string, action: Action][] = [
  ['GET', '', 'read'],
  ['GET', '/:id', 'read'],
  ['POST', '', 'create'],
  ['PUT', '/:id', 'update'],
  ['DELETE', '/:id', 'delete'],
];

function resourceRoutes(): DeclaredRoute[] {
  return RESOURCES.flatMap((def) =>
    RESOURCE_ROUTES.map(([method, suffix, action]) => ({
      key: `${method} /api/panel/${def.name}${suffix}`,
      exposure: { kind: 'staff' as const, guard: `${SESSION}; panel-resource ${def.name}.${action}: ${def.access[action]?.join(', ') || 'no role (refused)'}, rows in the resource's scope` },
    })),
  );
}

export const STAFF_ROUTES: DeclaredRoute[] = [
  ...declare({ kind: 'staff', guard: `${SESSION}; the account's own session and profile` }, ['POST /api/panel/logout', 'GET /api/panel/me', 'POST /api/panel/me/password']),
  ...resourceRoutes(),
  ...declare({ kind: 'staff', guard: `${SESSION}; case engine: the action's role at the case's activity, cases in the staff's scope (modules/cases/engine)` }, [
    'POST /api/panel/cases/open',
    'GET /api/panel/cases/:id/actions',
    'POST /api/panel/cases/:id/actions/:action',
    'GET /api/panel/cases/:id/timeline',
    'GET /api/panel/cases/:id/files/:fileId',
  ]),
  ...declare({ kind: 'staff', guard: `${SESSION}; batches service: the recap's role and batches of the staff's scope (api/batch/services/batches.ts)` }, [
    'POST /api/panel/batches/village-recap',
    'POST /api/panel/batches/district-recap',
    'POST /api/panel/batches/office-recap',
    'POST /api/panel/batches/:id/actions/send',
    'POST /api/panel/batches/:id/actions/result',
    'GET /api/panel/batches/:id/lines',
  ]),
  ...declare({ kind: 'staff', guard: `${SESSION}; bulk controller: importing roles, jobs of the staff's own office and scope (api/job)` }, [
    'GET /api/panel/imports/form35/template',
    'POST /api/panel/imports',
    'POST /api/panel/exports',
    'POST /api/panel/jobs/:id/cancel',
    'GET /api/panel/jobs/:id/report',
    'GET /api/panel/jobs/:id/file',
  ]),
  ...declare({ kind: 'staff', guard: `${SESSION}; figures of the staff's own scope (api/stats)` }, [
    'GET /api/panel/stats/cases-by-service',
    'GET /api/panel/stats/sla-by-activity',
    'GET /api/panel/stats/sla-by-month',
    'GET /api/panel/stats/backlog-by-village',
    'GET /api/panel/stats/ikm',
  ]),
  ...declare({ kind: 'staff', guard: `${SESSION}; letter-in-scope: a letter of a case in the staff's scope` }, ['GET /api/documents/letters/:documentId/pdf']),
  ...declare({ kind: 'staff', guard: `${SESSION}; document-of-own-office: a standard or SOP of the staff's own office` }, [
    'GET /api/documents/standards/:slug/pdf',
    'GET /api/documents/sops/:documentId/pdf',
  ]),
];
