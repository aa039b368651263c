/**
 * The upload plugin, with an index on files.hash: middlewares/private-uploads looks every
 * /uploads/<hash><ext> request up by hash.
 */
export default (plugin: any) => {
  const schema = plugin.contentTypes.file.schema;
  schema.indexes = [...(schema.indexes ?? []), { name: 'upload_files_hash_index', columns: ['hash'], type: null }];
  return plugin;
};
