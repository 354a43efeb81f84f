import type { ParserOptions } from '@electric-sql/pglite';
import type { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import type { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';

/** The embedded database's buffer cache unless the server is told otherwise. */
export declare const DEFAULT_EMBEDDED_SHARED_BUFFERS_MB = 32;

/** PGlite's options for a Plasticity database; throws a RangeError unless the size is a whole number ≥ 1 (MB). */
export declare function pgliteOptions(sharedBuffersMb?: number): {
  extensions: { btree_gist: typeof btree_gist; pg_trgm: typeof pg_trgm };
  parsers: ParserOptions;
  startParams: string[];
};
