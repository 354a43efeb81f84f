/**
 * POST /api/v1/auth/login — password, then TOTP when the account has MFA.
 *
 * Lockout (OWASP Authentication Cheat Sheet; the rule in credential-attempts.ts, shared with the witness and
 * dose-override checks): 10 failed attempts on one account within 15 minutes lock it for 15 minutes (429 account_locked, even with the right password); failures are also
 * limited per source address (429 rate_limited). A right password without a required code answers
 * 401 mfa_required and is not counted as a failure. Every success and failure is audited.
 *
 * The answers never reveal whether an email has an account (same sheet, "authentication responses"):
 * an unknown email's password is checked against a dummy hash of the same cost, and its failures count
 * and lock under a hash of the email exactly as an account's do, so it answers 401 then 429 at the same
 * points, with the same bodies, as a real account being guessed at.
 */
import { LoginRequest, LoginResponse } from '@plasticity/contracts';
import { toJson } from '@plasticity/db';
import { sql } from 'kysely';
import { AppError } from '../../platform/errors.ts';
import type { ModuleContext, ZodApp } from '../../platform/module.ts';
import { allow } from '../../platform/policy.ts';
import { resolveClinicSettings } from '../../platform/request-context.ts';
import { hashToken } from '../../platform/tokens.ts';
import { isLocked, LOCKOUT, recordFailedAttempt } from './credential-attempts.ts';
import { buildMe } from './me.ts';
import { verifyPassword } from './passwords.ts';
import { SESSION_COOKIE } from './session-store.ts';
import { checkTotp, isRecoveryCodeFormat } from './totp.ts';

