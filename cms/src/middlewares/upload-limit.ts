/**
 * Size limit of spreadsheet uploads (POST /api/panel/imports), checked from Content-Length
 * before the body is parsed: a file over the limit is refused with 413 and a message, and its
 * bytes are drained unread. IMPORT_MAX_BYTES, default 50 MB.
 */
export const IMPORT_MAX_BYTES = Number(process.env.IMPORT_MAX_BYTES) || 50 * 1024 * 1024;

export function tooLargeBody() {
  const message = `Berkas terlalu besar: maksimal ${Math.round(IMPORT_MAX_BYTES / 1048576)} MB. Pecah berkas menjadi beberapa bagian.`;
  return { data: null, error: { status: 413, name: 'PayloadTooLargeError', message, details: { field: 'file', maxBytes: IMPORT_MAX_BYTES } }, message };
}

export default () => async (ctx: any, next: () => Promise<void>) => {
  if (ctx.method === 'POST' && ctx.path === '/api/panel/imports') {
    // A little slack for the multipart envelope and the other fields.
    const length = Number(ctx.get('content-length'));
    if (Number.isFinite(length) && length > IMPORT_MAX_BYTES + 64 * 1024) {
      // Read the body to its end (discarding it) so that the client gets the answer.
      await new Promise<void>((resolve) => {
        ctx.req.on('end', resolve);
        ctx.req.on('error', resolve);
        ctx.req.resume();
      });
      ctx.status = 413;
      ctx.body = tooLargeBody();
      return;
    }
  }
  await next();
};
