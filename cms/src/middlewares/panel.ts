import fs from 'fs';
import path from 'path';
import send from 'koa-send';

/**
 * Serves the staff panel (admin/dist, built by `npm start`) under /panel: files as they are,
 * every other path to index.html so that react-admin's router takes over.
 */
export default (config: { root?: string }) => {
  const root = config.root ?? path.resolve(process.env.LAYANAN_REPO_ROOT ?? path.join(__dirname, '..', '..', '..', '..'), 'admin', 'dist');
  return async (ctx: any, next: () => Promise<void>) => {
    if (!['GET', 'HEAD'].includes(ctx.method) || !(ctx.path === '/panel' || ctx.path.startsWith('/panel/'))) return next();
    if (!fs.existsSync(path.join(root, 'index.html'))) {
      ctx.status = 503;
      ctx.body = 'Panel belum dibangun: jalankan `npm start` atau `npm run build`.';
      return;
    }
    const rel = ctx.path.replace(/^\/panel\/?/, '');
    const file = rel && fs.existsSync(path.join(root, rel)) && fs.statSync(path.join(root, rel)).isFile() ? rel : 'index.html';
    // Hashed assets never change; index.html must always be fresh.
    const maxage = file.startsWith('assets/') ? 365 * 24 * 3600 * 1000 : 0;
    await send(ctx, file, { root, maxage, immutable: maxage > 0 });
  };
};
