import type { Core } from '@strapi/strapi';
import { sessionsService } from '../../../modules/staff-api';

/** Login, logout, the current user and password change. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async login(ctx: any) {
    ctx.body = await sessionsService(strapi).login(ctx.request.body);
  },
  async logout(ctx: any) {
    await sessionsService(strapi).logout(ctx.state.staff);
    ctx.body = { ok: true };
  },
  async me(ctx: any) {
    ctx.body = await sessionsService(strapi).me(ctx.state.staff);
  },
  async changePassword(ctx: any) {
    ctx.body = await sessionsService(strapi).changePassword(ctx.state.staff, ctx.request.body);
  },
});
