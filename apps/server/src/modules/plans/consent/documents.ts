/**
 * The clinic's consent documents (versioned; seeded from templates in `default-texts.ts`):
 * - GET /api/v1/consent-documents — the current version of each kind (staff);
 * - PUT /api/v1/consent-documents/{kind} — admin or prescriber publishes a new version. Signatures keep the
 *   version and SHA-256 of the text they signed, so an edit never changes what someone agreed to.
 */
import {
  ConsentDocument,
  ConsentDocumentList,
  ConsentKindParams,
  UpdateConsentDocumentRequest,
} from '@plasticity/contracts';
import { sql } from 'kysely';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { allow, STAFF } from '../../../platform/policy.ts';
import { actorOf, authOf } from '../../../platform/request-context.ts';
import { ensureLibrary } from '../library/ensure-library.ts';
import { sha256Hex } from '../patient-and-settings.ts';
import { currentDocuments, toDocument } from './consent-rows.ts';

export function consentDocumentRoutes(app: ZodApp, ctx: ModuleContext) {
  app.get(
    '/api/v1/consent-documents',
    {
      config: { policy: allow.roles(...STAFF) },
      schema: { response: { 200: ConsentDocumentList }, tags: ['consent'] },
    },
    async (req) => ({ items: (await currentDocuments(ctx.db, authOf(req).clinicId)).map(toDocument) }),
  );

  app.put(
    '/api/v1/consent-documents/:kind',
    {
      config: { policy: allow.roles('admin', 'prescriber') },
      schema: {
        params: ConsentKindParams,
        body: UpdateConsentDocumentRequest,
        response: { 200: ConsentDocument },
        tags: ['consent'],
      },
    },
    async (req) => {
      const a = authOf(req);
      await ensureLibrary(ctx.db, a.clinicId);
      const row = await ctx.db.transaction().execute(async (trx) => {
        await sql`select pg_advisory_xact_lock(hashtext(${`plans-consent:${a.clinicId}`}))`.execute(trx);
        const cur = await trx
          .selectFrom('plan_consent_documents')
          .select(['id', 'version'])
          .where('clinic_id', '=', a.clinicId)
          .where('kind', '=', req.params.kind)
          .where('superseded_at', 'is', null)
          .executeTakeFirst();
        const now = ctx.clock.now();
        if (cur)
          await trx
            .updateTable('plan_consent_documents')
            .set({ superseded_at: now })
            .where('id', '=', cur.id)
            .execute();
        const r = await trx
          .insertInto('plan_consent_documents')
          .values({
            clinic_id: a.clinicId,
            kind: req.params.kind,
            version: (cur?.version ?? 0) + 1,
            title: req.body.title,
            body: req.body.body,
            body_sha256: sha256Hex(req.body.body),
            created_by: a.userId,
            created_at: now,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await ctx.audit.record(trx, actorOf(req), {
          action: 'update',
          resourceType: 'consent_document',
          resourceId: r.id,
          category: 'configuration',
          details: { kind: r.kind, version: r.version },
        });
        return r;
      });
      return toDocument(row);
    },
  );
}
