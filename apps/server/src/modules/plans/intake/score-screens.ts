/**
 * Scores the AUDIT (WHO, Babor et al. 2001) and DAST-10 (Skinner 1982) answers given at intake with the
 * instrument library's `scoreAssessment`, so the totals the eligibility rules read (AUDIT ≥ 20, DAST-10 ≥ 6;
 * docs/clinical-sources.md#instruments-scoring-and-codes) are computed, never typed. A given total must agree
 * with the answers.
 */
import { audit, dast10, scoreAssessment } from '@plasticity/clinical/instruments';
import type { IntakeRequest } from '@plasticity/contracts';
import { AppError } from '../../../platform/errors.ts';

type SubstanceUse = IntakeRequest['substanceUse'];

export interface ScreenScores {
  auditTotal?: number;
  dast10Total?: number;
  audit?: { answers: number[]; total: number; severity: string | null; instrumentVersion: string };
  dast10?: { answers: number[]; total: number; severity: string | null; instrumentVersion: string };
}

function score(
  def: typeof audit,
  answers: number[],
  field: string,
  given: number | undefined,
  totalField: string,
) {
  const r = scoreAssessment(def, answers);
  if (!r.ok) {
    const details = r.errors.map((e) => ({
      field: `body.substanceUse.${field}${e.field.replace(/^answers/, '')}`,
      message: e.message,
    }));
    throw new AppError('validation_failed', `${field}: ${details.map((d) => d.message).join('; ')}`, details);
  }
  if (given !== undefined && given !== r.total) {
    throw new AppError(
      'validation_failed',
      `${totalField}: ${given} does not match the answers (total ${r.total})`,
      [
        {
          field: `body.substanceUse.${totalField}`,
          message: `does not match the answers (total ${r.total})`,
        },
      ],
    );
  }
  return { answers, total: r.total, severity: r.severity, instrumentVersion: r.instrumentVersion };
}

export function scoreScreens(s: SubstanceUse): ScreenScores {
  const out: ScreenScores = {};
  if (s.auditAnswers) {
    out.audit = score(audit, s.auditAnswers, 'auditAnswers', s.auditTotal, 'auditTotal');
    out.auditTotal = out.audit.total;
  } else if (s.auditTotal !== undefined) out.auditTotal = s.auditTotal;
  if (s.dast10Answers) {
    out.dast10 = score(dast10, s.dast10Answers, 'dast10Answers', s.dast10Total, 'dast10Total');
    out.dast10Total = out.dast10.total;
  } else if (s.dast10Total !== undefined) out.dast10Total = s.dast10Total;
  return out;
}
