/**
 * TRUST_PROXY: how many reverse proxies stand in front of the server (`true` means one). Only
 * then is the client address read from X-Forwarded-For, from its right end (the entries the
 * proxies added), so that the public site's rate limits count each visitor and not the proxy;
 * otherwise the header is ignored, since any client can send it.
 */
// Anything else stops `npm start` (scripts/env.js checkTrustProxy).
const proxyHops = (value: string): number => (value === 'true' ? 1 : /^\d+$/.test(value) ? Number(value) : 0);

export default ({ env }: { env: any }) => {
  const hops = proxyHops(String(env('TRUST_PROXY', '')).trim().toLowerCase());
  return {
    host: env('HOST', '0.0.0.0'),
    port: env.int('PORT', 1337),
    url: env('PUBLIC_URL', ''),
    proxy: { koa: hops > 0, maxIpsCount: hops },
    app: { keys: env.array('APP_KEYS') },
    logger: { updates: { enabled: false }, startup: { enabled: env.bool('STRAPI_STARTUP_BANNER', true) } },
  };
};
