/**
 * Default intranasal esketamine (SPRAVATO) protocol per the US label, for treatment-resistant depression.
 *
 * Sources: SPRAVATO US prescribing information (dosing schedule and doses 56/84 mg, 28 mg devices 5 min apart,
 * fasting food ≥ 2 h and liquids ≥ 30 min, ≥ 2 h monitoring with pulse oximetry, BP before and ~40 min after
 * dosing, > 140/> 90 a prescriber decision, contraindications) and SPRAVATO REMS 386 (12/2024: enrolment before
 * first dose, certified setting, sedation, dissociation and respiratory depression resolved before leaving).
 * The 28 mg dose of the EU SmPC is a clinic option, off by default.
 * The MDD-with-suicidal-ideation schedule (84 mg twice weekly for 4 weeks) is a separate clinic protocol.
 */
import { defaultIntegrationWindow } from '../integration/window.ts';
import {
  defaultChecklist,
  defaultDischarge,
  defaultInstruments,
  defaultRounding,
  defaultVitalsPlan,
} from './default-building-blocks.ts';
import { ESKETAMINE_LABEL } from './regulatory.ts';
import { SOURCES } from './sources.ts';
import type { Protocol } from './types.ts';

/** Intranasal esketamine for TRD, US label schedule: 56 mg day 1, then 56/84 mg. */
export function defaultIntranasalEsketamineProtocol(): Protocol {
  return {
    id: 'default-intranasal-esketamine-trd',
    version: 1,
    name: 'Intranasal esketamine (SPRAVATO) for treatment-resistant depression',
    status: 'active',
    route: 'intranasal',
    drug: 'esketamine',
    indications: ['trd'],
    dose: {
      kind: 'fixed',
      allowedMg: [...ESKETAMINE_LABEL.usLabelDosesMg],
      defaultMg: 56,
      mgPerDevice: ESKETAMINE_LABEL.mgPerDevice,
      minutesBetweenDevices: ESKETAMINE_LABEL.minutesBetweenDevices,
      absoluteMaxMg: ESKETAMINE_LABEL.maxDoseMg,
      nonUsLabelDosesAllowed: false,
      source: `${SOURCES.spravatoDosing}; ${SOURCES.spravatoUsDoses}; 28 mg: ${SOURCES.spravatoOlder}`,
    },
    rounding: defaultRounding(),
    minAgeYears: { value: 18, source: SOURCES.adultsOnly },
    requiredConsents: ['esketamine_rems', 'financial'],
    requiredInstruments: defaultInstruments(),
    checklist: defaultChecklist({ esketamine: true }),
    vitals: defaultVitalsPlan({ esketamine: true }),
    discharge: defaultDischarge({ esketamine: true }),
    sessions: {
      phases: [
        {
          fromWeek: 1,
          toWeek: 4,
          perWeekMin: 2,
          perWeekMax: 2,
          firstDoseMg: 56,
          allowedDosesMg: [56, 84],
          note: '56 mg on day 1, then 56 or 84 mg twice weekly',
        },
        { fromWeek: 5, toWeek: 8, perWeekMin: 1, perWeekMax: 1, allowedDosesMg: [56, 84] },
        {
          fromWeek: 9,
          perWeekMin: 0.5,
          perWeekMax: 1,
          allowedDosesMg: [56, 84],
          note: 'weekly or every 2 weeks, at the lowest frequency that maintains remission/response',
        },
      ],
      source: SOURCES.spravatoDosing,
    },
    integration: defaultIntegrationWindow(),
    source: `${SOURCES.spravatoDosing}; ${SOURCES.spravatoMonitoring}; ${SOURCES.spravatoRems}`,
  };
}
