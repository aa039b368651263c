'use strict';

/**
 * Case files leave the Media Library, and uploads leave the code tree.
 *
 * Before: case documents were upload-plugin files (plugin::upload.file) linked as media fields
 * (case.attachments, the checklist item's file, letter.file), stored with every other upload in
 * cms/public/uploads. Now they are records of api::case-file.case-file with their bytes in the
 * private store (DATA_DIR/files/private), and the Media Library keeps office content only, under
 * DATA_DIR/uploads, each file and folder with its office.
 *
 * This moves an existing install over, in one transaction, before Strapi syncs the schema:
 *   1. every upload file linked to a case, a checklist item or a letter: its bytes into the
 *      private store, a case-file record for its owner, and the upload file deleted (with its
 *      links, from every owner: a document with personal data is never public content);
 *   2. engine uploads no case links any more (a checklist document replaced by a second upload
 *      was only unlinked): deleted, not moved, since no one may read them;
 *   3. the remaining Media Library files: their bytes (and image formats) from cms/public/uploads
 *      to DATA_DIR/uploads, the app's provider, and the office of the Admin Kantor who uploaded them.
 * Old copies are removed last. A new database has no upload tables yet and nothing to move.
 */
const fs = require('fs');
const path = require('path');
const { createId } = require('@paralleldrive/cuid2');

const CASE_UID = 'api::case.case';
const ITEM_UID = 'case.checklist-item';
const LETTER_UID = 'api::letter.letter';
const CASE_FILE_UID = 'api::case-file.case-file';
const FILE_UID = 'plugin::upload.file';
const FOLDER_UID = 'plugin::upload.folder';
/** The app's upload provider (config/plugins.ts); files of the stock local provider move to it. */
const MEDIA_PROVIDER = '@layanan-pbi/cms/dist/src/files/media-provider';

const tableOf = (db, uid) => db.metadata.get(uid).tableName;
const columnOf = (db, uid, attribute) => db.metadata.get(uid).attributes[attribute].columnName ?? attribute;

/** Stored names of an upload file: its own and its image formats' (thumbnail_..., small_...). */
function storedNames(file) {
  const formats = typeof file.formats === 'string' ? JSON.parse(file.formats || 'null') : file.formats;
  return [file, ...Object.values(formats ?? {})].map((f) => `${f.hash}${f.ext ?? ''}`);
}

/** Creates a table of the new schema the sync has not made yet, as Strapi would. */
async function ensureTable(knex, db, uid) {
  const name = tableOf(db, uid);
  if (await knex.schema.hasTable(name)) return;
  await db.schema.builder.createTables([db.schema.schema.tables.find((t) => t.name === name)], knex);
}

async function ensureColumn(knex, table, column) {
  if (!(await knex.schema.hasColumn(table, column))) await knex.schema.alterTable(table, (t) => t.string(column));
}

/** The morph links of upload files to private owners, with what the case file needs to know. */
async function privateLinks(knex, db) {
  const morph = db.metadata.get(FILE_UID).attributes.related.joinTable;
  const fileCol = morph.joinColumn.name;
  const idCol = morph.morphColumn.idColumn.name;
  const typeCol = morph.morphColumn.typeColumn.name;
  const checklist = db.metadata.get(CASE_UID).attributes.checklist.joinTable;
  const rows = await knex(morph.name).whereIn(typeCol, [CASE_UID, ITEM_UID, LETTER_UID]).select({ fileId: fileCol, ownerId: idCol, ownerType: typeCol });
  const links = [];
  for (const r of rows) {
    if (r.ownerType === CASE_UID) {
      const c = await knex(tableOf(db, CASE_UID))
        .where({ id: r.ownerId })
        .first({ officeCode: columnOf(db, CASE_UID, 'officeCode') });
      if (c) links.push({ fileId: r.fileId, caseId: r.ownerId, letterId: null, checklistKey: null, officeCode: c.officeCode });
    } else if (r.ownerType === ITEM_UID) {
      const item = await knex(tableOf(db, ITEM_UID))
        .where({ id: r.ownerId })
        .first({ key: columnOf(db, ITEM_UID, 'key') });
      const owner = await knex(checklist.name)
        .where({ [checklist.inverseJoinColumn.name]: r.ownerId })
        .first({ caseId: checklist.joinColumn.name });
      const c =
        owner &&
        (await knex(tableOf(db, CASE_UID))
          .where({ id: owner.caseId })
          .first({ officeCode: columnOf(db, CASE_UID, 'officeCode') }));
      if (item && c) links.push({ fileId: r.fileId, caseId: owner.caseId, letterId: null, checklistKey: item.key, officeCode: c.officeCode });
    } else {
      const letter = await knex(tableOf(db, LETTER_UID))
        .where({ id: r.ownerId })
        .first({ officeCode: columnOf(db, LETTER_UID, 'officeCode') });
      if (letter) links.push({ fileId: r.fileId, caseId: null, letterId: r.ownerId, checklistKey: null, officeCode: letter.officeCode });
    }
  }
  return links;
}

