export * from './open-database.ts';
export * from './migrate.ts';
export * from './data-dir-lock.ts';
export type * from './schema.ts';
