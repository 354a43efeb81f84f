/**
 * Idempotency keys of register movements: a client that did not hear the answer (timeout, dropped
 * connection) may send the same request again with the same `idempotencyKey` and gets the first
 * answer back, status and body, with nothing recorded twice — a double entry in a Schedule III
 * register is a record that is not "complete and accurate" (21 CFR 1304.21(a)).
 *
 * - Only a successful answer is kept: it is claimed and stored in the movement's own transaction, so a
 *   refused request leaves the key free and a retry runs again.
 * - The key is claimed (insert … on conflict do nothing) before anything else in that transaction: a
 *   concurrent twin waits on the primary key, finds it taken once the first commits, rolls back and
 *   answers with the first's stored answer.
 * - The same key on a different request (another movement, quantity, container…) is 409 conflict
 *   naming `body.idempotencyKey`. Witness secrets are left out of the comparison (and never stored):
 *   a retry may carry a fresh code, and a stored hash of a password would be a guessable copy of it.
 */
import type { CreateMovementRequest } from '@plasticity/contracts';
import type { DB } from '@plasticity/db';
import type { Kysely } from 'kysely';
import { AppError } from '../../platform/errors.ts';
import { hashToken } from '../../platform/tokens.ts';

/** Only a success is stored, so the first answer is always 201 with the stored body. */
const CREATED = 201;

/** Thrown inside the transaction when a concurrent request holds the key: rolls the attempt back. */
export class KeyTaken extends Error {}

/** JSON with object keys sorted at every level, so equal requests hash equally. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** What makes two movement requests "the same": every field but the key and the witnesses' secrets. */
export function requestHash(body: CreateMovementRequest): string {
  const { idempotencyKey: _key, witness, witness2, ...rest } = body;
  return hashToken(
    canonical({ ...rest, witness: witness?.email ?? null, witness2: witness2?.email ?? null }),
  );
}

const reused = () =>
  new AppError(
    'conflict',
    'This form was already recorded with other details. Close it and check the register before recording again.',
    [{ field: 'body.idempotencyKey', message: 'was already used for a different movement' }],
  );

/** The body of the first (201) answer given to this key in this clinic, or null when the key is new. */
export async function storedAnswer(
  db: Kysely<DB>,
  clinicId: string,
  key: string,
  hash: string,
): Promise<unknown> {
  const row = await db
    .selectFrom('cs_idempotency_keys')
    .select(['request_hash', 'status', 'response'])
    .where('clinic_id', '=', clinicId)
    .where('key', '=', key)
    .executeTakeFirst();
  if (!row) return null;
  if (row.request_hash !== hash) throw reused();
  if (row.status !== CREATED || row.response === null)
    throw new AppError('conflict', 'a movement with this idempotencyKey is still being recorded');
  return JSON.parse(row.response);
}

/** Claims the key in the movement's transaction; throws KeyTaken when another request holds it. */
export async function claimKey(
  trx: Kysely<DB>,
  claim: { clinicId: string; key: string; hash: string; userId: string; now: Date },
): Promise<void> {
  const claimed = await trx
    .insertInto('cs_idempotency_keys')
    .values({
      clinic_id: claim.clinicId,
      key: claim.key,
      request_hash: claim.hash,
      created_by: claim.userId,
      created_at: claim.now,
    })
    .onConflict((oc) => oc.columns(['clinic_id', 'key']).doNothing())
    .returning('key')
    .executeTakeFirst();
  if (!claimed) throw new KeyTaken('idempotency key taken by a concurrent request');
}

/** Stores the answer under the claimed key, in the same transaction as the movement. */
export async function storeAnswer(
  trx: Kysely<DB>,
  clinicId: string,
  key: string,
  answer: { body: unknown; ledgerEntryId: string },
): Promise<void> {
  await trx
    .updateTable('cs_idempotency_keys')
    .set({
      status: CREATED,
      response: JSON.stringify(answer.body),
      ledger_entry_id: answer.ledgerEntryId,
    })
    .where('clinic_id', '=', clinicId)
    .where('key', '=', key)
    .execute();
}
