import { createHash, randomUUID } from 'crypto';
import { createReadStream, createWriteStream, promises as fs } from 'fs';
import path from 'path';
import type { Readable } from 'stream';
import { pipeline } from 'stream/promises';
import { DeleteObjectCommand, DeleteObjectsCommand, GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { ObjectStore, OpenedObject, StoredObject } from '../files';

/**
 * S3-compatible object storage (AWS S3, MinIO, Ceph RGW, …) for the files every instance of a
 * cluster must see: case files and the files of background jobs (uploads, reports, exports).
 * Everything lives under a private prefix of one bucket, never public-read; downloads are
 * streamed through the server's scoped routes. Unset (no STORAGE_S3_BUCKET), files stay on the
 * local disk under DATA_DIR.
 */
export interface S3Settings {
  bucket: string;
  endpoint?: string;
  region: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  forcePathStyle: boolean;
  prefix: string;
}

export function s3Settings(env: NodeJS.ProcessEnv = process.env): S3Settings | null {
  const bucket = env.STORAGE_S3_BUCKET?.trim();
  if (!bucket) return null;
  const prefix = (env.STORAGE_S3_PREFIX ?? 'private/').trim();
  return {
    bucket,
    endpoint: env.STORAGE_S3_ENDPOINT?.trim() || undefined,
    region: env.STORAGE_S3_REGION?.trim() || 'us-east-1',
    accessKeyId: env.STORAGE_S3_ACCESS_KEY_ID?.trim() || undefined,
    secretAccessKey: env.STORAGE_S3_SECRET_ACCESS_KEY?.trim() || undefined,
    forcePathStyle: env.STORAGE_S3_FORCE_PATH_STYLE === 'true',
    prefix: prefix && !prefix.endsWith('/') ? `${prefix}/` : prefix,
  };
}

let cached: { client: S3Client; settings: S3Settings; signature: string } | null = null;

/** The client for the current settings, or null when object storage is not configured. */
export function s3(): { client: S3Client; settings: S3Settings } | null {
  const settings = s3Settings();
  if (!settings) return null;
  const signature = JSON.stringify(settings);
  if (!cached || cached.signature !== signature) {
    const credentials = settings.accessKeyId && settings.secretAccessKey ? { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey } : undefined;
    // Checksums only where S3 requires them: S3-compatible stores (older MinIO, Ceph RGW, s3rver)
    // don't all take the SDK's newer chunked uploads with trailing checksums.
    const client = new S3Client({
      region: settings.region,
      endpoint: settings.endpoint,
      forcePathStyle: settings.forcePathStyle,
      credentials,
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
    cached = { client, settings, signature };
  }
  return cached;
}

const missing = (e: any) => e?.name === 'NoSuchKey' || e?.name === 'NotFound' || e?.$metadata?.httpStatusCode === 404;

async function getObject(key: string): Promise<OpenedObject | null> {
  const { client, settings } = s3()!;
  try {
    const r = await client.send(new GetObjectCommand({ Bucket: settings.bucket, Key: key }));
    return { stream: r.Body as Readable, size: Number(r.ContentLength ?? 0) };
  } catch (e) {
    if (missing(e)) return null;
    throw e;
  }
}

/** Case files in the bucket, under <prefix>case-files/; keys as the local store's (<2 hex>/<uuid>). */
export class S3CaseFileStore implements ObjectStore {
  private static KEY = /^[0-9a-f]{2}\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

  private objectKey(key: string) {
    return `${s3()!.settings.prefix}case-files/${key}`;
  }

  async put(source: Readable): Promise<StoredObject> {
    const id = randomUUID();
    const key = `${id.slice(0, 2)}/${id}`;
    // Case files are small (CASE_UPLOAD_MAX_MB): hashed and sent in one request.
    const hash = createHash('sha256');
    const chunks: Buffer[] = [];
    for await (const chunk of source) {
      hash.update(chunk);
      chunks.push(Buffer.from(chunk));
    }
    const body = Buffer.concat(chunks);
    const { client, settings } = s3()!;
    await client.send(new PutObjectCommand({ Bucket: settings.bucket, Key: this.objectKey(key), Body: body, ContentLength: body.length }));
    return { key, size: body.length, sha256: hash.digest('hex') };
  }

  async open(key: string): Promise<OpenedObject | null> {
    return S3CaseFileStore.KEY.test(key) ? getObject(this.objectKey(key)) : null;
  }

  async remove(key: string): Promise<void> {
    if (!S3CaseFileStore.KEY.test(key)) return;
    const { client, settings } = s3()!;
    await client.send(new DeleteObjectCommand({ Bucket: settings.bucket, Key: this.objectKey(key) }));
  }
}

/**
 * Files of background jobs in the bucket, under <prefix>jobs/<job>/<name>. The job's folder on
 * the instance that runs it stays its working copy; the bucket is what every instance reads.
 * All no-ops without object storage.
 */
export const jobObjects = {
  enabled: (): boolean => s3() !== null,
  key: (job: string, name: string) => `${s3()!.settings.prefix}jobs/${job}/${name}`,

  async save(job: string, name: string, file: string): Promise<void> {
    if (!s3()) return;
    const { client, settings } = s3()!;
    const { size } = await fs.stat(file);
    await client.send(new PutObjectCommand({ Bucket: settings.bucket, Key: jobObjects.key(job, name), Body: createReadStream(file), ContentLength: size }));
  },

  /** Makes sure `file` is on this instance's disk (fetching it from the bucket); false when it is nowhere. */
  async ensureLocal(job: string, name: string, file: string): Promise<boolean> {
    if (
      await fs.stat(file).then(
        () => true,
        () => false,
      )
    )
      return true;
    if (!s3()) return false;
    const found = await getObject(jobObjects.key(job, name));
    if (!found) return false;
    await fs.mkdir(path.dirname(file), { recursive: true });
    const temp = `${file}.${randomUUID()}.part`;
    await pipeline(found.stream, createWriteStream(temp, { mode: 0o600 }));
    await fs.rename(temp, file);
    return true;
  },

  /** The file, streamed from this instance's disk when it is here, else from the bucket. */
  async open(job: string, name: string, file: string): Promise<Readable | null> {
    if (
      await fs.stat(file).then(
        () => true,
        () => false,
      )
    )
      return createReadStream(file);
    if (!s3()) return null;
    return (await getObject(jobObjects.key(job, name)))?.stream ?? null;
  },

  async remove(job: string, name: string): Promise<void> {
    if (!s3()) return;
    const { client, settings } = s3()!;
    await client.send(new DeleteObjectCommand({ Bucket: settings.bucket, Key: jobObjects.key(job, name) }));
  },

  /** Deletes every object of a job; returns how many there were. */
  async removeAll(job: string): Promise<number> {
    if (!s3()) return 0;
    const { client, settings } = s3()!;
    const listed = await client.send(new ListObjectsV2Command({ Bucket: settings.bucket, Prefix: `${settings.prefix}jobs/${job}/` }));
    const keys = (listed.Contents ?? []).map((o) => ({ Key: o.Key! }));
    if (keys.length) await client.send(new DeleteObjectsCommand({ Bucket: settings.bucket, Delete: { Objects: keys } }));
    return keys.length;
  },
};
