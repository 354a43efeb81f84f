/**
 * GET /api/v1/protocol-templates — the cited protocol templates per indication (PTSD, alcohol use disorder, anxiety,
 * opioid use disorder): instruments, cadence, the therapy that goes with each, sources with what was verified, and
 * the draft protocol data (docs/clinical-sources.md#protocol-templates-per-indication). Product data, the same for
 * every clinic; nothing is applied: a template becomes a protocol only through
 * `POST /api/v1/protocol-templates/{key}/draft`.
 * Roles: every staff role (like the protocol library). 200. No patient data, so no audit entry.
 */
import { protocolTemplates } from '@plasticity/clinical/protocols';
import { ProtocolTemplateList } from '@plasticity/contracts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { allow, STAFF } from '../../../platform/policy.ts';

export function listProtocolTemplatesRoute(app: ZodApp, _ctx: ModuleContext) {
  app.get(
    '/api/v1/protocol-templates',
    {
      config: { policy: allow.roles(...STAFF) },
      schema: { response: { 200: ProtocolTemplateList }, tags: ['protocols'] },
    },
    async () => ({
      items: protocolTemplates().map((t) => ({
        key: t.key,
        indication: t.indication,
        title: t.title,
        summary: t.summary,
        evidence: t.evidence,
        route: t.protocol.route,
        drug: t.protocol.drug,
        cadence: t.cadence,
        therapy: t.therapy,
        instruments: t.instruments.map((i) => ({ ...i })),
        sources: t.sources.map((s) => ({ ...s })),
        protocol: { ...t.protocol },
      })),
    }),
  );
}