/** Engine uploads (no CMS author; captioned "<case code>" or "<case code> · <item>") no one links. */
async function unlinkedCaseUploads(knex, db) {
  const morph = db.metadata.get(FILE_UID).attributes.related.joinTable;
  const files = tableOf(db, FILE_UID);
  const creator = db.metadata.get(FILE_UID).attributes.createdBy.joinColumn.name;
  const candidates = await knex(`${files} as f`)
    .whereNull(`f.${creator}`)
    .whereNotExists(knex(morph.name).whereRaw('?? = f.id', [morph.joinColumn.name]))
    .whereNotNull('f.caption')
    .select('f.id', 'f.caption');
  const codeOf = (caption) => String(caption).split(' · ')[0].trim();
  const codes = [...new Set(candidates.map((f) => codeOf(f.caption)))];
  const known = new Set();
  for (let i = 0; i < codes.length; i += 500) {
    const rows = await knex(tableOf(db, CASE_UID))
      .whereIn(columnOf(db, CASE_UID, 'code'), codes.slice(i, i + 500))
      .select({ code: columnOf(db, CASE_UID, 'code') });
    rows.forEach((r) => known.add(r.code));
  }
  return candidates.filter((f) => known.has(codeOf(f.caption))).map((f) => f.id);
}

/** The first existing copy of a stored name. */
function findBlob(dirs, name) {
  return dirs.map((d) => path.join(d, name)).find((p) => fs.existsSync(p)) ?? null;
}

async function deleteUploadFiles(knex, db, ids) {
  const morph = db.metadata.get(FILE_UID).attributes.related.joinTable;
  const folder = db.metadata.get(FILE_UID).attributes.folder.joinTable;
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    await knex(morph.name).whereIn(morph.joinColumn.name, chunk).del();
    if (folder) await knex(folder.name).whereIn(folder.joinColumn.name, chunk).del();
    await knex(tableOf(db, FILE_UID)).whereIn('id', chunk).del();
  }
}

/**
 * `options.legacyDir`: where the stock local provider wrote (cms/public/uploads);
 * `options.files`: the files module (cms/dist/src/modules/files), for its stores and folders.
 */
