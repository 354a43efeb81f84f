/**
 * What the patient typed at intake lands on the chart's lists as patient-reported, not reconciled: one entry
 * per medicine and per allergy row, coded from the offline table when recognised. A row that repeats an active
 * entry (same code, or same name when uncoded) is not added twice. Runs in the intake's transaction; the intake
 * writes the audit entry (with the counts this returns).
 */
import { drugOf } from '@plasticity/clinical/medications';
import type { Executor } from './entry-row.ts';

export interface ReportedRows {
  medications: Array<{ name: string; rxcui?: string; dose?: string; frequency?: string }>;
  allergies: Array<{ name: string; rxcui?: string; reaction?: string }>;
}

const same = (a: { name: string; rxcui: string | null }, b: { name: string; rxcui: string | null }) =>
  a.rxcui && b.rxcui ? a.rxcui === b.rxcui : a.name.trim().toLowerCase() === b.name.trim().toLowerCase();

export async function recordReportedEntries(
  trx: Executor,
  who: { clinicId: string; patientId: string; userId: string; role: string; intakeId: string; now: Date },
  rows: ReportedRows,
): Promise<{ medications: number; allergies: number }> {
  const existing = await trx
    .selectFrom('medication_list_entries')
    .select(['kind', 'name', 'rxcui'])
    .where('clinic_id', '=', who.clinicId)
    .where('patient_id', '=', who.patientId)
    .where('stopped_at', 'is', null)
    .where('entered_in_error_at', 'is', null)
    .execute();
  const added = { medications: 0, allergies: 0 };
  const items = [
    ...rows.medications.map((r) => ({ kind: 'medication' as const, reaction: undefined, ...r })),
    ...rows.allergies.map((r) => ({ kind: 'allergy' as const, dose: undefined, frequency: undefined, ...r })),
  ];
  for (const r of items) {
    const known = drugOf({ name: r.name, rxcui: r.rxcui });
    const rxcui = r.rxcui && known?.rxcui === r.rxcui ? r.rxcui : (drugOf({ name: r.name })?.rxcui ?? null);
    const candidate = { name: r.name, rxcui };
    if (existing.some((e) => e.kind === r.kind && same(e, candidate))) continue;
    existing.push({ kind: r.kind, ...candidate });
    await trx
      .insertInto('medication_list_entries')
      .values({
        clinic_id: who.clinicId,
        patient_id: who.patientId,
        kind: r.kind,
        name: r.name,
        rxcui,
        dose: r.dose ?? null,
        frequency: r.frequency ?? null,
        reaction: r.reaction ?? null,
        source: who.role === 'patient' ? 'patient' : 'staff',
        reported_via: 'intake',
        intake_id: who.intakeId,
        reported_by: who.userId,
        reported_role: who.role,
        created_at: who.now,
      })
      .execute();
    added[r.kind === 'medication' ? 'medications' : 'allergies'] += 1;
  }
  return added;
}
