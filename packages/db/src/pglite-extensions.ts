/**
 * PostgreSQL extensions the embedded database loads: migrations create them (`create extension`), so every
 * PGlite instance that opens a Plasticity data directory must have their code.
 * - btree_gist: uuid equality inside GiST exclusion constraints (no double-booked chair or clinician).
 * - pg_trgm: trigram indexes behind patient search by name, MRN or phone fragment.
 */
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';

export const PGLITE_EXTENSIONS: { btree_gist: typeof btree_gist; pg_trgm: typeof pg_trgm } = {
  btree_gist,
  pg_trgm,
};
