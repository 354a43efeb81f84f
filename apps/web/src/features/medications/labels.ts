/** Words the lists show for what the API sends as codes. */
import { DRUG_CLASS_LABELS, type DrugClass } from '@plasticity/clinical/medications';
import type { MedicationEntry } from '@plasticity/contracts';

export const classLabel = (c: string) => DRUG_CLASS_LABELS[c as DrugClass] ?? 'Other';

export function reportedLabel(e: MedicationEntry): string {
  const who = e.source === 'patient' ? 'Patient-reported' : 'Added by staff';
  return e.reportedVia === 'intake' ? `${who} (intake)` : who;
}

export function statusLabel(e: MedicationEntry): string {
  if (e.status === 'entered_in_error') return 'Entered in error';
  if (e.status === 'stopped') return e.kind === 'medication' ? 'Stopped' : 'No longer applies';
  return e.reconciledAt ? 'Active, reconciled' : 'Active, not reconciled';
}
