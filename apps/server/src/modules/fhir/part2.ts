/**
 * 42 CFR Part 2 on the FHIR interface: a caller who may not receive Part 2 records (access.ts:
 * `releasesPart2Records`) gets none of a patient with a treatment plan — draft, active or ended; not one entered
 * in error — whose indications include a substance use disorder (`@plasticity/clinical/part2`). The condition
 * is put on every search and read of every type whose rows are about a patient (`ResourceSource.patientColumn`),
 * so such a patient's records are absent from searches and a read answers 404, as for an id that does not exist.
 * Sources: docs/clinical-sources.md#42-cfr-part-2-and-the-fhir-interface.
 */
import { PART2_INDICATIONS } from '@plasticity/clinical/part2';
import { type RawBuilder, sql } from 'kysely';
import type { FhirCaller } from './access.ts';
import type { ResourceSource, SourceRow } from './resource-source.ts';

const part2Indications = sql.join(PART2_INDICATIONS.map((i) => sql`${i}`));

/** The condition (on the relation `r`) that keeps out what the caller may not receive under Part 2. */
export function part2Releasable<Row extends SourceRow>(
  source: ResourceSource<Row>,
  caller: FhirCaller,
): RawBuilder<unknown> {
  if (caller.releasesPart2Records || source.patientColumn === null) return sql`true`;
  return sql`not exists (
    select 1 from plan_treatment_plans t
     where t.clinic_id = ${caller.clinicId}
       and t.patient_id = ${sql.ref(`r.${source.patientColumn}`)}::uuid
       and t.entered_in_error_at is null
       and exists (select 1 from jsonb_array_elements_text(t.indications) as i(v) where i.v in (${part2Indications})))`;
}
