/**
 * Pre-filling the SPRAVATO REMS Patient Monitoring Form from what the session recorded.
 *
 * Blood pressure "about 40 minutes after the dose": the SPRAVATO US prescribing information (section 2,
 * "Administration"; section 5, "Increase in Blood Pressure") asks for blood pressure before dosing and about
 * 40 minutes after it, when the rise peaks. The clock starts at the first device. Plasticity takes the
 * reading closest to 40 minutes within 30–50 minutes after the first device (both ends inclusive; on a tie
 * the earlier reading); with none in that window the answer stays blank and is flagged, so the nurse sees
 * that no reading fits rather than a reading from another time. The ±10-minute window is a Plasticity
 * choice, not the label's.
 *
 * Concomitant medications: the form asks about benzodiazepines, non-benzodiazepine hypnotics,
 * psychostimulants, MAOIs and opioids. The SPRAVATO US prescribing information (section 7, "Drug
 * Interactions") names CNS depressants (benzodiazepines, opioids) for sedation, and psychostimulants
 * (amphetamines, methylphenidate, modafinil, armodafinil) and MAOIs for blood pressure. The generic names
 * below are those classes' members marketed in the US (FDA Orange Book / drug labels).
 */
import { MS_PER_MIN, toMs } from './time.ts';

export interface BpReading {
  at: string | Date;
  sbp: number | null;
  dbp: number | null;
}

export const REMS_BP_40 = { targetMin: 40, fromMin: 30, toMin: 50 } as const;

export interface RemsBp40 {
  reading: { at: string; sbp: number | null; dbp: number | null; minutesAfterFirstDevice: number } | null;
  /** Why the answer is blank, for the nurse; null when a reading was found. */
  flag: string | null;
}

/** The blood pressure reading closest to 40 minutes after the first device, within 30–50 minutes. */
export function remsBpAbout40Min(
  readings: readonly BpReading[],
  firstDeviceAt: string | Date | null,
): RemsBp40 {
  const start = toMs(firstDeviceAt);
  if (start === null) return { reading: null, flag: 'no dose recorded yet' };
  let best: { r: BpReading; ms: number; dist: number } | null = null;
  for (const r of readings) {
    const ms = toMs(r.at);
    if (ms === null || r.sbp === null) continue;
    const min = (ms - start) / MS_PER_MIN;
    if (min < REMS_BP_40.fromMin || min > REMS_BP_40.toMin) continue;
    const dist = Math.abs(min - REMS_BP_40.targetMin);
    if (!best || dist < best.dist || (dist === best.dist && ms < best.ms)) best = { r, ms, dist };
  }
  if (!best)
    return {
      reading: null,
      flag: `no blood pressure recorded ${REMS_BP_40.fromMin}–${REMS_BP_40.toMin} minutes after the first device`,
    };
  return {
    reading: {
      at: new Date(best.ms).toISOString(),
      sbp: best.r.sbp,
      dbp: best.r.dbp,
      minutesAfterFirstDevice: Math.round((best.ms - start) / MS_PER_MIN),
    },
    flag: null,
  };
}
