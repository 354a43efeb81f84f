import type { PGlite } from '@electric-sql/pglite';

/** The embedded database's buffer cache unless the server is told otherwise. */
export declare const DEFAULT_EMBEDDED_SHARED_BUFFERS_MB = 32;

/**
 * Opens PGlite on a data directory (`dataDir`), from a data directory's tar (`loadDataDir`), or empty in memory,
 * with Plasticity's extensions, type parsers and buffer cache. Rejects with a RangeError unless `sharedBuffersMb` is
 * a whole number ≥ 1.
 */
export declare function createPGlite(
  place: { dataDir?: string; loadDataDir?: Blob },
  sharedBuffersMb?: number,
): Promise<PGlite>;
