/**
 * Default weight-based racemic ketamine protocols: IV for treatment-resistant depression, and IM.
 *
 * Sources: Psychiatric Times "Learning to use psychedelic agents" (IV 0.5 mg/kg over 40 min, 2–3/week,
 * 6 infusions); Andrade 2017 (0.1–0.75 mg/kg studied: the IV protocol maximum); Fava et al., Mol Psychiatry
 * 2020 (1.0 mg/kg, the highest IV dose studied for depression: the IV ceiling; the Ketalar label's IV induction
 * dose is 1–4.5 mg/kg, so the ceiling is not a margin below anaesthesia); ASKP3 basics (off-label consent);
 * NCT05468047 (IM 0.5–0.75 mg/kg, max 60 mg); Devine 1974, Traynor 1995 and Sanacora et al. 2017 (dosing
 * weight at BMI ≥ 30). The IV 100 mg cap, the IM 1.0 mg/kg ceiling, the observation minimums and the IM
 * course length are product defaults (see each `source`).
 */
import { defaultIntegrationWindow } from '../integration/window.ts';
import {
  defaultChecklist,
  defaultDischarge,
  defaultDosingWeight,
  defaultInstruments,
  defaultRounding,
  defaultVitalsPlan,
} from './default-building-blocks.ts';
import { SOURCES } from './sources.ts';
import type { Protocol } from './types.ts';

const PLAUSIBLE_WEIGHT_KG = { min: 30, max: 300 };

/** Minimum observation after the end of an IV infusion or an IM injection (product default). */
export const KETAMINE_IV_IM_OBSERVATION_MIN = 60;

/** IV racemic ketamine for TRD: 0.5 mg/kg over 40 min, protocol max 0.75, ceiling 1.0 mg/kg, cap 100 mg. */
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
      protocolMaxMgPerKg: 0.75,
      absoluteCeilingMgPerKg: 1.0,
      absoluteMaxMg: 100,
      dosingWeight: defaultDosingWeight(),
      plausibleWeightKg: { ...PLAUSIBLE_WEIGHT_KG },
      source:
        `default: ${SOURCES.ivTrd}; min: ${SOURCES.ivStudiedRange}; max: ${SOURCES.ivProtocolMax}; ` +
        `ceiling: ${SOURCES.ivCeiling}; mg cap: ${SOURCES.ivMgCap}; weight bounds: ${SOURCES.plausibility}`,
    },
    rounding: defaultRounding(),
    durationMin: 40,
    minAgeYears: { value: 18, source: SOURCES.adultsOnly },
    requiredConsents: ['off_label_ketamine', 'financial'],
    requiredInstruments: defaultInstruments(),
    checklist: defaultChecklist(),
    vitals: defaultVitalsPlan(),
    discharge: defaultDischarge({ minMinutesAfterAdministrationEnd: KETAMINE_IV_IM_OBSERVATION_MIN }),
    sessions: {
      count: 6,
      phases: [{ fromWeek: 1, perWeekMin: 2, perWeekMax: 3, note: '6 infusions, 2–3 a week' }],
      source: SOURCES.ivTrd,
    },
    integration: defaultIntegrationWindow(),
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
      dosingWeight: defaultDosingWeight(),
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
    discharge: defaultDischarge({ minMinutesAfterAdministrationEnd: KETAMINE_IV_IM_OBSERVATION_MIN }),
    sessions: {
      count: 6,
      phases: [{ fromWeek: 1, perWeekMin: 1, perWeekMax: 2 }],
      source: SOURCES.sessionsUnverified,
    },
    integration: defaultIntegrationWindow(),
    source: `${SOURCES.imTrial}; ${SOURCES.askp3}; ${SOURCES.apaConsensus}`,
  };
}
