'use strict';
/**
 * One instance of a test cluster: the compiled server (cms/dist, built by the suite's global
 * setup) listening on PORT, with the environment its parent gave it (database, DATA_DIR,
 * secrets). Prints "ready <port>" once it serves; stops cleanly on SIGTERM.
 */
const path = require('path');

const cmsDir = path.resolve(__dirname, '..', '..', 'cms');

async function main() {
  const { createStrapi } = require('@strapi/strapi');
  const app = createStrapi({ appDir: cmsDir, distDir: path.join(cmsDir, 'dist'), autoReload: false, serveAdminPanel: false });
  await app.load();
  await app.server.mount();
  await new Promise((resolve) => app.server.httpServer.listen(Number(process.env.PORT), '127.0.0.1', resolve));
  console.log(`ready ${app.server.httpServer.address().port}`);
  const stop = () => {
    app
      .destroy()
      .catch(() => {})
      .finally(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((err) => {
  console.error(err && err.stack ? err.stack : err);
  process.exit(1);
});
