/**
 * Kysely types of the plans module's tables (migration packages/db/migrations/0003_*.sql).
 * Use the column helpers from ../schema.ts (DefaultTimestamp, NullableJson, …).
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled in as the module's tables are added
export interface PlansTables {}
