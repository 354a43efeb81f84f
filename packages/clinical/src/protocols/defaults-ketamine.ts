/**
 * Default weight-based racemic ketamine protocols: IV for treatment-resistant depression, and IM.
 *
 * Sources: Psychiatric Times "Learning to use psychedelic agents" (IV 0.5 mg/kg over 40 min, 2–3/week,
 * 6 infusions); Andrade 2017 (0.1–0.75 mg/kg studied); ASKP3 basics (0.5–1 mg/kg over 40–60 min, off-label
 * consent); NCT05468047 (IM 0.5–0.75 mg/kg, max 60 mg). The IV 2.0 mg/kg and IM 1.0 mg/kg absolute ceilings
 * and the IM course length are UNVERIFIED Plasticity defaults (see each `source`).
 */
import {
  defaultChecklist,
  defaultDischarge,
  defaultInstruments,
  defaultRounding,
  defaultVitalsPlan,
} from './defaults-shared.ts';
import { SOURCES } from './sources.ts';
import type { Protocol } from './types.ts';

const PLAUSIBLE_WEIGHT_KG = { min: 30, max: 300 };

/** IV racemic ketamine for TRD: 0.5 mg/kg over 40 min, protocol max 1.0, absolute ceiling 2.0 mg/kg. */
export function defaultIvKetamineProtocol(): Protocol {
  return {
    id: 'default-iv-ketamine-trd',
    version: 1,
    name: 'IV racemic ketamine for treatment-resistant depression',
    status: 'active',
    route: 'iv',
    drug: 'ketamine',
    indications: ['trd'],
    dose: {
      kind: 'weight_based',
      defaultMgPerKg: 0.5,
      minMgPerKg: 0.1,
      protocolMaxMgPerKg: 1.0,
      absoluteCeilingMgPerKg: 2.0,
      plausibleWeightKg: { ...PLAUSIBLE_WEIGHT_KG },
      source:
        `default: ${SOURCES.ivTrd}; min: ${SOURCES.ivStudiedRange}; max: ${SOURCES.askp3}; ` +
        `ceiling: ${SOURCES.ivCeiling}; weight bounds: ${SOURCES.plausibility}`,
    },
    rounding: defaultRounding(),
    durationMin: 40,
    minAgeYears: { value: 18, source: SOURCES.adultsOnly },
    requiredConsents: ['off_label_ketamine', 'financial'],
    requiredInstruments: defaultInstruments(),
    checklist: defaultChecklist(),
    vitals: defaultVitalsPlan(),
    discharge: defaultDischarge(),
    sessions: {
      count: 6,
      phases: [{ fromWeek: 1, perWeekMin: 2, perWeekMax: 3, note: '6 infusions, 2–3 a week' }],
      source: SOURCES.ivTrd,
    },
    source: `${SOURCES.ivTrd}; ${SOURCES.askp3}; ${SOURCES.apaConsensus}`,
  };
}

/** IM racemic ketamine: 0.5 mg/kg default, protocol max 0.75 mg/kg, ceiling 1.0 mg/kg, never above 60 mg. */
export function defaultImKetamineProtocol(): Protocol {
  return {
    id: 'default-im-ketamine',
    version: 1,
    name: 'IM racemic ketamine for depression',
    status: 'active',
    route: 'im',
    drug: 'ketamine',
    indications: ['trd', 'depression'],
    dose: {
      kind: 'weight_based',
      defaultMgPerKg: 0.5,
      minMgPerKg: 0.5,
      protocolMaxMgPerKg: 0.75,
      absoluteCeilingMgPerKg: 1.0,
      absoluteMaxMg: 60,
      plausibleWeightKg: { ...PLAUSIBLE_WEIGHT_KG },
      source:
        `default, min, max, 60 mg cap: ${SOURCES.imTrial}; ceiling: ${SOURCES.imPractice}; ` +
        `weight bounds: ${SOURCES.plausibility}`,
    },
    rounding: defaultRounding(),
    minAgeYears: { value: 18, source: SOURCES.adultsOnly },
    requiredConsents: ['off_label_ketamine', 'financial'],
    requiredInstruments: defaultInstruments(),
    checklist: defaultChecklist(),
    vitals: defaultVitalsPlan(),
    discharge: defaultDischarge(),
    sessions: {
      count: 6,
      phases: [{ fromWeek: 1, perWeekMin: 1, perWeekMax: 2 }],
      source: SOURCES.sessionsUnverified,
    },
    source: `${SOURCES.imTrial}; ${SOURCES.askp3}; ${SOURCES.apaConsensus}`,
  };
}
