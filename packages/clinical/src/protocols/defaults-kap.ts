/**
 * Default ketamine-assisted psychotherapy (KAP) protocols with flat mg ranges: sublingual lozenges and oral.
 *
 * Sources: KAP practice (sublingual lozenges 100–400 mg; oral 25–300 mg; ~20–25 % bioavailable; Andrade,
 * J Clin Psychiatry 2019 on oral ketamine); ASKP3 basics (off-label consent, monitored vitals). Starting at the
 * low end of the range, not allowing overrides above the range (absoluteMaxMg = maxMg: the mg cap), the
 * 120-minute observation minimum and the course length are UNVERIFIED Plasticity defaults.
 */
import { defaultIntegrationWindow } from '../integration/window.ts';
import {
  defaultChecklist,
  defaultDischarge,
  defaultInstruments,
  defaultRounding,
  defaultVitalsPlan,
} from './default-building-blocks.ts';
import { SOURCES } from './sources.ts';
import type { Protocol, SessionPlan } from './types.ts';

/** Minimum observation after a sublingual or oral dose (product default; slower absorption than IV/IM). */
export const KAP_OBSERVATION_MIN = 120;

const KAP_SESSIONS: SessionPlan = {
  count: 6,
  phases: [
    { fromWeek: 1, perWeekMin: 1, perWeekMax: 1, note: 'integration session 24–72 h after each dose' },
  ],
  source: SOURCES.sessionsUnverified,
};

/** Sublingual ketamine lozenges, 100–400 mg. */
export function defaultSublingualKetamineProtocol(): Protocol {
  return {
    id: 'default-sublingual-ketamine-kap',
    version: 1,
    name: 'Sublingual ketamine-assisted psychotherapy (lozenges)',
    status: 'active',
    route: 'sublingual',
    drug: 'ketamine',
    indications: ['depression', 'anxiety', 'ptsd'],
    dose: {
      kind: 'flat_range',
      minMg: 100,
      defaultMg: 100,
      maxMg: 400,
      absoluteMaxMg: 400,
      source: `${SOURCES.kapSublingual}; start at the low end and no override above the range: UNVERIFIED`,
    },
    rounding: defaultRounding(),
    minAgeYears: { value: 18, source: SOURCES.adultsOnly },
    requiredConsents: ['off_label_ketamine', 'kap', 'financial'],
    requiredInstruments: defaultInstruments(),
    checklist: defaultChecklist(),
    vitals: defaultVitalsPlan(),
    discharge: defaultDischarge({ minMinutesAfterAdministrationEnd: KAP_OBSERVATION_MIN }),
    sessions: { ...KAP_SESSIONS, phases: KAP_SESSIONS.phases.map((p) => ({ ...p })) },
    integration: defaultIntegrationWindow(),
    source: `${SOURCES.kapSublingual}; ${SOURCES.askp3}`,
  };
}

/** Oral ketamine, 25–300 mg. */
export function defaultOralKetamineProtocol(): Protocol {
  return {
    id: 'default-oral-ketamine-kap',
    version: 1,
    name: 'Oral ketamine-assisted psychotherapy',
    status: 'active',
    route: 'oral',
    drug: 'ketamine',
    indications: ['depression', 'anxiety', 'ptsd'],
    dose: {
      kind: 'flat_range',
      minMg: 25,
      defaultMg: 25,
      maxMg: 300,
      absoluteMaxMg: 300,
      source: `${SOURCES.kapOral}; start at the low end and no override above the range: UNVERIFIED`,
    },
    rounding: defaultRounding(),
    minAgeYears: { value: 18, source: SOURCES.adultsOnly },
    requiredConsents: ['off_label_ketamine', 'kap', 'financial'],
    requiredInstruments: defaultInstruments(),
    checklist: defaultChecklist(),
    vitals: defaultVitalsPlan(),
    discharge: defaultDischarge({ minMinutesAfterAdministrationEnd: KAP_OBSERVATION_MIN }),
    sessions: { ...KAP_SESSIONS, phases: KAP_SESSIONS.phases.map((p) => ({ ...p })) },
    integration: defaultIntegrationWindow(),
    source: `${SOURCES.kapOral}; ${SOURCES.askp3}`,
  };
}
