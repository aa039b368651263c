import type { Context, Next } from 'koa';
import { asAppError } from '../../platform/errors';

/**
 * First route middleware of the staff API: a refusal comes back in Strapi's envelope
 * ({ data: null, error: { status, name, message, details } }) plus a top-level "message",
 * which react-admin's fetchJson shows to the user. Unexpected errors go on to Strapi (500).
 */
export default () => async (ctx: Context, next: Next) => {
  try {
    await next();
  } catch (err) {
    const refusal = asAppError(err);
    if (!refusal) throw err;
    const { status, name, message, details } = refusal;
    ctx.status = status;
    ctx.body = { data: null, error: { status, name, message, details }, message };
  }
};
