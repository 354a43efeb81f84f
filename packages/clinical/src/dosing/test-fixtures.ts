/**
 * Shared fixtures for the dosing tests. Sources: none (test data).
 */
import { defaultIntranasalEsketamineProtocol } from '../protocols/defaults-esketamine.ts';
import { defaultOralKetamineProtocol, defaultSublingualKetamineProtocol } from '../protocols/defaults-kap.ts';
import { defaultImKetamineProtocol, defaultIvKetamineProtocol } from '../protocols/defaults-ketamine.ts';
import type { DoseContext } from './types.ts';

export const NOW = '2025-06-01T12:00:00.000Z';
export const DAY = 86_400_000;
export const daysAgo = (d: number, extraMs = 0): string =>
  new Date(Date.parse(NOW) - d * DAY - extraMs).toISOString();
export const ctx: DoseContext = { now: NOW, weightMeasuredAt: daysAgo(1) };
export const iv = defaultIvKetamineProtocol();
export const im = defaultImKetamineProtocol();
export const esk = defaultIntranasalEsketamineProtocol();
export const sl = defaultSublingualKetamineProtocol();
export const oral = defaultOralKetamineProtocol();
export const adult = { ageYears: 40 };
export const OK = { reason: 'partial response at 1.0 mg/kg', verified: true };