async function moveUploads(knex, db, options = {}) {
  const files = tableOf(db, FILE_UID);
  if (!(await knex.schema.hasTable(files))) return { private: 0, deleted: 0, media: 0 };
  const filesModule = options.files ?? require(path.resolve(__dirname, '..', '..', 'dist', 'src', 'modules', 'files'));
  const legacyDir = options.legacyDir ?? path.join(global.strapi.dirs.static.public, 'uploads');
  const uploadsDir = filesModule.uploadsDir();
  const readFrom = [legacyDir, uploadsDir];
  const store = filesModule.caseFiles();
  const stale = [];

  await ensureTable(knex, db, CASE_FILE_UID);
  await ensureColumn(knex, files, columnOf(db, FILE_UID, 'officeCode'));
  if (await knex.schema.hasTable(tableOf(db, FOLDER_UID))) await ensureColumn(knex, tableOf(db, FOLDER_UID), columnOf(db, FOLDER_UID, 'officeCode'));

  // 1. Case files into the private store.
  const links = await privateLinks(knex, db);
  const caseFiles = tableOf(db, CASE_FILE_UID);
  const cf = (attribute) => columnOf(db, CASE_FILE_UID, attribute);
  const caseColumn = db.metadata.get(CASE_FILE_UID).attributes.case.joinColumn.name;
  const letterColumn = db.metadata.get(CASE_FILE_UID).attributes.letter.joinColumn.name;
  const moved = new Set();
  for (const link of links) {
    const file = await knex(files).where({ id: link.fileId }).first();
    const names = storedNames(file);
    const blob = findBlob(readFrom, names[0]);
    if (blob) {
      const stored = await store.put(fs.createReadStream(blob));
      const now = new Date();
      await knex(caseFiles).insert({
        document_id: createId(),
        [cf('name')]: file.name,
        [cf('mime')]: file.mime,
        [cf('size')]: stored.size,
        [cf('sha256')]: stored.sha256,
        [cf('storageKey')]: stored.key,
        [cf('officeCode')]: link.officeCode ?? null,
        [cf('checklistKey')]: link.checklistKey,
        [caseColumn]: link.caseId,
        [letterColumn]: link.letterId,
        created_at: now,
        updated_at: now,
      });
    } else {
      global.strapi?.log.warn(`Case file ${file.name} (upload ${file.id}) has no stored bytes; it is dropped`);
    }
    moved.add(file.id);
    for (const name of names) for (const dir of readFrom) stale.push(path.join(dir, name));
  }

  // 2. Case documents no case links any more: gone.
  const unlinked = await unlinkedCaseUploads(knex, db);
  for (const id of unlinked) {
    const file = await knex(files).where({ id }).first();
    for (const name of storedNames(file)) for (const dir of readFrom) stale.push(path.join(dir, name));
  }
  await deleteUploadFiles(knex, db, [...moved, ...unlinked]);

  // 3. Media Library files out of the code tree, with their office.
  const provider = columnOf(db, FILE_UID, 'provider');
  const media = await knex(files).where(provider, 'local').select('id', 'hash', 'ext', 'formats');
  fs.mkdirSync(uploadsDir, { recursive: true });
  for (const file of media) {
    for (const name of storedNames(file)) {
      const from = path.join(legacyDir, name);
      const to = path.join(uploadsDir, name);
      if (fs.existsSync(from) && !fs.existsSync(to)) fs.copyFileSync(from, to);
      if (fs.existsSync(from)) stale.push(from);
    }
  }
  if (media.length)
    await knex(files)
      .where(provider, 'local')
      .update({ [provider]: MEDIA_PROVIDER });
  await officesOfMedia(knex, db);

  for (const file of stale) fs.rmSync(file, { force: true });
  return { private: links.length, deleted: unlinked.length, media: media.length };
}

/** Files and folders an Admin Kantor made belong to its office (the staff Admin Kantor with its e-mail). */
async function officesOfMedia(knex, db) {
  const users = db.metadata.get('plugin::users-permissions.user');
  const role = users.attributes.role.joinTable;
  if (!(await knex.schema.hasTable('admin_users')) || !role) return;
  const admins = await knex('admin_users as a')
    .join(`${users.tableName} as u`, knex.raw('lower(u.email)'), knex.raw('lower(a.email)'))
    .join(`${role.name} as l`, `l.${role.joinColumn.name}`, 'u.id')
    .join(`${tableOf(db, 'plugin::users-permissions.role')} as r`, 'r.id', `l.${role.inverseJoinColumn.name}`)
    .where('r.type', 'admin-kantor')
    .whereNotNull('u.office_code')
    .select({ id: 'a.id', office: 'u.office_code' });
  for (const uid of [FILE_UID, FOLDER_UID]) {
    const table = tableOf(db, uid);
    if (!(await knex.schema.hasTable(table))) continue;
    const creator = db.metadata.get(uid).attributes.createdBy.joinColumn.name;
    const officeCode = columnOf(db, uid, 'officeCode');
    for (const a of admins)
      await knex(table)
        .where(creator, a.id)
        .whereNull(officeCode)
        .update({ [officeCode]: a.office });
  }
}

async function up(knex, db) {
  await moveUploads(knex, db);
}

module.exports = { up, moveUploads };
