/**
 * GET /api/v1/patients/{id}/part2-consents/{consentId}/pdf (admin, prescriber, nurse, therapist) — the Part 2
 * disclosure consent as a PDF (platform/pdf), with every element of 42 CFR 2.31(a) (2024): the patient (1), the
 * program making the disclosure — the clinic, from its letterhead (2), the information (3), the recipient (4), the
 * purpose (5), expiry (6), the right to revoke (7), the signature and its date (8, 9); then its revocation or
 * entry in error, if any, and the notice of § 2.32 that accompanies each disclosure under it. A copy of it may be
 * sent with a disclosure (§ 2.32(b)). 404 for an unknown consent or another clinic's. Audited as an export.
 */
import { PART2_NOTICE } from '@plasticity/clinical/part2';
import { Part2ConsentParams } from '@plasticity/contracts';
import { notFound } from '../../../platform/errors.ts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { Pdf } from '../../../platform/pdf/document.ts';
import { allow } from '../../../platform/policy.ts';
import { actorOf, authOf } from '../../../platform/request-context.ts';
import { formatDate, stamp } from '../../../platform/time-format.ts';
import { clinicLetterhead } from '../../clinic/clinic-settings.ts';
import { requirePatient } from '../../patients/require-patient.ts';
import { consentById } from './consent-rows.ts';
import { PART2_CONSENT_RECORDERS } from './roles.ts';

const day = (d: string) => formatDate(new Date(`${d}T12:00:00Z`), 'UTC');

export function part2ConsentPdfRoute(app: ZodApp, ctx: ModuleContext) {
  app.get(
    '/api/v1/patients/:id/part2-consents/:consentId/pdf',
    {
      config: { policy: allow.roles(...PART2_CONSENT_RECORDERS) },
      schema: { params: Part2ConsentParams, tags: ['consent'] },
    },
    async (req, reply) => {
      const a = authOf(req);
      const patient = await requirePatient(ctx.db, a.clinicId, req.params.id);
      const c = await consentById(ctx.db, a.clinicId, req.params.consentId, ctx.clock.now());
      if (!c || c.patient_id !== patient.id) throw notFound('consent');
      const clinic = await clinicLetterhead(ctx.db, a.clinicId);
      const title = 'Consent to disclose substance use disorder records (42 CFR Part 2)';
      const pdf = await Pdf.create({ pageSize: [612, 792], margin: 54, title });
      for (const h of [clinic.name, clinic.address, clinic.phone ? `Phone ${clinic.phone}` : ''].filter(
        Boolean,
      ))
        await pdf.paragraph(h, { size: 9 });
      pdf.gap(8);
      await pdf.paragraph(title, { size: 14, bold: true });
      pdf.gap(6);
      const expiry = [
        c.expires_on ? `on ${day(c.expires_on)}` : null,
        c.expiry_event ? `on ${c.expiry_event}` : null,
      ]
        .filter((s): s is string => s !== null)
        .join(', or ');
      const elements: Array<[string, string]> = [
        ['Patient', `${patient.first_name} ${patient.last_name}, born ${day(patient.date_of_birth)}`],
        ['Program permitted to disclose', clinic.name],
        [
          'Information to be disclosed',
          `${c.information} (${c.resource_types === null ? 'all records held by the program' : `records of these kinds: ${c.resource_types.join(', ')}`})`,
        ],
        ['Recipient', `${c.recipient_name} (system client ${c.recipient_client_id})`],
        ['Purpose of the disclosure', c.purpose],
        ['This consent expires', expiry],
        [
          'Right to revoke',
          'I may revoke this consent at any time, in writing, except to the extent that the program has already ' +
            'acted in reliance on it.',
        ],
        ['Signed by', c.signed_by_name],
        ['Date signed', day(c.signed_on)],
      ];
      for (const [label, value] of elements) {
        await pdf.paragraph(label, { size: 10, bold: true });
        await pdf.paragraph(value, { size: 10 });
        pdf.gap(4);
      }
      await pdf.paragraph(
        `Recorded at ${stamp(c.recorded_at, a.timeZone)} by ${c.recorded_by_name ?? 'staff'}`,
        {
          size: 9,
        },
      );
      if (c.revoked_at)
        await pdf.paragraph(`REVOKED at ${stamp(c.revoked_at, a.timeZone)}: ${c.revoked_reason ?? ''}`, {
          size: 10,
          bold: true,
        });
      if (c.entered_in_error_at)
        await pdf.paragraph(
          `ENTERED IN ERROR at ${stamp(c.entered_in_error_at, a.timeZone)}: ${c.entered_in_error_reason ?? ''}`,
          { size: 10, bold: true },
        );
      pdf.gap(10);
      await pdf.paragraph('Notice sent with each disclosure (42 CFR 2.32)', { size: 11, bold: true });
      await pdf.paragraph(PART2_NOTICE, { size: 9 });
      const bytes = await pdf.save();
      await ctx.audit.record(ctx.db, actorOf(req), {
        action: 'export',
        resourceType: 'part2_disclosure_consent',
        resourceId: c.id,
        patientId: c.patient_id,
        category: 'consent',
        details: { format: 'pdf' },
      });
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="part2-consent-${c.id}.pdf"`)
        .send(Buffer.from(bytes));
    },
  );
}
