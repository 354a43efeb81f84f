/** Consent document and signature rows → API shapes; current documents of a clinic. */
import type { ConsentDocument, ConsentSignature } from '@plasticity/contracts';
import type { DB } from '@plasticity/db';
import type { Selectable } from 'kysely';
import { ensureLibrary } from '../library/ensure-library.ts';
import { type Executor, iso } from '../patient-and-settings.ts';

export type DocumentRow = Selectable<DB['plan_consent_documents']>;
export type SignatureRow = Selectable<DB['plan_consent_signatures']>;

export const toDocument = (r: DocumentRow): ConsentDocument => ({
  id: r.id,
  kind: r.kind as ConsentDocument['kind'],
  version: r.version,
  title: r.title,
  body: r.body,
  bodySha256: r.body_sha256,
  createdAt: r.created_at.toISOString(),
});

/** A signature row with the name of whoever handed over the clinic device (see `withHandedByName`). */
export type SignatureRowWithHandler = SignatureRow & { handed_by_name?: string | null };

export const toSignature = (r: SignatureRowWithHandler): ConsentSignature => ({
  id: r.id,
  patientId: r.patient_id,
  documentId: r.document_id,
  kind: r.kind as ConsentSignature['kind'],
  documentVersion: r.document_version,
  typedName: r.typed_name,
  signedAt: r.signed_at.toISOString(),
  sourceAddress: r.source_address,
  userAgent: r.user_agent,
  textSha256: r.text_sha256,
  withdrawnAt: iso(r.withdrawn_at),
  withdrawnReason: r.withdrawn_reason,
  signedVia: r.signed_via,
  handedBy: r.handed_by ? { id: r.handed_by, name: r.handed_by_name ?? '' } : null,
});

/** A patient's signatures (withdrawn ones included), newest first, with who handed over a clinic device. */
export function signaturesOf(db: Executor, clinicId: string, patientId: string) {
  return db
    .selectFrom('plan_consent_signatures as s')
    .leftJoin('users as u', 'u.id', 's.handed_by')
    .selectAll('s')
    .select('u.display_name as handed_by_name')
    .where('s.clinic_id', '=', clinicId)
    .where('s.patient_id', '=', patientId)
    .orderBy('s.signed_at', 'desc')
    .execute();
}

const KIND_ORDER = ['off_label_ketamine', 'kap', 'esketamine_rems', 'telehealth', 'financial'];

export async function currentDocuments(db: Executor, clinicId: string): Promise<DocumentRow[]> {
  await ensureLibrary(db, clinicId);
  const rows = await db
    .selectFrom('plan_consent_documents')
    .selectAll()
    .where('clinic_id', '=', clinicId)
    .where('superseded_at', 'is', null)
    .execute();
  return rows.sort((x, y) => KIND_ORDER.indexOf(x.kind) - KIND_ORDER.indexOf(y.kind));
}

/** Signatures in force (not withdrawn) of a patient, any document version. */
export function activeSignatures(db: Executor, clinicId: string, patientId: string) {
  return db
    .selectFrom('plan_consent_signatures')
    .selectAll()
    .where('clinic_id', '=', clinicId)
    .where('patient_id', '=', patientId)
    .where('withdrawn_at', 'is', null)
    .execute();
}
