/**
 * The origins a browser may call the server from with credentials (CORS): the system's own
 * (PUBLIC_URL) and those listed in CORS_ORIGINS, and no other. The panel, the CMS and the
 * public site are served from one origin, so nothing else needs cross-origin access; a
 * reflected Origin would let any page read the CMS's refresh-cookie token (/admin/access-token).
 */
export class OriginSettingError extends Error {}

/** "https://host[:port]" of an http(s) URL without path, query or credentials; else null. */
export function originOf(value: string, { pathAllowed }: { pathAllowed: boolean }): string | null {
  if (value.includes('*')) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (!['http:', 'https:'].includes(url.protocol) || url.username || url.password || url.search || url.hash) return null;
  if (!pathAllowed && url.pathname !== '/') return null;
  return url.origin;
}

export function allowedOrigins(publicUrl: string, corsOrigins: string): string[] {
  const out = new Set<string>();
  if (publicUrl.trim()) {
    const own = originOf(publicUrl.trim(), { pathAllowed: true });
    if (!own) throw new OriginSettingError(`PUBLIC_URL must be an http(s) address (got "${publicUrl}")`);
    out.add(own);
  }
  for (const entry of corsOrigins
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const origin = originOf(entry, { pathAllowed: false });
    if (!origin) throw new OriginSettingError(`CORS_ORIGINS must list origins such as https://kantor.example.go.id, comma-separated; "${entry}" is not one (a wildcard is never allowed)`);
    out.add(origin);
  }
  return [...out];
}
