// The Media Library's provider, named by this path in config/plugins.ts and stored with every
// uploaded file's row (provider column): the path stays, the code lives in modules/files.
export { initMediaProvider as init } from '../modules/files';
