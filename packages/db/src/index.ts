export * from './data-dir-lock.ts';
export * from './embedded-restore.ts';
export * from './json.ts';
export * from './migrate.ts';
export * from './open-database.ts';
export * from './pg-listener.ts';
export { DEFAULT_EMBEDDED_SHARED_BUFFERS_MB } from './pglite-options.mjs';
export type * from './schema.ts';
