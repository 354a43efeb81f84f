/**
 * The instruments shipped with Plasticity. Each definition cites its source in its own file under
 * `definitions/`; docs/clinical-sources.md#instruments-scoring-and-codes lists them with their bands and
 * LOINC codes.
 */
import { audit } from './definitions/audit.ts';
import { auditc } from './definitions/auditc.ts';
import { cadss6 } from './definitions/cadss6.ts';
import { cssrsScreen } from './definitions/cssrs-screen.ts';
import { cssrsScreenV1 } from './definitions/cssrs-screen-v1.ts';
import { dast10 } from './definitions/dast10.ts';
import { drinkingDays } from './definitions/drinking-days.ts';
import { gad7 } from './definitions/gad7.ts';
import { madrs } from './definitions/madrs.ts';
import { moaas } from './definitions/moaas.ts';
import { pcl5 } from './definitions/pcl5.ts';
import { phq9 } from './definitions/phq9.ts';
import { qidsSr16 } from './definitions/qids-sr16.ts';
import type { InstrumentDefinition } from './types.ts';

export {
  audit,
  auditc,
  cadss6,
  cssrsScreen,
  cssrsScreenV1,
  dast10,
  drinkingDays,
  gad7,
  madrs,
  moaas,
  pcl5,
  phq9,
  qidsSr16,
};

/** Every built-in definition, in a stable order. */
export const INSTRUMENTS: readonly InstrumentDefinition[] = [
  phq9,
  gad7,
  pcl5,
  audit,
  auditc,
  dast10,
  cssrsScreen,
  qidsSr16,
  madrs,
  moaas,
  cadss6,
  drinkingDays,
];

export type BuiltInInstrumentId =
  | 'phq9'
  | 'gad7'
  | 'pcl5'
  | 'audit'
  | 'auditc'
  | 'dast10'
  | 'cssrs_screen'
  | 'qids_sr16'
  | 'madrs'
  | 'moaas'
  | 'cadss6'
  | 'drinking_days';

/** Ids of the built-in definitions. */
export const INSTRUMENT_IDS: readonly string[] = INSTRUMENTS.map((d) => d.id);

/**
 * A built-in definition by id, or undefined.
 *
 * @example
 * getInstrument('phq9')?.name // 'PHQ-9'
 */
export function getInstrument(id: string): InstrumentDefinition | undefined {
  return INSTRUMENTS.find((d) => d.id === id);
}

/**
 * Earlier versions of built-in definitions, kept unchanged so that stored assessments are read with
 * the definition they were scored with (a stored score keeps its answers and version; nothing is
 * rewritten). Never offered for new forms.
 */
export const SUPERSEDED_INSTRUMENTS: readonly InstrumentDefinition[] = [cssrsScreenV1];

/**
 * The built-in definition a stored assessment was scored with: the current one when the version
 * matches, else a superseded one, else undefined (e.g. a clinic's own instrument).
 *
 * @example
 * getInstrumentVersion('cssrs_screen', '1.0.0')?.items.length // 6 (the current version has 7)
 */
export function getInstrumentVersion(id: string, version: string): InstrumentDefinition | undefined {
  return [...INSTRUMENTS, ...SUPERSEDED_INSTRUMENTS].find((d) => d.id === id && d.version === version);
}
