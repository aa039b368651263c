import { STATUS_CODES, type Server } from 'http';
import type { Socket } from 'net';
import type { Core } from '@strapi/strapi';
import { messagePage } from './layout';

/**
 * Errors on the public site's paths answer an Indonesian page with the right status, whoever
 * made them: an unknown path (Strapi's JSON 404), a wrong method (the router's plain 405), a body
 * strapi::body refused (JSON 400/413), a server error. The staff API, the CMS, the panel and
 * uploads keep their own answers.
 */
const MESSAGES: Record<number, [string, string]> = {
  400: ['Permintaan tidak dapat diproses', 'Isian yang dikirim tidak dapat dibaca. Kembali ke halaman sebelumnya lalu kirim ulang melalui formulir di situs ini.'],
  404: ['Halaman tidak ditemukan', 'Alamat yang Anda buka tidak ada. Periksa kembali alamatnya atau cari layanan dari beranda.'],
  405: ['Permintaan tidak didukung', 'Halaman ini tidak dapat dibuka dengan cara tersebut. Buka halaman melalui tautan di situs ini.'],
  408: ['Waktu permintaan habis', 'Permintaan Anda terlalu lama diterima. Silakan coba lagi.'],
  413: ['Isian terlalu besar', 'Isian formulir melebihi batas. Persingkat teks Anda lalu kirim kembali.'],
  415: ['Jenis isian tidak didukung', 'Kirim isian melalui formulir di situs ini.'],
  429: ['Terlalu banyak permintaan', 'Anda mengirim terlalu banyak permintaan dalam waktu singkat. Silakan coba lagi beberapa saat lagi.'],
  431: ['Alamat terlalu panjang', 'Alamat halaman atau data permintaan terlalu panjang. Persingkat pencarian Anda lalu coba lagi.'],
  501: ['Permintaan tidak didukung', 'Halaman ini tidak dapat dibuka dengan cara tersebut. Buka halaman melalui tautan di situs ini.'],
  503: ['Layanan sedang sibuk', 'Server sedang sibuk. Silakan coba lagi beberapa saat lagi.'],
};

export function errorPage(status: number): string {
  const [title, message] = MESSAGES[status] ?? (status >= 500 ? ['Terjadi gangguan', 'Maaf, terjadi gangguan pada server. Silakan coba lagi beberapa saat lagi.'] : MESSAGES[400]);
  return messagePage(title, message);
}

/** First path segments that belong to Strapi, the staff API and panel, or a plugin, never to the site. */
const RESERVED = ['api', 'admin', 'panel', 'uploads', '_health'];
const firstSegment = (path: string) => path.split('/')[1] ?? '';

export function publicErrorPages(strapi: Core.Strapi, sitePaths: string[]) {
  let reserved: Set<string> | undefined;
  const isPublic = (path: string) => {
    // Known only once the routes are mounted: the CMS's plugins answer under their own names.
    if (!reserved) {
      const site = new Set(sitePaths.map(firstSegment));
      const routed = strapi.server.listRoutes().map((r: any) => firstSegment(String(r.path ?? '')));
      reserved = new Set([...RESERVED, ...routed.filter((s) => s && !s.startsWith(':') && !site.has(s))]);
    }
    return !reserved.has(firstSegment(path));
  };
  const replace = (ctx: any, status: number) => {
    ctx.status = status;
    ctx.type = 'html';
    ctx.set('Cache-Control', 'no-cache');
    ctx.body = errorPage(status);
  };

  return async (ctx: any, next: () => Promise<void>) => {
    try {
      await next();
    } catch (err) {
      if (!isPublic(ctx.path)) throw err;
      strapi.log.error(err as Error);
      return replace(ctx, 500);
    }
    if (ctx.status >= 400 && isPublic(ctx.path) && !ctx.response.is('html')) replace(ctx, ctx.status);
  };
}

/**
 * Requests Node's HTTP parser refuses never reach the app (a 20,000-character address is over
 * its 16 KB header limit): answer them with the same page instead of an empty 431/400.
 */
export function handleClientErrors(server: Server): void {
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Socket) => {
    const busy = (socket as any)._httpMessage?.headersSent;
    if (err.code === 'ECONNRESET' || !socket.writable || busy) return socket.destroy();
    const status = err.code === 'HPE_HEADER_OVERFLOW' ? 431 : err.code === 'HPE_CHUNK_EXTENSIONS_OVERFLOW' ? 413 : err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
    const body = errorPage(status);
    socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
  });
}
