/**
 * POST /api/v1/patients/{id}/consents — the patient signs a consent document in the portal: typed name
 * (must match the name on record, loosely), time, IP address, user agent and the SHA-256 of the exact text
 * signed (ESIGN Act §7001/§7006; 21 CFR 11.50 signature manifestation: name, date/time, meaning). Only the
 * patient themself signs; only the current version can be signed; a browser-computed hash must match.
 */
import { ConsentSignature, IdParams, SignConsentRequest } from '@plasticity/contracts';
import { AppError, badField, notFound } from '../../../platform/errors.ts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { allow } from '../../../platform/policy.ts';
import { actorOf, authOf } from '../../../platform/request-context.ts';
import { patientOf, sha256Hex } from '../shared.ts';
import { toSignature } from './consent-rows.ts';
import { nameMatches } from './name-match.ts';

export function signConsentRoute(app: ZodApp, ctx: ModuleContext) {
  app.post(
    '/api/v1/patients/:id/consents',
    {
      config: { policy: allow.roles().orSelf('id') },
      schema: {
        params: IdParams,
        body: SignConsentRequest,
        response: { 201: ConsentSignature },
        tags: ['consent'],
      },
    },
    async (req, reply) => {
      const a = authOf(req);
      const b = req.body;
      const row = await ctx.db.transaction().execute(async (trx) => {
        const patient = await patientOf(trx, a.clinicId, req.params.id);
        const doc = await trx
          .selectFrom('plan_consent_documents')
          .selectAll()
          .where('clinic_id', '=', a.clinicId)
          .where('id', '=', b.documentId)
          .executeTakeFirst();
        if (!doc) throw notFound('consent document');
        if (doc.superseded_at)
          throw new AppError(
            'conflict',
            'a newer version of this document exists: read and sign the current version',
            [{ field: 'body.documentId', message: 'is not the current version' }],
          );
        const hash = sha256Hex(doc.body);
        if (hash !== doc.body_sha256)
          throw new AppError('internal', 'stored consent text does not match its hash');
        if (b.textSha256 && b.textSha256 !== hash)
          throw new AppError(
            'conflict',
            'the text shown differs from the current document: reload and read it again',
            [{ field: 'body.textSha256', message: 'does not match the document text' }],
          );
        if (!nameMatches(b.typedName, patient.first_name, patient.last_name))
          throw badField('body.typedName', 'must be your full name as the clinic has it on record');
        const already = await trx
          .selectFrom('plan_consent_signatures')
          .select('id')
          .where('clinic_id', '=', a.clinicId)
          .where('patient_id', '=', patient.id)
          .where('document_id', '=', doc.id)
          .where('withdrawn_at', 'is', null)
          .executeTakeFirst();
        if (already)
          throw new AppError('conflict', 'this document is already signed', [
            { field: 'body.documentId', message: 'already signed' },
          ]);
        const ua = req.headers['user-agent'];
        const inserted = await trx
          .insertInto('plan_consent_signatures')
          .values({
            clinic_id: a.clinicId,
            patient_id: patient.id,
            document_id: doc.id,
            kind: doc.kind,
            document_version: doc.version,
            typed_name: b.typedName,
            signed_at: ctx.clock.now(),
            source_address: req.ip ?? null,
            user_agent: typeof ua === 'string' ? ua.slice(0, 500) : null,
            text_sha256: hash,
            signed_by: a.userId,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await ctx.audit.record(trx, actorOf(req), {
          action: 'create',
          resourceType: 'consent_signature',
          resourceId: inserted.id,
          patientId: patient.id,
          category: 'consent',
          details: { kind: doc.kind, version: doc.version, textSha256: hash },
        });
        return inserted;
      });
      return reply.status(201).send(toSignature(row));
    },
  );
}
