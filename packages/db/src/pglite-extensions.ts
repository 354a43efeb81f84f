/**
 * PostgreSQL extensions the embedded database loads: migrations create them (`create extension`), so every
 * PGlite instance that opens a Plasticity data directory must have their code.
 * - btree_gist: uuid equality inside GiST exclusion constraints (no double-booked chair or clinician).
 */
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';

export const PGLITE_EXTENSIONS: { btree_gist: typeof btree_gist } = { btree_gist };