/** Failed logins per source address in a sliding window, kept in memory per process. */
class IpFailures {
  readonly #hits = new Map<string, number[]>();
  constructor(private readonly limit: number) {}
  blocked(ip: string, now: number) {
    const list = (this.#hits.get(ip) ?? []).filter((t) => now - t < LOCKOUT.windowMs);
    this.#hits.set(ip, list);
    return list.length >= this.limit;
  }
  add(ip: string, now: number) {
    const list = this.#hits.get(ip) ?? [];
    list.push(now);
    this.#hits.set(ip, list);
    if (this.#hits.size > 10_000) this.#hits.delete(this.#hits.keys().next().value as string);
  }
}

export function loginRoute(app: ZodApp, ctx: ModuleContext) {
  const ipFailures = new IpFailures(ctx.config.loginRateLimitPerIp);
  app.post(
    '/api/v1/auth/login',
    {
      config: { policy: allow.public('logging in') },
      schema: { body: LoginRequest, response: { 200: LoginResponse }, tags: ['auth'] },
    },
    async (req, reply) => {
      const now = ctx.clock.now();
      const ip = req.ip;
      const { email, password, totp } = req.body;
      const failActor = (userId: string | null, clinicId: string | null, role: string | null) => ({
        clinicId,
        userId,
        email,
        role,
        sourceAddress: ip,
      });
      if (ipFailures.blocked(ip, now.getTime()))
        throw new AppError('rate_limited', 'too many failed logins from this address; wait and try again');

      const emailHash = hashToken(`login:${email.toLowerCase()}`);
      // Both looked up for every email, so a known and an unknown one cost the same queries.
      const [user, unknownLock] = await Promise.all([
        ctx.db
          .selectFrom('users as u')
          .leftJoin('memberships as m', (j) => j.onRef('m.user_id', '=', 'u.id').on('m.active', '=', true))
          .leftJoin('clinics as c', 'c.id', 'm.clinic_id')
          .select([
            'u.id',
            'u.password_hash',
            'u.active',
            'u.locked_until',
            'u.mfa_enabled',
            'u.mfa_secret',
            'u.recovery_codes',
            'u.last_totp_step',
            'm.id as membershipId',
            'm.role',
            'c.id as clinicId',
            'c.settings',
          ])
          .where(sql`lower(u.email)`, '=', email)
          .orderBy('m.created_at')
          .executeTakeFirst(),
        ctx.db
          .selectFrom('unknown_login_locks')
          .select('locked_until')
          .where('email_hash', '=', emailHash)
          .executeTakeFirst(),
      ]);
      const lockedUntil = user ? user.locked_until : (unknownLock?.locked_until ?? null);

      if (isLocked(lockedUntil, now)) {
        await ctx.audit.record(
          ctx.db,
          failActor(user?.id ?? null, user?.clinicId ?? null, user?.role ?? null),
          {
            action: 'login',
            resourceType: 'session',
            outcome: 'failure',
            details: { reason: 'locked' },
          },
        );
        throw new AppError(
          'account_locked',
          'this account is locked after repeated failed logins; try again in 15 minutes',
        );
      }

      const passwordOk = await verifyPassword(user?.password_hash ?? null, password);
      const usable = user?.active && user.membershipId && user.clinicId;
      const fail = async (reason: string, code: 'invalid_credentials' | 'mfa_invalid') => {
        ipFailures.add(ip, now.getTime());
        await ctx.db.transaction().execute(async (trx) => {
          await recordFailedAttempt(trx, user ? { userId: user.id } : { emailHash }, ip, now);
          await ctx.audit.record(
            trx,
            failActor(user?.id ?? null, user?.clinicId ?? null, user?.role ?? null),
            {
              action: 'login',
              resourceType: 'session',
              outcome: 'failure',
              details: { reason },
            },
          );
        });
        throw new AppError(
          code,
          code === 'mfa_invalid'
            ? 'the authentication code is wrong or already used'
            : 'email or password is wrong',
        );
      };
      if (!passwordOk || !usable)
        return fail(passwordOk ? 'inactive' : 'bad_password', 'invalid_credentials');

      const settings = resolveClinicSettings(user.settings);
      let totpStep: number | null = null;
      let recoveryCodes: string[] | null = null;
      if (user.mfa_enabled && user.mfa_secret) {
        if (!totp) throw new AppError('mfa_required', 'enter the code from your authenticator app');
        if (isRecoveryCodeFormat(totp)) {
          const h = hashToken(totp.toLowerCase());
          const codes = user.recovery_codes as string[];
          if (!codes.includes(h)) return fail('bad_recovery_code', 'mfa_invalid');
          recoveryCodes = codes.filter((c) => c !== h);
        } else {
          totpStep = await checkTotp(user.mfa_secret, totp, now, user.last_totp_step);
          if (totpStep === null) return fail('bad_totp', 'mfa_invalid');
        }
      }

      const result = await ctx.db.transaction().execute(async (trx) => {
        const s = await ctx.sessions.create(trx, {
          userId: user.id,
          clinicId: user.clinicId as string,
          membershipId: user.membershipId as string,
          absoluteLifetimeHours: settings.absoluteLifetimeHours,
          sourceAddress: ip,
          userAgent: req.headers['user-agent'] ?? null,
        });
        await trx
          .updateTable('users')
          .set({
            last_login_at: now,
            locked_until: null,
            ...(totpStep !== null ? { last_totp_step: totpStep } : {}),
            ...(recoveryCodes ? { recovery_codes: toJson(recoveryCodes) } : {}),
          })
          .where('id', '=', user.id)
          .execute();
        await ctx.audit.record(trx, failActor(user.id, user.clinicId, user.role), {
          action: 'login',
          resourceType: 'session',
          resourceId: s.sessionId,
          details: { mfa: user.mfa_enabled ? (recoveryCodes ? 'recovery_code' : 'totp') : 'none' },
        });
        return s;
      });
      const resolved = await ctx.sessions.resolve(result.token);
      if (!resolved.ok) throw new AppError('internal', 'session could not be read back');
      reply.setCookie(SESSION_COOKIE, result.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: req.protocol === 'https',
        expires: result.expiresAt,
      });
      return { user: buildMe(resolved.auth), csrfToken: result.csrfToken };
    },
  );
}
