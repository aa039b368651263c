import { declare } from './types';

/** Open without a login: the public site, static files, the two login doors and their helpers. */
export const PUBLIC_ROUTES = [
  ...declare({ kind: 'public', why: "Strapi's health check: 204 without a body" }, ['ALL /_health']),
  ...declare({ kind: 'public', why: 'the public site: published standards, PDFs, complaint and survey forms, IKM (rate-limited forms; modules/public-site/routes.ts)' }, [
    'GET /',
    'GET /layanan',
    'GET /layanan/:slug',
    'GET /layanan/:slug/pdf',
    'GET /layanan/:slug/sop/pdf',
    'GET /pengaduan',
    'POST /pengaduan',
    'GET /pengaduan/status',
    'GET /survei/:slug',
    'POST /survei/:slug',
    'GET /ikm',
  ]),
  ...declare({ kind: 'public', why: 'static files of cms/public (strapi::public)' }, ['GET /((?!uploads/).+)']),
  ...declare(
    {
      kind: 'public',
      why: 'Media Library files (office logos, pictures, PDFs) from DATA_DIR/uploads, served inert by middlewares/uploads.ts before this route is reached; case files are never there (private store)',
    },
    ['GET /uploads/(.*)'],
  ),
  ...declare({ kind: 'public', why: "the staff login, staff's only door: lockout after 5 failures (modules/staff-api/sessions.ts)" }, ['POST /api/panel/login']),
  ...declare({ kind: 'public', why: "the CMS login (Strapi's rate limit) and its refresh-cookie token (CORS: only the system's own origins, cookie SameSite=Strict)" }, [
    'POST /admin/login',
    'POST /admin/access-token',
  ]),
  ...declare({ kind: 'public', why: "the CMS's start: whether an admin exists, the project type; nothing about content" }, ['GET /admin/init', 'GET /admin/project-type']),
  ...declare({ kind: 'public', why: 'the first super admin, only while none exists (400 afterwards); invitations need their registration token' }, [
    'POST /admin/register-admin',
    'GET /admin/registration-info',
    'POST /admin/register',
  ]),
  ...declare({ kind: 'public', why: 'CMS password reset: 204 for any address (no enumeration), a reset needs the e-mailed token (400 otherwise)' }, [
    'POST /admin/forgot-password',
    'POST /admin/reset-password',
  ]),
  ...declare({ kind: 'public', why: "the content-manager's preview script (static JavaScript, no data)" }, ['GET /content-manager/preview/script']),
];
