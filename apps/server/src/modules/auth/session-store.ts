/**
 * Server-side sessions (OWASP Session Management Cheat Sheet): a random 256-bit token in an
 * HttpOnly, SameSite=Strict cookie, stored only as its SHA-256; a new token at every login;
 * idle timeout and absolute lifetime from the clinic's settings; logout revokes on the server.
 *
 * Activity is written to the database at most once a minute per session (and more often only when
 * the idle timeout itself is shorter than four minutes); between writes this process remembers the
 * last activity in memory, so active users are not expired between writes.
 */
import type { Role } from '@plasticity/contracts';
import type { Database, DB } from '@plasticity/db';
import { type Kysely, sql } from 'kysely';
import type { Clock } from '../../platform/clock.ts';
import {
  type AuthContext,
  type ClinicPolicySettings,
  resolveClinicSettings,
} from '../../platform/request-context.ts';
import { hashToken, newToken } from '../../platform/tokens.ts';
import { AUTH_CHANNEL, SessionCache } from './session-cache.ts';

export const SESSION_COOKIE = 'plasticity_session';

interface ResolvedRow {
  sessionId: string;
  csrf_token: string;
  last_seen_at: Date;
  expires_at: Date;
  revoked_at: Date | null;
  userId: string;
  email: string;
  display_name: string;
  userActive: boolean;
  mfa_enabled: boolean;
  membershipId: string;
  role: string;
  patient_id: string | null;
  membershipActive: boolean;
  clinicId: string;
  clinicName: string;
  time_zone: string;
  demo: boolean;
  settings: unknown;
}

/** A resolved row as the cache keeps it: the clinic's session policy parsed once, not on every request. */
interface Resolved {
  row: ResolvedRow;
  settings: ClinicPolicySettings;
}

export type ResolveResult = { ok: true; auth: AuthContext } | { ok: false; reason: 'unknown' | 'expired' };

export class SessionStore {
  readonly #lastActivity = new Map<string, number>();
  readonly #lastWrite = new Map<string, number>();
  readonly #cache: SessionCache<Resolved>;
  private readonly db: Kysely<DB>;

  constructor(
    database: Pick<Database, 'db' | 'listen' | 'onConnection'>,
    private readonly clock: Clock,
  ) {
    this.db = database.db;
    this.#cache = new SessionCache(database, clock);
  }

  /**
   * Call inside the transaction of any change to what `resolve` returns — a membership's role or activity, a
   * user's activity or MFA, the clinic's session policy, a revocation: this process forgets its resolved
   * sessions now, and every process sharing the database when the change commits (see session-cache.ts).
   */
  async changed(executor: Kysely<DB>): Promise<void> {
    this.#cache.forgetAll();
    await sql`select pg_notify(${AUTH_CHANNEL}, '')`.execute(executor);
  }

  async create(
    executor: Kysely<DB>,
    input: {
      userId: string;
      clinicId: string;
      membershipId: string;
      absoluteLifetimeHours: number;
      sourceAddress: string | null;
      userAgent: string | null;
    },
  ): Promise<{ token: string; csrfToken: string; sessionId: string; expiresAt: Date }> {
    const token = newToken();
    const csrfToken = newToken();
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + input.absoluteLifetimeHours * 3600_000);
    const row = await executor
      .insertInto('sessions')
      .values({
        token_hash: hashToken(token),
        csrf_token: csrfToken,
        user_id: input.userId,
        clinic_id: input.clinicId,
        membership_id: input.membershipId,
        created_at: now,
        last_seen_at: now,
        expires_at: expiresAt,
        source_address: input.sourceAddress,
        user_agent: input.userAgent?.slice(0, 300) ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { token, csrfToken, sessionId: row.id, expiresAt };
  }

  async resolve(token: string): Promise<ResolveResult> {
    // A miss (see session-cache.ts) runs raw SQL kept prepared by the driver (see @plasticity/db prepared.ts).
    const key = hashToken(token);
    let hit = this.#cache.get(key);
    if (!hit) {
      const generation = this.#cache.generation();
      const found = (
        await sql<ResolvedRow>`-- prepare:session_resolve
        select s.id as "sessionId", s.csrf_token, s.last_seen_at, s.expires_at, s.revoked_at,
               u.id as "userId", u.email, u.display_name, u.active as "userActive", u.mfa_enabled,
               m.id as "membershipId", m.role, m.patient_id, m.active as "membershipActive",
               c.id as "clinicId", c.name as "clinicName", c.time_zone, c.demo, c.settings
          from sessions s
          join memberships m on m.id = s.membership_id
          join users u on u.id = s.user_id
          join clinics c on c.id = s.clinic_id
         where s.token_hash = ${key}`.execute(this.db)
      ).rows[0];
      if (found) {
        hit = { row: found, settings: resolveClinicSettings(found.settings) };
        this.#cache.put(key, hit, generation);
      }
    }
    if (!hit || hit.row.revoked_at || !hit.row.userActive || !hit.row.membershipActive)
      return { ok: false, reason: 'unknown' };
    const { row, settings } = hit;
    const now = this.clock.now().getTime();
    const lastSeen = Math.max(row.last_seen_at.getTime(), this.#lastActivity.get(row.sessionId) ?? 0);
    if (now >= row.expires_at.getTime() || now - lastSeen >= settings.idleTimeoutMin * 60_000) {
      await this.revoke(row.sessionId);
      return { ok: false, reason: 'expired' };
    }
    await this.#touch(row.sessionId, now, settings.idleTimeoutMin);
    return {
      ok: true,
      auth: {
        sessionId: row.sessionId,
        userId: row.userId,
        email: row.email,
        displayName: row.display_name,
        role: row.role as Role,
        membershipId: row.membershipId,
        patientId: row.patient_id,
        clinicId: row.clinicId,
        clinicName: row.clinicName,
        timeZone: row.time_zone,
        demo: row.demo,
        csrfToken: row.csrf_token,
        mfaEnabled: row.mfa_enabled,
        settings,
      },
    };
  }

  async #touch(sessionId: string, now: number, idleTimeoutMin: number) {
    this.#lastActivity.set(sessionId, now);
    const writeEvery = Math.min(60_000, (idleTimeoutMin * 60_000) / 4);
    const last = this.#lastWrite.get(sessionId) ?? 0;
    if (now - last < writeEvery) return;
    this.#lastWrite.set(sessionId, now);
    await this.db
      .updateTable('sessions')
      .set({ last_seen_at: new Date(now) })
      .where('id', '=', sessionId)
      .execute();
  }

  async revoke(sessionId: string): Promise<void> {
    this.#lastActivity.delete(sessionId);
    this.#lastWrite.delete(sessionId);
    await this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('sessions')
        .set({ revoked_at: this.clock.now() })
        .where('id', '=', sessionId)
        .where('revoked_at', 'is', null)
        .execute();
      await this.changed(trx);
    });
  }

  async revokeAllForUser(executor: Kysely<DB>, userId: string): Promise<void> {
    await executor
      .updateTable('sessions')
      .set({ revoked_at: this.clock.now() })
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .execute();
    await this.changed(executor);
  }
}
