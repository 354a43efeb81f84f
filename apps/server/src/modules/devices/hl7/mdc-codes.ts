/**
 * Which OBX observations of an IHE PCD-01 ORU^R01 become which vital sign of the session, by their
 * ISO/IEEE 11073-10101 nomenclature code (OBX-3, coding system "MDC"), as the IHE PCD Rosetta Terminology
 * Mapping lists them (docs/clinical-sources.md#bedside-monitors-hl7-v2):
 *
 * | MDC code | Reference id                 | Vital                                 |
 * | -------- | ---------------------------- | ------------------------------------- |
 * | 150456   | MDC_PULS_OXIM_SAT_O2         | SpO2 (%)                              |
 * | 147842   | MDC_ECG_HEART_RATE           | heart rate (/min)                     |
 * | 149530   | MDC_PULS_OXIM_PULS_RATE      | heart rate, when no ECG rate (/min)   |
 * | 150021   | MDC_PRESS_BLD_NONINV_SYS     | systolic BP (mmHg)                    |
 * | 150022   | MDC_PRESS_BLD_NONINV_DIA     | diastolic BP (mmHg)                   |
 * | 150023   | MDC_PRESS_BLD_NONINV_MEAN    | not stored (no mean-pressure vital)   |
 * | 151562   | MDC_RESP_RATE                | respiratory rate (/min)               |
 * | 151708   | MDC_CONC_AWAY_CO2_ET         | end-tidal CO2 (mmHg)                  |
 * | 151728   | end-tidal CO2 as some monitors send it | end-tidal CO2 (mmHg)        |
 *
 * Units (OBX-6) are checked when sent, as MDC dimension codes or UCUM: 262688 MDC_DIM_PERCENT / `%`,
 * 264864 MDC_DIM_BEAT_PER_MIN and 264928 MDC_DIM_RESP_PER_MIN / `/min`, 266016 MDC_DIM_MMHG / `mm[Hg]`.
 * Any other OBX (device and channel rows, waveforms, codes not listed) is ignored, never an error.
 */
import type { VitalReadingInput } from '@plasticity/contracts';

export type VitalKey = Exclude<keyof VitalReadingInput, 'at'>;

interface Mapping {
  vital: VitalKey | null;
  /** Lower wins when two codes give the same vital at the same time (ECG heart rate before pulse rate). */
  rank: number;
  units: readonly string[];
}

const PERCENT = ['262688', 'MDC_DIM_PERCENT', '%'];
const PER_MIN = [
  '264864',
  'MDC_DIM_BEAT_PER_MIN',
  '264928',
  'MDC_DIM_RESP_PER_MIN',
  '/min',
  '{beats}/min',
  '{breaths}/min',
];
const MMHG = ['266016', 'MDC_DIM_MMHG', 'mm[Hg]', 'mmHg'];

export const MDC_VITALS: ReadonlyMap<string, Mapping> = new Map<string, Mapping>([
  ['150456', { vital: 'spo2', rank: 0, units: PERCENT }],
  ['147842', { vital: 'hr', rank: 0, units: PER_MIN }],
  ['149530', { vital: 'hr', rank: 1, units: PER_MIN }],
  ['150021', { vital: 'sbp', rank: 0, units: MMHG }],
  ['150022', { vital: 'dbp', rank: 0, units: MMHG }],
  ['150023', { vital: null, rank: 0, units: MMHG }],
  ['151562', { vital: 'rr', rank: 0, units: PER_MIN }],
  ['151708', { vital: 'etco2', rank: 0, units: MMHG }],
  ['151728', { vital: 'etco2', rank: 1, units: MMHG }],
]);

/** The mapping of an OBX-3 code, whatever reference id (OBX-3.2) the monitor sent beside it. */
export function mdcMapping(code: string): Mapping | undefined {
  return MDC_VITALS.get(code.trim());
}

/** True when the OBX-6 unit (identifier or text, any of its first two components) fits the mapping. */
export function unitFits(m: Mapping, unit: { id: string; text: string }): boolean {
  if (!unit.id && !unit.text) return true;
  return m.units.includes(unit.id.trim()) || m.units.includes(unit.text.trim());
}
