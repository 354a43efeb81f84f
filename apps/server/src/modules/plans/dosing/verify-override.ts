/**
 * Second-clinician verification of a dose override (ISMP independent double check of high-alert
 * medications; docs/clinical-sources.md#iv-dose-ceiling-and-mg-caps: above the protocol maximum only with an
 * override and a second clinician). The verifier must be a different, active prescriber or nurse of the same
 * clinic whose password or TOTP code checks out. Failures count toward the verifier's login lockout
 * (auth/credential-attempts.ts), so this endpoint cannot be used to guess a colleague's password.
 */
import type { DB } from '@plasticity/db';
import { type Kysely, sql } from 'kysely';
import type { ModuleContext } from '../../../platform/module.ts';
import type { AuthContext } from '../../../platform/request-context.ts';
import { isLocked, recordFailedAttempt } from '../../auth/credential-attempts.ts';
import { verifyPassword } from '../../auth/passwords.ts';
import { checkTotp } from '../../auth/totp.ts';

export interface OverrideRequest {
  reason: string;
  verifierEmail: string;
  verifierPassword?: string | undefined;
  verifierTotp?: string | undefined;
}

export type Verification =
  | { ok: true; verifierId: string; verifierRole: string; verifierEmail: string }
  | { ok: false; problem: string; verifierId: string | null };

const VERIFIER_ROLES = ['prescriber', 'nurse'];

export async function verifyOverride(
  ctx: ModuleContext,
  caller: AuthContext,
  o: OverrideRequest,
  sourceAddress: string | null,
): Promise<Verification> {
  if (caller.role !== 'prescriber')
    return { ok: false, problem: 'only a prescriber may override a protocol maximum', verifierId: null };
  const now = ctx.clock.now();
  const v = await ctx.db
    .selectFrom('users as u')
    .leftJoin('memberships as m', (j) =>
      j.onRef('m.user_id', '=', 'u.id').on('m.clinic_id', '=', caller.clinicId).on('m.active', '=', true),
    )
    .select([
      'u.id',
      'u.email',
      'u.active',
      'u.password_hash',
      'u.locked_until',
      'u.mfa_enabled',
      'u.mfa_secret',
      'u.last_totp_step',
      'm.role',
    ])
    .where(sql`lower(u.email)`, '=', o.verifierEmail.toLowerCase())
    .executeTakeFirst();
  const fail = async (problem: string, countFailure: boolean): Promise<Verification> => {
    if (v && countFailure) {
      await ctx.db.transaction().execute(async (trx) => {
        await recordFailedAttempt(trx, { userId: v.id }, sourceAddress, now);
      });
    }
    return { ok: false, problem, verifierId: v?.id ?? null };
  };
  if (v && v.id === caller.userId)
    return fail('the verifier must be a second clinician, not the prescriber ordering the dose', false);
  if (isLocked(v?.locked_until, now))
    return fail('the verifier account is locked after repeated failures', false);
  if (o.verifierPassword !== undefined) {
    const ok = await verifyPassword(v?.password_hash ?? null, o.verifierPassword);
    if (!ok) return fail('verifier credentials are wrong', true);
  } else {
    if (!v?.mfa_enabled || !v.mfa_secret)
      return fail('verifier credentials are wrong (no authenticator enrolled)', false);
    const step = await checkTotp(v.mfa_secret, o.verifierTotp ?? '', now, v.last_totp_step);
    if (step === null) return fail('verifier credentials are wrong', true);
    await ctx.db.updateTable('users').set({ last_totp_step: step }).where('id', '=', v.id).execute();
  }
  if (!v?.active || !v.role || !VERIFIER_ROLES.includes(v.role)) {
    return fail('the verifier must be an active prescriber or nurse of this clinic', false);
  }
  return { ok: true, verifierId: v.id, verifierRole: v.role, verifierEmail: v.email };
}

/**
 * The verifier's own audit entry (success or failure) for a dose that was overridden or attempted, on the
 * caller's transaction: who verified (or whose credentials failed), for which record, requested by whom.
 */
export async function auditVerification(
  trx: Kysely<DB>,
  ctx: ModuleContext,
  caller: AuthContext,
  verification: Verification,
  o: OverrideRequest,
  target: { resourceId: string; patientId: string | null; sourceAddress: string | null },
): Promise<void> {
  await ctx.audit.record(
    trx,
    {
      clinicId: caller.clinicId,
      userId: verification.verifierId,
      email: verification.ok ? verification.verifierEmail : o.verifierEmail,
      role: verification.ok ? verification.verifierRole : null,
      sourceAddress: target.sourceAddress,
    },
    {
      action: 'update',
      resourceType: 'dose_override_verification',
      resourceId: target.resourceId,
      patientId: target.patientId,
      category: 'dosing_session',
      outcome: verification.ok ? 'success' : 'failure',
      details: { requestedBy: caller.userId },
    },
  );
}
