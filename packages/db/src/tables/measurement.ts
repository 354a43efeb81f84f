/**
 * Kysely types of the measurement module's tables (migration packages/db/migrations/0002_*.sql).
 * Use the column helpers from ../schema.ts (DefaultTimestamp, NullableJson, …).
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled in as the module's tables are added
export interface MeasurementTables {}
