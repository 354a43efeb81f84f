/**
 * Signing a consent document, two ways, with the same checks and the same record: typed name (must match
 * the name on record, loosely), time, IP address, user agent and the SHA-256 of the exact text signed
 * (ESIGN Act §7001/§7006; 21 CFR 11.50 signature manifestation: name, date/time, meaning). Only the
 * current version can be signed; a browser-computed hash must match.
 *
 * - POST /api/v1/patients/{id}/consents — the patient signs in the portal (only the patient themself).
 *   201 ConsentSignature (`signedVia: portal`).
 * - POST /api/v1/patients/{id}/consents/clinic-device — in the clinic: a staff member hands the patient a
 *   clinic device showing the document, and the patient reads, agrees and types their name there. Only
 *   when the clinic allows it (`clinicDeviceConsent` in clinic settings, else 409); recorded as
 *   `signedVia: clinic_device` with who handed the device over (`handedBy`), as for self-reports answered
 *   on a clinic device. Roles: prescriber, nurse, therapist, front desk. 201 ConsentSignature.
 *
 * Both: 404 unknown document, 409 superseded version / text changed / already signed, 400 name mismatch.
 */
import { ConsentSignature, IdParams, SignConsentRequest } from '@plasticity/contracts';
import type { FastifyRequest } from 'fastify';
import { AppError, badField, notFound } from '../../../platform/errors.ts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { allow } from '../../../platform/policy.ts';
import { actorOf, authOf } from '../../../platform/request-context.ts';
import { patientOf, sha256Hex } from '../patient-and-settings.ts';
import { type SignatureRowWithHandler, toSignature } from './consent-rows.ts';
import { nameMatches } from './name-match.ts';

/** Staff who may hand a patient a clinic device to sign (the roles that hand over self-report forms). */
const HANDERS = ['prescriber', 'nurse', 'therapist', 'front_desk'] as const;

async function recordSignature(
  ctx: ModuleContext,
  req: FastifyRequest,
  patientId: string,
  b: SignConsentRequest,
  handedBy: { id: string; name: string } | null,
): Promise<SignatureRowWithHandler> {
  const a = authOf(req);
  return ctx.db.transaction().execute(async (trx) => {
    const patient = await patientOf(trx, a.clinicId, patientId);
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
        // In the portal the patient's own account signs; on a clinic device the patient signs in person
        // and the account in use is the staff member's who handed it over (`handed_by`).
        signed_by: handedBy ? null : a.userId,
        signed_via: handedBy ? 'clinic_device' : 'portal',
        handed_by: handedBy?.id ?? null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await ctx.audit.record(trx, actorOf(req), {
      action: 'create',
      resourceType: 'consent_signature',
      resourceId: inserted.id,
      patientId: patient.id,
      category: 'consent',
      details: {
        kind: doc.kind,
        version: doc.version,
        textSha256: hash,
        signedVia: inserted.signed_via,
        ...(handedBy ? { handedBy: handedBy.id } : {}),
      },
    });
    return { ...inserted, handed_by_name: handedBy?.name ?? null };
  });
}

export function signConsentRoute(app: ZodApp, ctx: ModuleContext) {
  const schema = {
    params: IdParams,
    body: SignConsentRequest,
    response: { 201: ConsentSignature },
    tags: ['consent'],
  };
  app.post(
    '/api/v1/patients/:id/consents',
    { config: { policy: allow.roles().orSelf('id') }, schema },
    async (req, reply) =>
      reply.status(201).send(toSignature(await recordSignature(ctx, req, req.params.id, req.body, null))),
  );
  app.post(
    '/api/v1/patients/:id/consents/clinic-device',
    { config: { policy: allow.roles(...HANDERS) }, schema },
    async (req, reply) => {
      const a = authOf(req);
      if (!a.settings.clinicDeviceConsent)
        throw new AppError(
          'conflict',
          'this clinic does not have consents signed on clinic devices (an admin can turn it on in clinic settings)',
        );
      const row = await recordSignature(ctx, req, req.params.id, req.body, {
        id: a.userId,
        name: a.displayName,
      });
      return reply.status(201).send(toSignature(row));
    },
  );
}
