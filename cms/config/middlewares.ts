export default [
  'strapi::logger',
  'strapi::errors',
  'strapi::security',
  { name: 'strapi::cors', config: { expose: ['Content-Range', 'X-Total-Count', 'X-Total-Estimated'] } },
  'strapi::poweredBy',
  'strapi::query',
  'strapi::body',
  'strapi::session',
  'strapi::favicon',
  // Before strapi::public and the upload route: case files are never served publicly.
  'global::private-uploads',
  'strapi::public',
  'global::panel',
];
