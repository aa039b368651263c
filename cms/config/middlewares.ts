import { allowedOrigins } from '../src/modules/security';

export default ({ env }: { env: (name: string, fallback?: string) => string }) => [
  'strapi::logger',
  'strapi::errors',
  // SQLite: a write that waited too long for an import answers 503 with its message.
  'global::database-busy',
  'strapi::security',
  // Only the system's own origin(s) get CORS headers (never a reflected Origin): src/modules/security/origins.ts.
  {
    name: 'strapi::cors',
    config: { origin: allowedOrigins(env('PUBLIC_URL', ''), env('CORS_ORIGINS', '')), expose: ['Content-Range', 'X-Total-Count', 'X-Total-Estimated'] },
  },
  'strapi::poweredBy',
  'strapi::query',
  // Before strapi::body: an oversized spreadsheet upload is refused before it is parsed.
  'global::upload-limit',
  'strapi::body',
  'strapi::session',
  'strapi::favicon',
  // Before strapi::public and the upload plugin's route: /uploads is served inert from DATA_DIR.
  'global::uploads',
  'strapi::public',
  'global::panel',
];
