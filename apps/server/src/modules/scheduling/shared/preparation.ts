/**
 * How a patient prepares for a visit, in words for the patient: the one source of these texts for the
 * portal's appointment list, the confirmation page and confirmation messages.
 *
 * Dosing visits: fasting as the protocol's pre-dose checklist asks (its `fasting` item; else the practice
 * default for IV, IM and oral ketamine), an adult escort home, and no driving until the next day after
 * restful sleep (docs/clinical-sources.md#pre-dose-checklist-and-fasting, docs/clinical-sources.md#discharge,
 * the SPRAVATO US label for esketamine: no driving until the next day). Other visits need no preparation.
 */
import type { Protocol } from '@plasticity/clinical/protocols';
import type { AppointmentTypeKey } from '@plasticity/contracts';

/** The practice default when the protocol has no fasting item (docs/clinical-sources.md#pre-dose-checklist-and-fasting). */
const DEFAULT_FASTING = 'no food for 4–6 h, clear fluids until 2 h before dosing';

/** The fasting rule in a few words ("no food for 4–6 h, clear fluids until 2 h before dosing"). */
export function fastingRule(protocol: Pick<Protocol, 'checklist'> | null): string {
  const item = protocol?.checklist.find((i) => i.key === 'fasting');
  if (!item) return DEFAULT_FASTING;
  // Checklist labels read "Fasting confirmed: <rule>"; the patient needs the rule only.
  const rule = item.label.replace(/^fasting( confirmed)?\s*[:—–-]\s*/i, '').trim();
  return rule.length > 0 ? rule.charAt(0).toLowerCase() + rule.slice(1) : DEFAULT_FASTING;
}

/** Sentences the patient reads before the visit; empty for visits that need no preparation. */
export function preparationInstructions(
  type: AppointmentTypeKey,
  protocol: Pick<Protocol, 'checklist'> | null,
): string[] {
  if (type !== 'dosing') return [];
  const rule = fastingRule(protocol);
  return [
    `Fasting: ${rule}.`,
    'Bring an adult escort who will take you home after the visit; you cannot leave alone.',
    'Do not drive, cycle or operate machinery until the next day, after a night of restful sleep.',
    'Plan to stay for the whole visit, including monitoring and recovery time afterwards.',
  ];
}
