/**
 * Labels and one-line summaries for in-chair observations, and the due state ticking on with
 * the browser clock between reloads (the same `observationsDue` the server uses, on the session's data).
 * Scale anchors come from the instrument definitions (MOAA/S: Chernik 1990; CADSS-6: Rodrigues 2021).
 */
import type { AnswerOption } from '@plasticity/clinical/instruments';
import { cadss6, moaas } from '@plasticity/clinical/instruments';
import {
  type ObservationsDue,
  observationsDue,
  type ScheduledObservation,
} from '@plasticity/clinical/monitoring';
import { formatDate, zonedInstant } from '@plasticity/clinical/time-format';
import type { Observation, SessionRecord } from './api.ts';

export const KIND_LABEL: Record<string, string> = {
  moaas: 'MOAA/S',
  cadss6: 'CADSS-6',
  distress: 'Distress',
  adverse_event: 'Adverse event',
};

/** MOAA/S anchors, most alert first (5 … 0). */
export const MOAAS_OPTIONS: readonly AnswerOption[] = [...(moaas.items[0]?.options ?? [])].sort(
  (a, b) => b.value - a.value,
);
export const CADSS_ITEMS = cadss6.items.map((i) => i.label);
export const CADSS_OPTIONS: readonly AnswerOption[] = cadss6.options ?? [];
export const CADSS_MAX = CADSS_ITEMS.length * Math.max(...CADSS_OPTIONS.map((o) => o.value));

export const DISTRESS_TYPES = [
  { value: 'anxiety', label: 'Anxiety' },
  { value: 'agitation', label: 'Agitation' },
  { value: 'emergence_reaction', label: 'Emergence reaction' },
  { value: 'other', label: 'Other' },
] as const;
export const INTERVENTIONS = [
  { value: 'reassurance', label: 'Reassurance' },
  { value: 'music_or_eyeshade', label: 'Music or eyeshade' },
  { value: 'infusion_paused', label: 'Infusion paused' },
] as const;
export const SEVERITIES = [
  { value: 'mild', label: 'Mild' },
  { value: 'moderate', label: 'Moderate' },
  { value: 'severe', label: 'Severe' },
] as const;
export const OUTCOMES = [
  { value: 'resolved', label: 'Resolved' },
  { value: 'resolving', label: 'Resolving' },
  { value: 'ongoing', label: 'Ongoing' },
  { value: 'transferred', label: 'Transferred' },
  { value: 'unknown', label: 'Unknown' },
] as const;

/** The option of `list` whose value is `v` (a form's selection, typed as the contract's value), if any. */
export function oneOf<T extends string>(list: ReadonlyArray<{ value: T }>, v: string): T | undefined {
  return list.find((o) => o.value === v)?.value;
}

const labelOf = (list: ReadonlyArray<{ value: string; label: string }>, v: unknown) =>
  list.find((x) => x.value === v)?.label ?? String(v);

type Intervention = { kind: string; medication?: string; doseMg?: number };

/** One line describing a recorded observation, e.g. "4 — Lethargic response to name spoken in normal tone". */
export function summarize(o: Observation): string {
  const d = o.data;
  switch (o.kind) {
    case 'moaas': {
      const anchor = MOAAS_OPTIONS.find((x) => x.value === d.score)?.label;
      return `${String(d.score)}${anchor ? ` — ${anchor}` : ''}`;
    }
    case 'cadss6': {
      const items = Array.isArray(d.items) ? (d.items as number[]) : [];
      return `total ${String(d.total)} / ${CADSS_MAX} (${items.join(' · ')})`;
    }
    case 'distress': {
      const done = ((d.interventions as Intervention[] | undefined) ?? []).map((i) =>
        i.kind === 'medication'
          ? `${i.medication} ${i.doseMg} mg`
          : labelOf([...INTERVENTIONS], i.kind).toLowerCase(),
      );
      return [
        labelOf(DISTRESS_TYPES, d.type),
        typeof d.description === 'string' && d.description ? d.description : null,
        done.length ? `interventions: ${done.join(', ')}` : 'no intervention',
      ]
        .filter(Boolean)
        .join(' — ');
    }
    case 'adverse_event':
      return [
        labelOf(SEVERITIES, d.severity),
        d.serious ? 'SERIOUS' : 'not serious',
        labelOf(OUTCOMES, d.outcome).toLowerCase(),
      ]
        .join(', ')
        .concat(` — ${String(d.description ?? '')}`);
    default:
      return JSON.stringify(d);
  }
}

/** "MOAA/S", "CADSS-6 at 40 min", "CADSS-6 at end of monitoring". */
function scheduledLabel(i: Pick<ScheduledObservation, 'kind' | 'when' | 'minute'>): string {
  const base = KIND_LABEL[i.kind] ?? i.kind;
  if (i.when === 'at_minute') return `${base} at ${i.minute} min`;
  if (i.when === 'end_of_monitoring') return `${base} at end of monitoring`;
  return base;
}

/** "MOAA/S due 14:15", "CADSS-6 at 40 min overdue since 14:40". */
export function dueText(
  i: Pick<ScheduledObservation, 'kind' | 'when' | 'minute' | 'dueAt' | 'state'>,
  time: (iso: string) => string,
) {
  const at = i.dueAt ? time(i.dueAt) : null;
  if (i.state === 'overdue') return `${scheduledLabel(i)} overdue${at ? ` since ${at}` : ''}`;
  if (i.state === 'due') return `${scheduledLabel(i)} due${at ? ` ${at}` : ''}`;
  return `Next: ${scheduledLabel(i)}${at ? ` at ${at}` : ''}`;
}

/** The session's due state at `now` (browser clock); null when the patient is not in the chair. */
export function liveDue(s: SessionRecord, now: number): ObservationsDue | null {
  if (!s.observationsDue) return null;
  const recovery = s.transitions.filter((t) => t.to === 'recovery').at(-1)?.at ?? null;
  const recorded = s.observations.flatMap((o) => (o.at ? [{ kind: o.kind, at: o.at }] : []));
  return observationsDue(s.protocol.observationSchedule, s.doseStartedAt, recorded, new Date(now), {
    monitoringEndedAt: recovery,
  });
}

/** "HH:MM" on today's date in the clinic's time zone → ISO; blank or unreadable → now. */
export function atFromTime(hhmm: string, timeZone: string, now = new Date()): string {
  return zonedInstant(formatDate(now.toISOString(), timeZone), hhmm, timeZone) ?? now.toISOString();
}
