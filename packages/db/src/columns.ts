/**
 * The column manifest: every table of the migrated schema with each column's type family and whether it
 * may be null (`'text?'` = nullable text). The type checker ties it to the Kysely table types (`DB`): a
 * column added to or removed from a table type without the manifest, a nullability that differs, or a
 * family the column's TypeScript type cannot hold fails `tsc`. The integration test
 * `schema-manifest.int.test.ts` ties it to the database (information_schema after every migration), so
 * the table types and the migrations cannot drift apart.
 */
import { BILLING_COLUMNS } from './columns-billing.ts';
import { CONTROLLED_COLUMNS } from './columns-controlled.ts';
import { EDUCATION_COLUMNS } from './columns-education.ts';
import { ESTIMATES_COLUMNS } from './columns-estimates.ts';
import { FHIR_COLUMNS } from './columns-fhir.ts';
import { FHIR_EXPORT_COLUMNS } from './columns-fhir-export.ts';
import { FOUNDATION_COLUMNS } from './columns-foundation.ts';
import { INTEGRATION_COLUMNS } from './columns-integration.ts';
import { JOURNAL_COLUMNS } from './columns-journal.ts';
import { MEASUREMENT_COLUMNS } from './columns-measurement.ts';
import { NOTES_COLUMNS } from './columns-notes.ts';
import { OUTCOMES_COLUMNS } from './columns-outcomes.ts';
import { PART2_COLUMNS } from './columns-part2.ts';
import { PLANS_COLUMNS } from './columns-plans.ts';
import { SCHEDULING_COLUMNS } from './columns-scheduling.ts';
import { SESSIONS_COLUMNS } from './columns-sessions.ts';
import { SLIDING_SCALE_COLUMNS } from './columns-sliding-scale.ts';
import type { ColumnManifest } from './columns-types.ts';

export type { ColumnFamily, ColumnManifest } from './columns-types.ts';

/** Each part checks its tables' columns; together they must name every table of `DB`. */
// The literal type is the point: `as const satisfies` checks it against the table types while keeping each
// column's exact spec.
// biome-ignore lint/nursery/useExplicitType: see above
export const COLUMN_MANIFEST = {
  ...FOUNDATION_COLUMNS,
  ...MEASUREMENT_COLUMNS,
  ...PLANS_COLUMNS,
  ...CONTROLLED_COLUMNS,
  ...SESSIONS_COLUMNS,
  ...SCHEDULING_COLUMNS,
  ...NOTES_COLUMNS,
  ...EDUCATION_COLUMNS,
  ...INTEGRATION_COLUMNS,
  ...JOURNAL_COLUMNS,
  ...ESTIMATES_COLUMNS,
  ...SLIDING_SCALE_COLUMNS,
  ...OUTCOMES_COLUMNS,
  ...BILLING_COLUMNS,
  ...FHIR_COLUMNS,
  ...FHIR_EXPORT_COLUMNS,
  ...PART2_COLUMNS,
} as const satisfies ColumnManifest;
