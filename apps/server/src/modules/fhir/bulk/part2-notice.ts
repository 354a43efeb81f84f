/**
 * The notice of 42 CFR 2.32 for a Bulk Data manifest whose files hold Part 2 records: the § 2.32(a)(1) statement
 * and, for each consent the files were released under, its Consent reference and explanation (§ 2.32(b)). The
 * Bulk Data Access IG 2.0.0 reserves the manifest's `extension` object for such server information.
 */
import { PART2_NOTICE } from '@plasticity/clinical/part2';
import type { FhirBulkManifest } from '@plasticity/contracts';
import type { DB } from '@plasticity/db';
import type { Kysely } from 'kysely';
import { part2ConsentFhirId } from '../part2.ts';
import { consentById, explainConsent } from '../part2-consents/consent-rows.ts';
import type { ExportJob } from './export-jobs.ts';

export async function part2Notice(
  db: Kysely<DB>,
  job: ExportJob,
  now: Date,
): Promise<FhirBulkManifest['extension'] | undefined> {
  const ids = [...new Set(job.output.flatMap((f) => (f.part2 ?? []).map((r) => r.consentId)))].sort();
  if (ids.length === 0) return undefined;
  const consents = [];
  for (const id of ids) {
    const c = await consentById(db, job.clinic_id, id, now);
    if (c) consents.push({ consent: `Consent/${part2ConsentFhirId(id)}`, explanation: explainConsent(c) });
  }
  return { part2DisclosureNotice: { notice: PART2_NOTICE, consents } };
}
