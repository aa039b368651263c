import type { Readable } from 'stream';

/** What a store knows of an object it wrote. */
export interface StoredObject {
  /** Chosen by the store, never derived from user input. */
  key: string;
  size: number;
  /** Hex SHA-256 of the bytes, computed while they were written. */
  sha256: string;
}

export interface OpenedObject {
  stream: Readable;
  size: number;
}

/**
 * Where case files are kept: put/open/remove by key. The local disk is the only backend today
 * (local-disk.ts); an S3-compatible one can be added behind the same interface.
 */
export interface ObjectStore {
  put(source: Readable): Promise<StoredObject>;
  /** null when no object has this key (never written, or removed). */
  open(key: string): Promise<OpenedObject | null>;
  /** Idempotent: removing a missing object is not an error. */
  remove(key: string): Promise<void>;
}
