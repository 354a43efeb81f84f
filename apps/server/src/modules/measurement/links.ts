/**
 * Self-report links: single use, 72 hours (issue 3 §3), bound to one patient and a list of self-report
 * instruments. The raw token (256 random bits, base64url) exists only in the URL handed to the patient;
 * the database keeps its SHA-256 (platform/tokens.ts), looked up by an exact index match so response
 * time does not depend on how much of a guessed token is right.
 */
import type { DB } from '@plasticity/db';
import type { Kysely } from 'kysely';
import type { ModuleContext } from '../../platform/module.ts';
import { hashToken, newToken } from '../../platform/tokens.ts';

/** Link lifetime (issue 3 §3: "expires after 72 h"). */
export const SELF_REPORT_LINK_HOURS = 72;

export function linkUrl(ctx: ModuleContext, token: string): string {
  const base = (ctx.config.publicUrl ?? '').replace(/\/+$/, '');
  return `${base}/r/${token}`;
}

export async function createLink(
  trx: Kysely<DB>,
  ctx: ModuleContext,
  input: { clinicId: string; patientId: string; instruments: string[]; createdBy: string | null },
) {
  const token = newToken(32);
  const now = ctx.clock.now();
  const expiresAt = new Date(now.getTime() + SELF_REPORT_LINK_HOURS * 3_600_000);
  const row = await trx
    .insertInto('self_report_links')
    .values({
      clinic_id: input.clinicId,
      patient_id: input.patientId,
      token_hash: hashToken(token),
      instruments: JSON.stringify(input.instruments),
      created_by: input.createdBy,
      created_at: now,
      expires_at: expiresAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, token, url: linkUrl(ctx, token), expiresAt };
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
