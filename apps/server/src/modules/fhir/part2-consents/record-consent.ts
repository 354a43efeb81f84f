/**
 * POST /api/v1/patients/{id}/part2-consents (admin, prescriber, therapist, nurse) → 201 Part2Consent: records a
 * patient's written consent to disclose their substance use disorder records to one of the clinic's FHIR system
 * clients (42 CFR 2.31(a), as amended in 2024: patient, recipient, purpose, the information, expiry date or event,
 * signature and its date). From then on, while it is in force, that client receives the patient's records within
 * its scope (fhir/part2.ts). 400 naming the field for a bad body, a recipient that is not an enabled client of
 * the clinic (`body.recipientClientId`), neither an expiry date nor an event (`body.expiresOn`), an expiry before
 * the signature (`body.expiresOn`) or a signature in the future (`body.signedOn`); nothing is stored. 404 for
 * another clinic's patient. Audited in the same transaction (category consent, no free text).
 */
import { IdParams, Part2Consent, RecordPart2ConsentRequest } from '@plasticity/contracts';
import { toJson } from '@plasticity/db';
import { badField, notFound } from '../../../platform/errors.ts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { allow } from '../../../platform/policy.ts';
import { actorOf, authOf } from '../../../platform/request-context.ts';
import { clinicDate } from '../../../platform/time-format.ts';
import { requirePatient } from '../../patients/require-patient.ts';
import { consentById, toPart2Consent } from './consent-rows.ts';
import { PART2_CONSENT_RECORDERS } from './roles.ts';

export function recordPart2ConsentRoute(app: ZodApp, ctx: ModuleContext) {
  app.post(
    '/api/v1/patients/:id/part2-consents',
    {
      config: { policy: allow.roles(...PART2_CONSENT_RECORDERS) },
      schema: {
        params: IdParams,
        body: RecordPart2ConsentRequest,
        response: { 201: Part2Consent },
        tags: ['consent'],
      },
    },
    async (req, reply) => {
      const a = authOf(req);
      const b = req.body;
      const now = ctx.clock.now();
      if (b.expiresOn === null && b.expiryEvent === null)
        throw badField('body.expiresOn', 'give the date or the event on which the consent expires');
      if (b.signedOn > clinicDate(now, a.timeZone)) throw badField('body.signedOn', 'is in the future');
      if (b.expiresOn !== null && b.expiresOn < b.signedOn)
        throw badField('body.expiresOn', 'is before the date the consent was signed');
      const row = await ctx.db.transaction().execute(async (trx) => {
        await requirePatient(trx, a.clinicId, req.params.id);
        const client = await trx
          .selectFrom('fhir_clients')
          .select('id')
          .where('clinic_id', '=', a.clinicId)
          .where('id', '=', b.recipientClientId)
          .where('disabled_at', 'is', null)
          .executeTakeFirst();
        if (!client)
          throw badField('body.recipientClientId', 'is not an enabled system client of the clinic');
        const inserted = await trx
          .insertInto('part2_disclosure_consents')
          .values({
            clinic_id: a.clinicId,
            patient_id: req.params.id,
            recipient_client_id: client.id,
            purpose: b.purpose,
            resource_types: b.resourceTypes === null ? null : toJson([...new Set(b.resourceTypes)]),
            information: b.information,
            expires_on: b.expiresOn,
            expiry_event: b.expiryEvent,
            signed_on: b.signedOn,
            signed_by_name: b.signedByName,
            recorded_by: a.userId,
            recorded_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await ctx.audit.record(trx, actorOf(req), {
          action: 'create',
          resourceType: 'part2_disclosure_consent',
          resourceId: inserted.id,
          patientId: req.params.id,
          category: 'consent',
          details: { recipientClientId: client.id, resourceTypes: b.resourceTypes },
        });
        const stored = await consentById(trx, a.clinicId, inserted.id, now);
        if (!stored) throw notFound('consent');
        return stored;
      });
      return reply.status(201).send(toPart2Consent(row));
    },
  );
}
