/** A `fhir_clients` row as the API shows it, and the token endpoint's URL that assertions name as `aud`. */
import type { FhirClient } from '@plasticity/contracts';
import type { FhirClientsTable } from '@plasticity/db/tables/fhir';
import type { FastifyRequest } from 'fastify';
import type { Selectable } from 'kysely';
import type { Config } from '../../../config.ts';
import { fhirBase } from '../bundle.ts';
import { keySummaries } from './client-keys.ts';

export const TOKEN_PATH = '/auth/token';

/** The token endpoint's absolute URL (the `aud` of every client assertion, RFC 7523 §3 item 3). */
export const tokenEndpoint = (req: FastifyRequest, config: Pick<Config, 'publicUrl'>): string =>
  `${fhirBase(req, config)}${TOKEN_PATH}`;

export function toFhirClient(r: Selectable<FhirClientsTable>): FhirClient {
  return {
    id: r.id,
    name: r.name,
    scopes: r.scopes,
    keys: keySummaries(r.jwks),
    createdAt: r.created_at.toISOString(),
    disabledAt: r.disabled_at?.toISOString() ?? null,
    disabledReason: r.disabled_reason,
  };
}
