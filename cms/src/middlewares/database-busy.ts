import { WriteLockTimeout } from '../platform/sqlite-writers';

/**
 * On SQLite a write that waited too long for a running import's commit fails with
 * WriteLockTimeout (platform/sqlite-writers.ts), whichever route made it: the staff API, the
 * case engine, a public complaint. It answers 503 in Strapi's error envelope with its message
 * and a Retry-After, instead of Strapi's bare "Service Unavailable".
 */
export default () => async (ctx: any, next: () => Promise<void>) => {
  try {
    await next();
  } catch (err) {
    if (!(err instanceof WriteLockTimeout)) throw err;
    ctx.status = 503;
    ctx.set('Retry-After', '30');
    ctx.body = { data: null, error: { status: 503, name: 'ServiceUnavailableError', message: err.message, details: {} }, message: err.message };
  }
};
