/**
 * Second-person co-signature for waste, adjustments, corrections, destruction and counts.
 *
 * docs/clinical-sources.md#register-practice "two signatures on waste"; 21 CFR 1317.95(d) (destruction
 * witnessed by two authorized employees). A witness signs by re-entering their own password (argon2 verify)
 * or a current TOTP code at the moment of signing — a name picked from a list is not a signature. The witness
 * must be another active prescriber or nurse of the same clinic. A wrong password or code counts toward that
 * account's lockout exactly like a failed login (OWASP Authentication Cheat Sheet; auth/credential-attempts.ts),
 * recorded in its own transaction so the refusal of the movement does not roll it back.
 */
import type { WitnessSignature } from '@plasticity/contracts';
import type { FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import { AppError } from '../../platform/errors.ts';
import type { ModuleContext } from '../../platform/module.ts';
import { authOf } from '../../platform/request-context.ts';
import { isLocked, recordFailedAttempt } from '../auth/credential-attempts.ts';
import { verifyPassword } from '../auth/passwords.ts';
import { checkTotp } from '../auth/totp.ts';
import { CATEGORY, MOVERS } from './stock-and-ledger.ts';

export interface Witness {
  userId: string;
  displayName: string;
}

const refuse = (field: string, message: string) =>
  new AppError('witness_invalid', `The witness could not sign: ${message}.`, [{ field, message }]);

/**
 * Verifies one signature; throws 400 `witness_invalid` naming `field` when it is missing, wrong, the
 * caller themself, someone listed in `notUserIds`, or not an active prescriber/nurse of the clinic.
 */
export async function verifyWitness(
  ctx: ModuleContext,
  req: FastifyRequest,
  sig: WitnessSignature | undefined,
  field: string,
  notUserIds: string[] = [],
): Promise<Witness> {
  const a = authOf(req);
  if (!sig) throw refuse(field, 'a second person must co-sign (email and password or authenticator code)');
  const now = ctx.clock.now();
  const user = await ctx.db
    .selectFrom('users as u')
    .innerJoin('memberships as m', (j) =>
      j.onRef('m.user_id', '=', 'u.id').on('m.clinic_id', '=', a.clinicId),
    )
    .select([
      'u.id',
      'u.display_name',
      'u.password_hash',
      'u.active',
      'u.locked_until',
      'u.mfa_enabled',
      'u.mfa_secret',
      'u.last_totp_step',
      'm.role',
      'm.active as membershipActive',
    ])
    .where(sql`lower(u.email)`, '=', sig.email.toLowerCase())
    .executeTakeFirst();
  if (user && user.id === a.userId) throw refuse(field, 'you cannot witness your own entry; ask a colleague');
  if (user && notUserIds.includes(user.id)) throw refuse(field, 'the two witnesses must be different people');

  let ok = false;
  let totpStep: number | null = null;
  if (sig.password !== undefined) ok = await verifyPassword(user?.password_hash ?? null, sig.password);
  else if (sig.totp !== undefined && user?.mfa_enabled && user.mfa_secret) {
    totpStep = await checkTotp(
      user.mfa_secret,
      sig.totp,
      now,
      user.last_totp_step === null ? null : Number(user.last_totp_step),
    );
    ok = totpStep !== null;
  }
  const eligible = Boolean(user?.active && user.membershipActive && MOVERS.includes(user.role as never));
  const locked = isLocked(user?.locked_until, now);

  if (!ok && user) {
    await ctx.db.transaction().execute(async (trx) => {
      await recordFailedAttempt(trx, { userId: user.id }, req.ip ?? null, now);
      await ctx.audit.record(
        trx,
        {
          clinicId: a.clinicId,
          userId: user.id,
          email: null,
          role: user.role,
          sourceAddress: req.ip ?? null,
        },
        {
          action: 'login',
          resourceType: 'witness_signature',
          category: CATEGORY,
          outcome: 'failure',
          details: {
            reason: sig.password !== undefined ? 'bad_password' : 'bad_totp',
            requestedBy: a.userId,
          },
        },
      );
    });
  }
  if (!user || !ok || !eligible || locked) {
    const why = locked
      ? 'this witness account is locked after failed attempts'
      : !ok || !user
        ? 'witness email, password or code is wrong'
        : 'the witness must be an active prescriber or nurse of this clinic';
    throw refuse(field, why);
  }
  if (totpStep !== null)
    await ctx.db.updateTable('users').set({ last_totp_step: totpStep }).where('id', '=', user.id).execute();
  return { userId: user.id, displayName: user.display_name };
}
