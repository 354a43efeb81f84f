/**
 * Kysely types of the sessions module's tables (migration packages/db/migrations/0005_*.sql).
 * Use the column helpers from ../schema.ts (DefaultTimestamp, NullableJson, …).
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled in as the module's tables are added
export interface SessionsTables {}
