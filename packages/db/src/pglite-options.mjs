// How every embedded database (PGlite) is opened, `createPGlite`: on a server's data directory (in a worker thread, see
// pglite-thread/), in memory for tests, and once more when a backup is restored. Plain JavaScript (types in
// pglite-options.d.mts): the worker thread loads it as it is.
//
// Extensions: the migrations create them (`create extension`), so every PGlite instance that opens a Plasticity
// data directory must have their code.
// - btree_gist: uuid equality inside GiST exclusion constraints (no double-booked chair or clinician).
// - pg_trgm: trigram indexes behind patient search by name, MRN or phone fragment.
//
// Type parsers: the same JavaScript types as the server driver returns (type-parsers.mjs).
//
// `shared_buffers`: PostgreSQL's buffer cache. initdb writes PostgreSQL's default, 128 MB, into the data
// directory's postgresql.conf, and PostgreSQL sets up the whole pool when it starts. In WebAssembly that set-up
// took about 0.4 s of PGlite's 1.0 s start on an existing data directory (CPU profiles of `PGlite.create`; 32 MB:
// 0.84–0.88 s against 1.17–1.25 s for 128 MB), and every page of the pool stays resident in the process. The
// embedded database serves one small clinic, whose hot pages fit in 32 MB; the operating system's file cache sits
// under it as under any PostgreSQL. A setting given at start overrides the file's (PostgreSQL documentation,
// 20.1.4 "Parameter Interaction via the Shell"). `PLASTICITY_EMBEDDED_SHARED_BUFFERS_MB` sets it for the server.
//
// PGlite and its extensions are imported when a database is opened, not when this module is: the server's main
// thread loads this module but opens its database on a worker thread.
import { DATE_OID, INT8_OID, NUMERIC_OID, parseDate, parseInt8, parseNumeric } from './type-parsers.mjs';

export const DEFAULT_EMBEDDED_SHARED_BUFFERS_MB = 32;

export async function createPGlite(place, sharedBuffersMb = DEFAULT_EMBEDDED_SHARED_BUFFERS_MB) {
  if (!Number.isInteger(sharedBuffersMb) || sharedBuffersMb < 1)
    throw new RangeError(
      `shared buffers must be a whole number of megabytes, at least 1; got ${sharedBuffersMb}`,
    );
  const [{ PGlite }, { btree_gist }, { pg_trgm }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('@electric-sql/pglite/contrib/btree_gist'),
    import('@electric-sql/pglite/contrib/pg_trgm'),
  ]);
  return PGlite.create({
    ...place,
    extensions: { btree_gist, pg_trgm },
    parsers: { [INT8_OID]: parseInt8, [DATE_OID]: parseDate, [NUMERIC_OID]: parseNumeric },
    startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${sharedBuffersMb}MB`],
  });
}
