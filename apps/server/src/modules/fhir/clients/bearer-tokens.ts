/**
 * Resolves the bearer tokens the token endpoint issued (token-endpoint.ts) for the app's auth gate: a token is
 * found by its SHA-256, and only while it has not expired (by the app's clock) and its client is not disabled.
 * The client it resolves to may do what its scopes cover: a route policy's `systemAccess` is a FHIR resource
 * type, covered by `system/<Type>.rs|read` or `system/*.rs|read` (scopes.ts).
 */
import type { DB } from '@plasticity/db';
import type { Kysely } from 'kysely';
import type { Clock } from '../../../platform/clock.ts';
import type { BearerTokens, SystemClientAuth } from '../../../platform/request-context.ts';
import { hashToken } from '../../../platform/tokens.ts';
import { scopesAllowRead } from './scopes.ts';

export function fhirBearerTokens(db: Kysely<DB>, clock: Clock): BearerTokens {
  return {
    async resolve(token: string): Promise<SystemClientAuth | null> {
      const row = await db
        .selectFrom('fhir_access_tokens as t')
        .innerJoin('fhir_clients as c', 'c.id', 't.client_id')
        .innerJoin('clinics as k', 'k.id', 't.clinic_id')
        .select(['t.client_id', 't.clinic_id', 't.scopes', 'c.name', 'k.time_zone'])
        .where('t.token_hash', '=', hashToken(token))
        .where('t.expires_at', '>', clock.now())
        .where('c.disabled_at', 'is', null)
        .executeTakeFirst();
      if (!row) return null;
      const grant = row.scopes;
      return {
        clientId: row.client_id,
        clientName: row.name,
        clinicId: row.clinic_id,
        timeZone: row.time_zone,
        grant,
        may: (access) => scopesAllowRead(grant, access),
      };
    },
  };
}
