export default [
  'strapi::logger',
  'strapi::errors',
  // SQLite: a write that waited too long for an import answers 503 with its message.
  'global::database-busy',
  'strapi::security',
  { name: 'strapi::cors', config: { expose: ['Content-Range', 'X-Total-Count', 'X-Total-Estimated'] } },
  'strapi::poweredBy',
  'strapi::query',
  // Before strapi::body: an oversized spreadsheet upload is refused before it is parsed.
  'global::upload-limit',
  'strapi::body',
  'strapi::session',
  'strapi::favicon',
  // Before strapi::public and the upload route: case files are never served publicly.
  'global::private-uploads',
  'strapi::public',
  'global::panel',
];
