/**
 * GET /api/v1/patients/{id}/consents/{signatureId}/pdf — the signed consent as a PDF (platform/pdf, Unicode
 * fonts embedded): the exact text signed, character for character, then the signature manifestation
 * (21 CFR 11.50: printed name, date and time, meaning) with IP address, user agent and the SHA-256 of the text, how it was signed (portal, or a clinic device and who
 * handed it over), and withdrawal if any; headed by the clinic's name, address and phone (clinic settings).
 * Audited as an export.
 */
import { SignatureParams } from '@plasticity/contracts';
import type { DB } from '@plasticity/db';
import type { Kysely } from 'kysely';
import { notFound } from '../../../platform/errors.ts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { Pdf } from '../../../platform/pdf/document.ts';
import { allow, CLINICAL_READERS } from '../../../platform/policy.ts';
import { actorOf, authOf } from '../../../platform/request-context.ts';
import { stamp } from '../../../platform/time-format.ts';
import { clinicLetterhead } from '../../clinic/clinic-settings.ts';

/** The consent as signed: letterhead, title, the exact text, then the signature manifestation. */
export async function renderConsentPdf(
  title: string,
  body: string,
  manifest: string[],
  letterhead: string[] = [],
): Promise<Uint8Array> {
  const pdf = await Pdf.create({ pageSize: [612, 792], margin: 54, title });
  for (const h of letterhead) await pdf.paragraph(h, { size: 9 });
  if (letterhead.length > 0) pdf.gap(8);
  await pdf.paragraph(title, { size: 14, bold: true });
  pdf.gap(6);
  await pdf.paragraph(body, { size: 10 });
  pdf.gap(10);
  await pdf.paragraph('Electronic signature', { size: 12, bold: true });
  for (const m of manifest) await pdf.paragraph(m, { size: 10 });
  return pdf.save();
}

/**
 * One signed consent of the clinic's patient as its PDF (null when the clinic has no such signature): the route
 * below and `plasticity export clinic` print it the same way.
 */
export async function signedConsentPdf(
  db: Kysely<DB>,
  clinicId: string,
  patientId: string,
  signatureId: string,
  timeZone: string,
): Promise<{ id: string; patientId: string; pdf: Uint8Array } | null> {
  const s = await db
    .selectFrom('plan_consent_signatures as s')
    .innerJoin('plan_consent_documents as d', 'd.id', 's.document_id')
    .leftJoin('users as u', 'u.id', 's.handed_by')
    .select([
      's.id',
      's.patient_id',
      's.typed_name',
      's.signed_at',
      's.source_address',
      's.user_agent',
      's.text_sha256',
      's.withdrawn_at',
      's.withdrawn_reason',
      'd.title',
      'd.body',
      'd.version',
      'd.kind',
      's.signed_via',
      'u.display_name as handed_by_name',
    ])
    .where('s.clinic_id', '=', clinicId)
    .where('s.patient_id', '=', patientId)
    .where('s.id', '=', signatureId)
    .executeTakeFirst();
  if (!s) return null;
  const manifest = [
    `Signed by typed name: ${s.typed_name}`,
    `Meaning: I have read this document in full and agree to it.`,
    `Signed at: ${stamp(s.signed_at, timeZone)}`,
    s.signed_via === 'clinic_device'
      ? `Signed in the clinic on a clinic device handed to the patient by ${s.handed_by_name ?? 'a staff member'}`
      : 'Signed by the patient in the patient portal',
    `From IP address: ${s.source_address ?? 'unknown'}`,
    `User agent: ${s.user_agent ?? 'unknown'}`,
    `Document: ${s.title}, version ${s.version}`,
    `SHA-256 of the text signed: ${s.text_sha256}`,
    ...(s.withdrawn_at
      ? [`WITHDRAWN at ${stamp(s.withdrawn_at, timeZone)}: ${s.withdrawn_reason ?? ''}`]
      : []),
  ];
  const clinic = await clinicLetterhead(db, clinicId);
  const letterhead = [clinic.name, clinic.address, clinic.phone ? `Phone ${clinic.phone}` : ''].filter(
    Boolean,
  );
  return {
    id: s.id,
    patientId: s.patient_id,
    pdf: await renderConsentPdf(s.title, s.body, manifest, letterhead),
  };
}

export function consentPdfRoute(app: ZodApp, ctx: ModuleContext) {
  app.get(
    '/api/v1/patients/:id/consents/:signatureId/pdf',
    {
      config: { policy: allow.roles(...CLINICAL_READERS).orSelf('id') },
      schema: { params: SignatureParams, tags: ['consent'] },
    },
    async (req, reply) => {
      const a = authOf(req);
      const s = await signedConsentPdf(ctx.db, a.clinicId, req.params.id, req.params.signatureId, a.timeZone);
      if (!s) throw notFound('consent signature');
      await ctx.audit.record(ctx.db, actorOf(req), {
        action: 'export',
        resourceType: 'consent_signature',
        resourceId: s.id,
        patientId: s.patientId,
        category: 'consent',
        details: { format: 'pdf' },
      });
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="consent-${s.id}.pdf"`)
        .send(Buffer.from(s.pdf));
    },
  );
}
