/**
 * POST /fhir/R4/auth/token (public: the client authenticates with its signed assertion, not a session) — the
 * SMART Backend Services token endpoint (SMART App Launch 2.x backend-services.html; HL7 FHIR Bulk Data Access
 * IG, "SMART Backend Services Authorization"): a form-encoded client-credentials request (RFC 6749 §4.4) with a
 * JWT client assertion (RFC 7523 §2.2) and the scopes wanted.
 * - 200 `{access_token, token_type: "bearer", expires_in, scope}` (RFC 6749 §5.1): an opaque random token, of
 *   which only the SHA-256 is stored, valid five minutes, granting the requested scopes the client may hold.
 * - 400/401 OAuth errors (oauth-errors.ts): `unsupported_grant_type`; `invalid_client` for any failure of the
 *   assertion (verify-assertion.ts), an unknown or disabled client, or a `jti` already used (kept until its
 *   assertion expires); `invalid_scope` when nothing asked for may be granted; `invalid_request` otherwise.
 * Audited with the client as the actor: each token issued, and each refusal of a registered client.
 */
import { SmartTokenRequest, SmartTokenResponse } from '@plasticity/contracts';
import { toJson } from '@plasticity/db';
import type { FhirClientsTable } from '@plasticity/db/tables/fhir';
import type { FastifyRequest } from 'fastify';
import type { Selectable } from 'kysely';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { allow } from '../../../platform/policy.ts';
import { hashToken, newToken } from '../../../platform/tokens.ts';
import { systemClientActor } from '../access.ts';
import { TOKEN_PATH, tokenEndpoint } from './client-store.ts';
import { OAuthError } from './oauth-errors.ts';
import { grantScopes } from './scopes.ts';
import { claimedClientId, verifyAssertion } from './verify-assertion.ts';

const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
/** SMART Backend Services: "The access token SHOULD have a lifetime no greater than five minutes." */
const ACCESS_TOKEN_LIFETIME_S = 5 * 60;

type Client = Selectable<FhirClientsTable>;

async function registeredClient(ctx: ModuleContext, id: string): Promise<Client> {
  const client = await ctx.db.selectFrom('fhir_clients').selectAll().where('id', '=', id).executeTakeFirst();
  if (!client) throw new OAuthError('invalid_client', 'iss is not a registered client id');
  return client;
}

/** The token for a verified client, in one transaction with the `jti` it spends and the audit entry. */
async function issue(
  ctx: ModuleContext,
  req: FastifyRequest,
  client: Client,
  assertion: { jti: string; expiresAt: Date },
  scopes: string[],
): Promise<string> {
  const now = ctx.clock.now();
  const token = newToken();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom('fhir_client_assertions')
      .where('client_id', '=', client.id)
      .where('expires_at', '<', now)
      .execute();
    const fresh = await trx
      .insertInto('fhir_client_assertions')
      .values({ client_id: client.id, jti: assertion.jti, expires_at: assertion.expiresAt })
      .onConflict((oc) => oc.columns(['client_id', 'jti']).doNothing())
      .returning('jti')
      .executeTakeFirst();
    if (!fresh) throw new OAuthError('invalid_client', 'this assertion’s jti was already used');
    await trx
      .deleteFrom('fhir_access_tokens')
      .where('client_id', '=', client.id)
      .where('expires_at', '<', now)
      .execute();
    await trx
      .insertInto('fhir_access_tokens')
      .values({
        token_hash: hashToken(token),
        client_id: client.id,
        clinic_id: client.clinic_id,
        scopes: toJson(scopes),
        issued_at: now,
        expires_at: new Date(now.getTime() + ACCESS_TOKEN_LIFETIME_S * 1000),
      })
      .execute();
    await ctx.audit.record(trx, systemClientActor(client.clinic_id, req.ip), {
      action: 'login',
      resourceType: 'fhir_client',
      resourceId: client.id,
      details: { client: client.id, scopes, expiresIn: ACCESS_TOKEN_LIFETIME_S },
    });
  });
  return token;
}

export function tokenRoute(app: ZodApp, ctx: ModuleContext) {
  app.post(
    TOKEN_PATH,
    {
      config: {
        policy: allow.public(
          'the SMART Backend Services token endpoint: a client authenticates with its signed assertion',
        ),
      },
      schema: { body: SmartTokenRequest, response: { 200: SmartTokenResponse }, tags: ['fhir'] },
    },
    async (req, reply) => {
      const b = req.body;
      if (b.grant_type !== 'client_credentials')
        throw new OAuthError('unsupported_grant_type', 'grant_type must be client_credentials');
      if (b.client_assertion_type !== JWT_BEARER)
        throw new OAuthError('invalid_client', `client_assertion_type must be ${JWT_BEARER}`);
      if (!b.client_assertion) throw new OAuthError('invalid_client', 'client_assertion is missing');
      if (!b.scope?.trim()) throw new OAuthError('invalid_request', 'scope is missing');
      const client = await registeredClient(ctx, claimedClientId(b.client_assertion));
      try {
        if (client.disabled_at) throw new OAuthError('invalid_client', 'this client is disabled');
        const assertion = await verifyAssertion(b.client_assertion, client, {
          audience: tokenEndpoint(req, ctx.config),
          now: ctx.clock.now(),
        });
        const scopes = grantScopes(b.scope, client.scopes);
        if (scopes.length === 0)
          throw new OAuthError('invalid_scope', 'none of the requested scopes may be granted to this client');
        const token = await issue(ctx, req, client, assertion, scopes);
        reply.header('cache-control', 'no-store').header('pragma', 'no-cache');
        return {
          access_token: token,
          token_type: 'bearer' as const,
          expires_in: ACCESS_TOKEN_LIFETIME_S,
          scope: scopes.join(' '),
        };
      } catch (e) {
        // A registered client's refusal is accounted for (its own statement: the issuing transaction rolled back).
        if (e instanceof OAuthError)
          await ctx.audit.record(ctx.db, systemClientActor(client.clinic_id, req.ip), {
            action: 'login',
            resourceType: 'fhir_client',
            resourceId: client.id,
            outcome: 'failure',
            details: { client: client.id, error: e.error, reason: e.description },
          });
        throw e;
      }
    },
  );
}
