/**
 * Headers that keep a served file from running as a page of this origin (where the staff panel
 * keeps its session): the declared type is the only one a browser may use (nosniff), and a
 * sandboxing CSP gives anything rendered an opaque origin with no script and no subresources.
 * PDFs keep the app's CSP: browsers render them in their PDF viewer, never as a page, and
 * Firefox's viewer does not open in a sandboxed document.
 */
export const SANDBOX_CSP = "default-src 'none'; sandbox";

export function setInertHeaders(ctx: { set(name: string, value: string): void }, mime: string): void {
  ctx.set('X-Content-Type-Options', 'nosniff');
  if (mime !== 'application/pdf') ctx.set('Content-Security-Policy', SANDBOX_CSP);
}
