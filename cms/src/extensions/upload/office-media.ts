/**
 * Media per office: an Admin Kantor sees and manages only its own office's files and folders.
 * Files are held to it by the role's "own office" condition on the upload actions (listing,
 * reading, editing, replacing, deleting: seed/cms-office-admins.ts). What the upload plugin does
 * not check per item is checked here: folders (listed, read and changed without conditions),
 * bulk delete and move (checked per action, not per file), and putting a file into a folder.
 * Everyone else (super admin, seeds, scripts) is not confined: confinedOffice() is null.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { confinedOffice } from '../../modules/authoring';
import { idsOf } from './ids';

const FILE_UID = 'plugin::upload.file';
const FOLDER_UID = 'plugin::upload.folder';

type Next = () => Promise<unknown>;
type Middleware = (ctx: any, next: Next) => Promise<unknown>;
interface TreeNode {
  id: number;
  children?: TreeNode[];
}

const foreign = () => new errors.ForbiddenError('Berkas atau folder ini milik kantor lain');

/** `app` is read at each call: the extension is applied before the app it belongs to has booted. */
export function officeMedia(app: () => Core.Strapi) {
  const office = () => confinedOffice(app());
  const folders = () => app().db.query(FOLDER_UID as any);
  const files = () => app().db.query(FILE_UID as any);

  /** True when every folder of `ids` belongs to `office`. */
  async function ownFolders(ids: number[], office: string): Promise<boolean> {
    const unique = [...new Set(ids)];
    if (!unique.length) return true;
    return (await folders().count({ where: { id: { $in: unique }, officeCode: office } })) === unique.length;
  }

  async function ownFiles(ids: number[], office: string): Promise<boolean> {
    const unique = [...new Set(ids)];
    if (!unique.length) return true;
    return (await files().count({ where: { id: { $in: unique }, officeCode: office } })) === unique.length;
  }

  /** Nothing of another office (or of none) inside these folders, at any depth. */
  async function ownSubtrees(ids: number[], office: string): Promise<boolean> {
    const rows: { path: string }[] = await folders().findMany({ where: { id: { $in: ids } }, select: ['path'] });
    const under = (column: string) => ({ $or: rows.flatMap((r) => [{ [column]: r.path }, { [column]: { $startsWith: `${r.path}/` } }]) });
    if (!rows.length) return true;
    const notOwn = { $or: [{ officeCode: { $ne: office } }, { officeCode: { $null: true } }] };
    const [otherFiles, otherFolders] = await Promise.all([files().count({ where: { $and: [under('folderPath'), notOwn] } }), folders().count({ where: { $and: [under('path'), notOwn] } })]);
    return otherFiles === 0 && otherFolders === 0;
  }

  /** Runs `guard` with the request's office when it is confined to one. */
  const confined =
    (guard: (ctx: any, next: Next, office: string) => Promise<unknown>): Middleware =>
    async (ctx, next) => {
      const own = await office();
      return own ? guard(ctx, next, own) : next();
    };

  return {
    /** GET /upload/folders: the office's folders only. */
    listFolders: confined(async (ctx, next, office) => {
      await next();
      if (Array.isArray(ctx.body?.data)) ctx.body.data = ctx.body.data.filter((f: { officeCode?: string }) => f.officeCode === office);
    }),

    /** GET and PUT /upload/folders/:id: another office's folder answers as if absent. */
    oneFolder: confined(async (ctx, next, office) => {
      const [id] = idsOf(ctx.params.id, 'id');
      if (!(await ownFolders([id], office))) throw new errors.NotFoundError('folder not found');
      if (ctx.method === 'PUT' && !(await ownFolders(idsOf(ctx.request.body?.parent, 'parent'), office))) throw foreign();
      return next();
    }),

    /** GET /upload/folder-structure: the office's folders, still nested. */
    folderStructure: confined(async (ctx, next, office) => {
      await next();
      const own = new Set((await folders().findMany({ where: { officeCode: office }, select: ['id'] })).map((f: { id: number }) => f.id));
      const prune = (nodes: TreeNode[]): TreeNode[] => nodes.flatMap((n) => (own.has(n.id) ? [{ ...n, children: prune(n.children ?? []) }] : prune(n.children ?? [])));
      if (Array.isArray(ctx.body?.data)) ctx.body.data = prune(ctx.body.data);
    }),

    /** POST /upload/actions/bulk-delete and bulk-move: every item and the destination are the office's. */
    bulk: confined(async (ctx, next, office) => {
      const body = ctx.request.body ?? {};
      const fileIds = idsOf(body.fileIds, 'fileIds');
      const folderIds = idsOf(body.folderIds, 'folderIds');
      const destination = idsOf(body.destinationFolderId, 'destinationFolderId');
      const allowed = (await ownFiles(fileIds, office)) && (await ownFolders([...folderIds, ...destination], office)) && (!folderIds.length || (await ownSubtrees(folderIds, office)));
      if (!allowed) throw foreign();
      return next();
    }),

    /** A file is put into a folder (upload, edit, bulk edit): the folder must be the office's. */
    async checkFolder(folderId: unknown): Promise<void> {
      const own = await office();
      if (own && folderId && !(await ownFolders(idsOf(folderId, 'folder'), own))) throw foreign();
    },

    /** The office a new file or folder belongs to: the confined admin's own (null for everyone else). */
    officeOfNew: office,
  };
}
