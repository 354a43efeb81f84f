/**
 * GET /fhir/R4/.well-known/smart-configuration — the SMART configuration (SMART App Launch 2.x,
 * conformance.html#using-well-known): public, as clients read it before they authenticate; no patient data.
 * It advertises the Backend Services flow only: the token endpoint, `private_key_jwt` client authentication
 * signed RS384 or ES384, the `client_credentials` grant, the system scopes, and the capability
 * `client-confidential-asymmetric`. No authorization endpoint (no user-facing launch), hence no PKCE methods.
 */
import { SmartConfiguration } from '@plasticity/contracts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { allow } from '../../../platform/policy.ts';
import { ASSERTION_ALGORITHMS } from './client-keys.ts';
import { tokenEndpoint } from './client-store.ts';
import { supportedScopes } from './scopes.ts';

export function smartConfigurationRoute(app: ZodApp, ctx: ModuleContext) {
  app.get(
    '/.well-known/smart-configuration',
    {
      config: {
        policy: allow.public('the SMART configuration: how system clients authenticate; no patient data'),
      },
      schema: { response: { 200: SmartConfiguration }, tags: ['fhir'] },
    },
    async (req) => ({
      token_endpoint: tokenEndpoint(req, ctx.config),
      token_endpoint_auth_methods_supported: ['private_key_jwt'],
      token_endpoint_auth_signing_alg_values_supported: [...ASSERTION_ALGORITHMS],
      grant_types_supported: ['client_credentials'],
      scopes_supported: supportedScopes(),
      capabilities: ['client-confidential-asymmetric'],
    }),
  );
}
