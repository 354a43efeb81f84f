/** API shapes of consent: the clinic's consent documents, a patient's signatures, signing and withdrawal. */
import { z } from 'zod';
import { Uuid } from './common.ts';

const shortText = (max: number) => z.string().trim().min(1).max(max);

export const ConsentKind = z.enum([
  'off_label_ketamine',
  'kap',
  'esketamine_rems',
  'telehealth',
  'financial',
]);
/** What people call each consent kind (screens and server messages). */
export type ConsentKind = z.infer<typeof ConsentKind>;
export const CONSENT_KIND_LABELS: Readonly<Record<z.infer<typeof ConsentKind>, string>> = {
  off_label_ketamine: 'Off-label ketamine',
  kap: 'Ketamine-assisted psychotherapy',
  esketamine_rems: 'Esketamine REMS enrollment',
  telehealth: 'Telehealth',
  financial: 'Financial policy',
};

export const ConsentDocument = z.object({
  id: Uuid,
  kind: ConsentKind,
  version: z.number(),
  title: z.string(),
  body: z.string(),
  bodySha256: z.string(),
  createdAt: z.string(),
});
export type ConsentDocument = z.infer<typeof ConsentDocument>;
export const ConsentDocumentList = z.object({ items: z.array(ConsentDocument) });
export const UpdateConsentDocumentRequest = z
  .object({ title: shortText(200), body: shortText(50_000) })
  .strict();
export const ConsentKindParams = z.object({ kind: ConsentKind });
export const ConsentSignedVia = z.enum(['portal', 'clinic_device']);
export type ConsentSignedVia = z.infer<typeof ConsentSignedVia>;
export const ConsentSignature = z.object({
  id: Uuid,
  patientId: Uuid,
  documentId: Uuid,
  kind: ConsentKind,
  documentVersion: z.number(),
  typedName: z.string(),
  signedAt: z.string(),
  sourceAddress: z.string().nullable(),
  userAgent: z.string().nullable(),
  textSha256: z.string(),
  withdrawnAt: z.string().nullable(),
  withdrawnReason: z.string().nullable(),
  /** `portal`: the patient's own account; `clinic_device`: in the clinic, on a device staff handed over. */
  signedVia: ConsentSignedVia,
  /** Who handed the clinic device to the patient (null for portal signatures). */
  handedBy: z.object({ id: Uuid, name: z.string() }).nullable(),
});
export type ConsentSignature = z.infer<typeof ConsentSignature>;
export const PatientConsents = z.object({
  documents: z.array(ConsentDocument),
  signatures: z.array(ConsentSignature),
});
export type PatientConsents = z.infer<typeof PatientConsents>;
export const SignConsentRequest = z
  .object({
    documentId: Uuid,
    typedName: shortText(200),
    /** Optional: the SHA-256 the browser computed of the text it showed; must match the stored text. */
    textSha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/, 'must be a lowercase hex SHA-256')
      .optional(),
    agree: z.literal(true),
  })
  .strict();
export type SignConsentRequest = z.infer<typeof SignConsentRequest>;
export const SignatureParams = z.object({ id: Uuid, signatureId: Uuid });
export const WithdrawConsentRequest = z.object({ reason: shortText(1000) }).strict();
