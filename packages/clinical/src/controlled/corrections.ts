/**
 * Ledger entries and corrections.
 *
 * 21 CFR 1304.04 requires records to be kept for two years and readily retrievable; 21 CFR 1304.21
 * requires them to be complete and accurate. The register is therefore append-only: an error is never
 * edited or deleted, it is corrected by a new entry that points at the entry it corrects.
 *
 * - **Reversal** (`correctionOf(entry)`): the entry should not exist (wrong vial, duplicate). The
 *   correction carries the same movement and the inverse effect.
 * - **Amendment** (`correctionOf(entry, corrected)`): the entry existed but a detail was wrong (quantity,
 *   patient, time, reason, lot…). The correction carries the corrected movement and the delta
 *   `effect(corrected) − effect(current version)`.
 *
 * A correction always targets the *original* entry id; passing an earlier amendment corrects the same
 * original again, with the delta measured from that amendment (the current version). Type, container,
 * unit and referenced draw cannot change: reverse and re-enter instead. Every correction needs a reason and
 * a co-signing witness who is not the recorder (the same two-signature rule as waste,
 * docs/clinical-sources.md#register-practice).
 */

import { Decimal } from './decimal.ts';
import { containerDelta, drawDelta, drawIdOf, type Movement } from './movements.ts';
import type { FieldError } from './validation.ts';

export type CorrectionKind = 'reversal' | 'amendment';

export interface CorrectionLink {
  /** Id of the original (non-correction) entry being corrected. */
  readonly correctsEntryId: string;
  readonly kind: CorrectionKind;
  /** Change to the container balance this correction makes. */
  readonly containerDelta: Decimal;
  /** Change to the referenced draw's outstanding amount (or to the drawn amount, for a draw). */
  readonly drawDelta: Decimal;
  readonly reason: string;
  readonly witnessUserId: string;
}

/** One append-only line of the register. */
export interface LedgerEntry {
  readonly id: string;
  /** When it was written (ISO instant). */
  readonly recordedAt: string;
  /** Who wrote it: for an administration, the person who administered. */
  readonly recordedBy: string;
  /** For a reversal, the movement being reversed; for an amendment, the corrected movement. */
  readonly movement: Movement;
  readonly correction?: CorrectionLink;
}

export type CorrectionPlan =
  | {
      readonly ok: true;
      readonly movement: Movement;
      readonly correction: Omit<CorrectionLink, 'reason' | 'witnessUserId'>;
    }
  | {
      readonly ok: false;
      readonly code: 'cannot_correct_reversal' | 'identity_changed' | 'no_change';
      readonly message: string;
    };

/**
 * Plans the correction entry for `entry`: a reversal without `corrected`, an amendment with it. The caller
 * adds id, recordedAt, recordedBy, reason and witness, and validates `corrected` with `checkMovement`.
 * @example
 * correctionOf(drawOf5mg) // { ok: true, correction: { kind: 'reversal', containerDelta: 5, drawDelta: -5 } }
 * correctionOf(drawOf5mg, { ...drawOf5mg.movement, quantity: Decimal.of(4) })
 * // { ok: true, correction: { kind: 'amendment', containerDelta: 1, drawDelta: -1 } }
 */
export function correctionOf(entry: LedgerEntry, corrected?: Movement): CorrectionPlan {
  if (entry.correction?.kind === 'reversal') {
    return {
      ok: false,
      code: 'cannot_correct_reversal',
      message: 'A reversed entry cannot be corrected; record a new movement',
    };
  }
  const correctsEntryId = entry.correction?.correctsEntryId ?? entry.id;
  const current = entry.movement;
  if (!corrected) {
    return {
      ok: true,
      movement: current,
      correction: {
        correctsEntryId,
        kind: 'reversal',
        containerDelta: Decimal.fromScaled(-containerDelta(current)),
        drawDelta: Decimal.fromScaled(-drawDelta(current)),
      },
    };
  }
  const identityChanged =
    corrected.type !== current.type ||
    corrected.containerId !== current.containerId ||
    ('unit' in corrected && 'unit' in current && corrected.unit !== current.unit) ||
    drawIdOf(corrected) !== drawIdOf(current) ||
    (corrected.type === 'waste' && current.type === 'waste' && corrected.from !== current.from);
  if (identityChanged) {
    return {
      ok: false,
      code: 'identity_changed',
      message:
        'Type, container, unit, waste source and draw cannot be amended; reverse the entry and record it again',
    };
  }
  if (JSON.stringify(corrected) === JSON.stringify(current)) {
    return {
      ok: false,
      code: 'no_change',
      message: 'The corrected movement is identical to the current one',
    };
  }
  return {
    ok: true,
    movement: corrected,
    correction: {
      correctsEntryId,
      kind: 'amendment',
      containerDelta: Decimal.fromScaled(containerDelta(corrected) - containerDelta(current)),
      drawDelta: Decimal.fromScaled(drawDelta(corrected) - drawDelta(current)),
    },
  };
}

/**
 * Checks the signatures on a correction: a reason and a witness other than the recorder.
 * @example validateCorrection({ reason: '', witnessUserId: 'u1' }, 'u1') // two errors
 */
export function validateCorrection(
  correction: { readonly reason?: string; readonly witnessUserId?: string },
  actorUserId: string,
): FieldError[] {
  const errors: FieldError[] = [];
  const w = correction.witnessUserId;
  if (typeof w !== 'string' || w.trim() === '') {
    errors.push({
      field: 'correction.witnessUserId',
      code: 'witness_required',
      message: 'A correction needs a co-signing witness',
    });
  } else if (w === actorUserId) {
    errors.push({
      field: 'correction.witnessUserId',
      code: 'witness_is_actor',
      message: 'The witness must be someone other than the person recording',
    });
  }
  if (typeof correction.reason !== 'string' || correction.reason.trim() === '') {
    errors.push({ field: 'correction.reason', code: 'required', message: 'A correction needs a reason' });
  }
  return errors;
}

export type ResolvedCorrection =
  | {
      readonly ok: true;
      readonly movement: Movement;
      readonly containerDelta: bigint;
      readonly drawDelta: bigint;
      readonly deltasMatch: boolean;
    }
  | { readonly ok: false; readonly code: 'correction_identity_changed'; readonly message: string };

/**
 * Used when replaying: what a correction entry does to the current version `current` of its target.
 * Deltas are recomputed (never trusted from storage); `deltasMatch` says whether the stored ones agree.
 * @example resolveCorrection(drawOf5, amendTo4).containerDelta // 1_000_000n
 */
export function resolveCorrection(
  current: Movement,
  entry: LedgerEntry & { readonly correction: CorrectionLink },
): ResolvedCorrection {
  const link = entry.correction;
  const target: LedgerEntry = { id: link.correctsEntryId, recordedAt: '', recordedBy: '', movement: current };
  const plan = link.kind === 'reversal' ? correctionOf(target) : correctionOf(target, entry.movement);
  if (!plan.ok && plan.code !== 'no_change')
    return { ok: false, code: 'correction_identity_changed', message: plan.message };
  const containerDelta = plan.ok ? plan.correction.containerDelta.scaled : 0n;
  const drawDelta = plan.ok ? plan.correction.drawDelta.scaled : 0n;
  return {
    ok: true,
    movement: link.kind === 'reversal' ? current : entry.movement,
    containerDelta,
    drawDelta,
    deltasMatch: containerDelta === link.containerDelta.scaled && drawDelta === link.drawDelta.scaled,
  };
}
