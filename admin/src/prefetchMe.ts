import { fetchMe, getToken } from './authProvider';

/*
 * Asks who is logged in before React and react-admin's modules are evaluated: every access
 * check waits for it (one shared request). A module of the bundle, imported first by main.tsx,
 * rather than an inline script in index.html: the server's CSP (script-src 'self') refuses those.
 */
if (getToken()) fetchMe().catch(() => undefined);
