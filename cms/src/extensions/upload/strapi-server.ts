/**
 * The upload plugin (Media Library) as this app needs it:
 *   - only pictures and PDFs, typed by their content (media-types.ts), on every way in;
 *   - each file and folder belongs to an office (officeCode, set from the uploading Admin
 *     Kantor), and an Admin Kantor reaches only its own (office-media.ts and the role's
 *     "own office" condition, seed/cms-office-admins.ts);
 *   - no fetching of remote URLs by the server (POST /upload/actions/upload-from-urls);
 *   - files stored under DATA_DIR/uploads (files/media-provider.ts, config/plugins.ts) and
 *     served inert by middlewares/uploads.ts.
 * Case files never come here: they have their own private store (src/modules/files).
 * The plugin's modules are shared by every app the process loads: nothing of them is mutated.
 */
import type { Core } from '@strapi/strapi';
import { checkIdParams } from './ids';
import { checkMediaFile, checkMediaFiles, checkSameType, type IncomingFile } from './media-types';
import { officeMedia } from './office-media';

type Middleware = (ctx: any, next: () => Promise<unknown>) => Promise<unknown>;

/** Admin routes that take uploaded bytes: checked before the plugin's own (English) type check. */
const UPLOAD_ROUTES = ['POST /', 'POST /files', 'POST /files/:id/replace'];
const REMOVED_ROUTES = ['POST /actions/upload-from-urls'];

const checkUploadedFiles: Middleware = async (ctx, next) => {
  await checkMediaFiles(ctx.request.files?.files);
  return next();
};

/** A content type of the plugin with an officeCode attribute. */
function withOfficeCode(contentType: any, indexes: unknown[] = []) {
  const { schema } = contentType;
  return { ...contentType, schema: { ...schema, attributes: { ...schema.attributes, officeCode: { type: 'string', configurable: false } }, indexes: [...(schema.indexes ?? []), ...indexes] } };
}

export default (plugin: any) => {
  const guards = officeMedia(() => strapi);
  plugin.contentTypes = {
    ...plugin.contentTypes,
    file: withOfficeCode(plugin.contentTypes.file, [{ name: 'upload_files_office_code_index', columns: ['office_code'], type: null }]),
    folder: withOfficeCode(plugin.contentTypes.folder),
  };

  const added: Record<string, Middleware[]> = {
    ...Object.fromEntries(UPLOAD_ROUTES.map((r) => [r, [checkUploadedFiles]])),
    'GET /folders': [guards.listFolders],
    'GET /folders/:id': [guards.oneFolder],
    'PUT /folders/:id': [guards.oneFolder],
    'GET /folder-structure': [guards.folderStructure],
    'POST /actions/bulk-delete': [guards.bulk],
    'POST /actions/bulk-move': [guards.bulk],
  };
  const admin = plugin.routes.admin;
  const routes = admin.routes
    .filter((r: any) => !REMOVED_ROUTES.includes(`${r.method} ${r.path}`))
    .map((r: any) => {
      const more = [...(/:id\b/.test(r.path) || r.path === '/' ? [checkIdParams] : []), ...(added[`${r.method} ${r.path}`] ?? [])];
      return more.length ? { ...r, config: { ...r.config, middlewares: [...(r.config?.middlewares ?? []), ...more] } } : r;
    });
  plugin.routes = { ...plugin.routes, admin: { ...admin, routes } };

  // Every other way in (the content API, MCP tools, code) goes through these services.
  const { upload: uploadService, file: fileService, folder: folderService } = plugin.services;
  plugin.services = {
    ...plugin.services,
    upload: (deps: { strapi: Core.Strapi }) => {
      const service = uploadService(deps);
      return {
        ...service,
        async upload(args: { files: IncomingFile | IncomingFile[] }, opts?: unknown) {
          await checkMediaFiles(args?.files);
          return service.upload(args, opts);
        },
        async replace(id: number | string, args: { file: IncomingFile }, opts?: unknown) {
          const type = await checkMediaFile(args?.file ?? {});
          const current = await deps.strapi.db.query('plugin::upload.file').findOne({ where: { id }, select: ['mime'] });
          if (current) checkSameType(String(args.file.originalFilename), current, type);
          return service.replace(id, args, opts);
        },
      };
    },
    // A file or folder is put into a folder: the folder must be the office's.
    file: {
      ...fileService,
      async getFolderPath(folderId: unknown) {
        await guards.checkFolder(folderId);
        return fileService.getFolderPath(folderId);
      },
    },
    folder: {
      ...folderService,
      async setPathIdAndPath(folder: { parent?: unknown }) {
        await guards.checkFolder(folder?.parent);
        return folderService.setPathIdAndPath(folder);
      },
    },
  };

  const bootstrap = plugin.bootstrap;
  plugin.bootstrap = async (args: { strapi: Core.Strapi }) => {
    await bootstrap(args);
    args.strapi.db.lifecycles.subscribe({
      models: ['plugin::upload.file', 'plugin::upload.folder'],
      async beforeCreate(event: any) {
        const office = await guards.officeOfNew();
        if (office) event.params.data.officeCode = office;
      },
    });
  };
  return plugin;
};
