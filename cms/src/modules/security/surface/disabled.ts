import { declare } from './types';

/**
 * Doors Strapi ships that this system has closed: removed from the router (their plugin's
 * extension in src/extensions, the stock routers in src/api/<type>/routes) or, where still
 * there, refused at runtime. They are probed anyway: each must answer 404/405 (or 401/403)
 * with no data, whatever the token.
 */
export const DISABLED_ROUTES = [
  ...declare(
    {
      kind: 'disabled',
      why: "users-permissions' own login, registration, password reset, e-mail confirmation, OAuth and sessions: staff log in only at POST /api/panel/login (lockout); passwords are reset by the office admin in the panel",
    },
    [
      'POST /api/auth/local',
      'POST /api/auth/local/register',
      'GET /api/connect/(.*)',
      'GET /api/auth/:provider/callback',
      'POST /api/auth/forgot-password',
      'POST /api/auth/reset-password',
      'GET /api/auth/email-confirmation',
      'POST /api/auth/send-email-confirmation',
      'POST /api/auth/change-password',
      'POST /api/auth/refresh',
      'POST /api/auth/logout',
      'GET /api/auth/sessions',
      'DELETE /api/auth/sessions/:sessionId',
    ],
  ),
  ...declare({ kind: 'disabled', why: "users-permissions' REST API of accounts and roles: staff accounts are the office admin's, in the staff API (/api/panel/users)" }, [
    'GET /api/users/count',
    'GET /api/users',
    'GET /api/users/me',
    'GET /api/users/:id',
    'POST /api/users',
    'PUT /api/users/:id',
    'DELETE /api/users/:id',
    'GET /api/users-permissions/roles',
    'GET /api/users-permissions/roles/:id',
    'POST /api/users-permissions/roles',
    'PUT /api/users-permissions/roles/:role',
    'DELETE /api/users-permissions/roles/:role',
    'GET /api/users-permissions/permissions',
  ]),
  ...declare({ kind: 'disabled', why: 'the Media Library fetching remote URLs on the server (a way into internal addresses): removed by extensions/upload' }, [
    'POST /upload/actions/upload-from-urls',
  ]),
  ...declare({ kind: 'disabled', why: 'sending e-mail through the REST API' }, ['POST /api/email']),
  ...declare({ kind: 'disabled', why: "the content types' schemas over the REST API (the CMS has its own)" }, [
    'GET /api/content-type-builder/content-types',
    'GET /api/content-type-builder/content-types/:uid',
    'GET /api/content-type-builder/components',
    'GET /api/content-type-builder/components/:uid',
  ]),
  ...declare({ kind: 'disabled', why: 'locales over the REST API (the CMS has its own)' }, ['GET /api/i18n/locales']),
];

/**
 * The stock REST routes of a content type (createCoreRouter): removed for every type (`only:
 * []`); the test derives them from the content types, so a new type is covered too. The one
 * exception is GET /api/cases on a server started with BENCH_STOCK_CASES=true, which only
 * `npm run bench:api` does (its comparison with Strapi's own find; API tokens only; never under
 * NODE_ENV=test, so the probes here always find it closed).
 */
export function stockRoutes(pluralName: string): string[] {
  const base = `/api/${pluralName}`;
  return [`GET ${base}`, `GET ${base}/:id`, `POST ${base}`, `PUT ${base}/:id`, `DELETE ${base}/:id`];
}
