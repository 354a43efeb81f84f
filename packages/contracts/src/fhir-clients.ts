/**
 * System clients of the FHIR interface and their token endpoint: SMART App Launch 2.x "Backend Services"
 * (hl7.org/fhir/smart-app-launch/backend-services.html), the client-credentials flow the HL7 FHIR Bulk Data
 * Access IG's "SMART Backend Services Authorization" profiles. A client authenticates with a JWT it signs
 * (RFC 7523 §2.2 client assertion) with the private key whose public half the clinic's admin registered here.
 */
import { z } from 'zod';
import { IsoDateTime, Uuid } from './common.ts';

const text = (max: number) => z.string().trim().min(1).max(max);

/**
 * The client's public key as inline JSON: one JWK (RFC 7517 §4) or a JWK Set (§5). Its members are checked by
 * the server (key type, algorithm, no private members), naming the field. A JWKS URL is not supported.
 */
export const ClientPublicKey = z.record(z.string(), z.unknown());

export const RegisterFhirClientRequest = z
  .object({
    name: text(200),
    publicKey: ClientPublicKey,
    /** SMART scopes the client may be granted: `system/<Type>.rs`, `system/<Type>.read`, `system/*.rs`, `system/*.read`. */
    scopes: z.array(z.string().trim().min(1).max(100)).min(1).max(20),
  })
  .strict();
export type RegisterFhirClientRequest = z.infer<typeof RegisterFhirClientRequest>;

export const DisableFhirClientRequest = z.object({ reason: text(500) }).strict();
export type DisableFhirClientRequest = z.infer<typeof DisableFhirClientRequest>;

/** A registered key as listed: what identifies it, never more than the public key holds. */
export const FhirClientKey = z.object({
  kty: z.string(),
  alg: z.string(),
  kid: z.string().nullable(),
  crv: z.string().nullable(),
});
export type FhirClientKey = z.infer<typeof FhirClientKey>;

export const FhirClient = z.object({
  /** The client id: the `iss` and `sub` of its assertions. */
  id: Uuid,
  name: z.string(),
  scopes: z.array(z.string()),
  keys: z.array(FhirClientKey),
  createdAt: IsoDateTime,
  disabledAt: IsoDateTime.nullable(),
  disabledReason: z.string().nullable(),
});
export type FhirClient = z.infer<typeof FhirClient>;

export const FhirClientList = z.object({
  items: z.array(FhirClient),
  /** The token endpoint a client's assertions name as `aud`. */
  tokenEndpoint: z.string(),
});
export type FhirClientList = z.infer<typeof FhirClientList>;

/**
 * A token request (RFC 6749 §4.4.2, form-encoded), with client authentication by assertion (RFC 7521 §4.2,
 * RFC 7523 §2.2). Which parameters must be present, and with what value, is checked by the endpoint so each
 * failure gets its OAuth error code.
 */
export const SmartTokenRequest = z.object({
  grant_type: z.string().max(200),
  client_assertion_type: z.string().max(200).optional(),
  client_assertion: z.string().max(16_000).optional(),
  scope: z.string().max(4_000).optional(),
});
export type SmartTokenRequest = z.infer<typeof SmartTokenRequest>;

/** A successful token response (RFC 6749 §5.1; SMART Backend Services "Response"). */
export const SmartTokenResponse = z.object({
  access_token: z.string(),
  token_type: z.literal('bearer'),
  expires_in: z.number().int().positive(),
  scope: z.string(),
});
export type SmartTokenResponse = z.infer<typeof SmartTokenResponse>;

/** An error response of the token endpoint (RFC 6749 §5.2). */
export const OAuthErrorResponse = z.object({
  error: z.enum([
    'invalid_request',
    'invalid_client',
    'invalid_grant',
    'invalid_scope',
    'unsupported_grant_type',
  ]),
  error_description: z.string().optional(),
});
export type OAuthErrorResponse = z.infer<typeof OAuthErrorResponse>;

/** `/.well-known/smart-configuration` (SMART App Launch 2.x, conformance.html#metadata). */
export const SmartConfiguration = z.looseObject({
  token_endpoint: z.string(),
  token_endpoint_auth_methods_supported: z.array(z.string()),
  token_endpoint_auth_signing_alg_values_supported: z.array(z.string()),
  grant_types_supported: z.array(z.string()),
  scopes_supported: z.array(z.string()),
  capabilities: z.array(z.string()),
});
export type SmartConfiguration = z.infer<typeof SmartConfiguration>;
