/**
 * Self-report links: single use, 72 hours, bound to one patient and a list of self-report
 * instruments. The raw token (256 random bits, base64url) exists only in the URL handed to the patient;
 * the database keeps its SHA-256 (platform/tokens.ts), looked up by an exact index match so response
 * time does not depend on how much of a guessed token is right.
 *
 * A link reaches the patient in one of two ways (`delivery`): in a message, whose token the sender mints
 * when it hands the text over (platform/mailer.ts) — the token made here is then dropped, so the staff
 * member who asked for the link never holds it; or on a clinic device, when the clinic allows it, handed
 * over by a named staff member (`handed_by`) for a short time.
 */
import type { DB } from '@plasticity/db';
import { toJson } from '@plasticity/db';
import type { Kysely } from 'kysely';
import { TOKEN_SLOT } from '../../platform/mailer.ts';
import type { ModuleContext } from '../../platform/module.ts';
import { hashToken, newToken } from '../../platform/tokens.ts';

/** Link lifetime: a self-report link expires after 72 hours. */
export const SELF_REPORT_LINK_HOURS = 72;
/** A form handed over on a clinic device is for now, in the clinic: it lapses after an hour. */
export const CLINIC_DEVICE_LINK_MINUTES = 60;

export function linkUrl(ctx: ModuleContext, token: string): string {
  const base = (ctx.config.publicUrl ?? '').replace(/\/+$/, '');
  return `${base}/r/${token}`;
}

export async function createLink(
  trx: Kysely<DB>,
  ctx: ModuleContext,
  input: {
    clinicId: string;
    patientId: string;
    instruments: string[];
    createdBy: string | null;
    /** Set when a staff member hands the patient a clinic device: that member. */
    handedBy?: string;
  },
) {
  const token = newToken(32);
  const now = ctx.clock.now();
  const lifetimeMs = input.handedBy
    ? CLINIC_DEVICE_LINK_MINUTES * 60_000
    : SELF_REPORT_LINK_HOURS * 3_600_000;
  const expiresAt = new Date(now.getTime() + lifetimeMs);
  const row = await trx
    .insertInto('self_report_links')
    .values({
      clinic_id: input.clinicId,
      patient_id: input.patientId,
      token_hash: hashToken(token),
      instruments: toJson(input.instruments),
      created_by: input.createdBy,
      created_at: now,
      expires_at: expiresAt,
      delivery: input.handedBy ? 'clinic_device' : 'message',
      handed_by: input.handedBy ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, token, url: linkUrl(ctx, token), template: linkUrl(ctx, TOKEN_SLOT), expiresAt };
}

/** A small fixed-window limiter per source address for the public link routes (guessing protection). */
export class WindowLimiter {
  #hits = new Map<string, { start: number; n: number }>();
  constructor(
    private readonly max: number,
    private readonly windowMs: number,
  ) {}
  allow(key: string, now: number): boolean {
    const e = this.#hits.get(key);
    if (!e || now - e.start >= this.windowMs) {
      if (this.#hits.size > 10_000) this.#hits.clear();
      this.#hits.set(key, { start: now, n: 1 });
      return true;
    }
    e.n += 1;
    return e.n <= this.max;
  }
}
