/**
 * What leaves the FHIR interface, built one way for reads, searches, `_include` and Bulk Data export: the rows a
 * source found (already filtered by `part2Releasable`) mapped by the source's own mapper, and — for a system
 * client — each record of a Part 2 patient labelled with its security labels and the notice of 42 CFR 2.32 with
 * its consent's explanation (part2.ts), and counted for the accounting of disclosures (42 CFR 2.25).
 */
import type { FhirResource } from '@plasticity/contracts';
import type { DB } from '@plasticity/db';
import type { Kysely } from 'kysely';
import { labelPart2, type Part2Recipient, type Part2Release, part2Grants, part2Releases } from './part2.ts';
import { consentById, explainConsent } from './part2-consents/consent-rows.ts';
import type { ResourceSource, SourceRow } from './resource-source.ts';

/** The id of the patient a row is about (null for a type about no patient). */
export function rowPatient<Row extends SourceRow>(source: ResourceSource<Row>, row: Row): string | null {
  if (source.patientColumn === null) return null;
  const value: unknown = (row as Record<string, unknown>)[source.patientColumn];
  return typeof value === 'string' ? value : null;
}

export interface Released {
  resources: FhirResource[];
  /** Part 2 records released to a system client, per patient and consent. */
  releases: Part2Release[];
}

export async function release<Row extends SourceRow>(
  db: Kysely<DB>,
  source: ResourceSource<Row>,
  to: Part2Recipient,
  rows: readonly Row[],
  now: Date,
): Promise<Released> {
  const patients = rows.map((r) => rowPatient(source, r));
  const ids = patients.filter((p): p is string => p !== null);
  const grants = await part2Grants(db, to, source.type, ids, now, async (consentId) => {
    const consent = await consentById(db, to.clinicId, consentId, now);
    if (!consent) throw new Error('a consent found by the release rule is not in the clinic');
    return explainConsent(consent);
  });
  const resources = rows.map((r, i) => {
    const resource = source.toResource(r);
    const patient = patients[i];
    const grant = patient ? grants.get(patient) : undefined;
    return grant ? labelPart2(resource, grant) : resource;
  });
  return { resources, releases: part2Releases(source.type, ids, grants) };
}
