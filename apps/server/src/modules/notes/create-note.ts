/**
 * POST /api/v1/patients/{id}/notes {kind, body, sessionId?, sections?, citedJournalEntryIds?} — a note signed by its author as it is
 * written, locked from then on (changes are addenda). Roles: prescriber, nurse, therapist; each kind has its
 * writers (policies.ts): progress — prescriber, nurse, therapist; integration and psychotherapy — therapist,
 * prescriber. A psychotherapy note goes to its own table with the author as its custodian and only reader
 * (45 CFR 164.501). A progress or integration note may cite journal entries the patient shares with the care
 * team (note-citations.ts). 201 with the note; 400 naming the field (a session of another patient, template
 * sections on a note that is not an integration note, a cited entry that is private, another patient's or
 * unknown, citations on a psychotherapy note), nothing stored; 403 for a kind the role may not write; 404 for a
 * patient of another clinic. The audit entry never carries the note's text.
 */
import { ClinicalNote, CreateNoteRequest, IdParams, type IntegrationSections } from '@plasticity/contracts';
import { toJson } from '@plasticity/db';
import { badField, forbidden } from '../../platform/errors.ts';
import type { ModuleContext, ZodApp } from '../../platform/module.ts';
import { actorOf, authOf } from '../../platform/request-context.ts';
import { requirePatient } from '../patients/require-patient.ts';
import { storeCitations } from './note-citations.ts';
import { custodianNotes, type Executor, recordNotes } from './note-row.ts';
import { mayWrite, WRITE_NOTES } from './policies.ts';

async function checkSession(
  db: Executor,
  clinicId: string,
  patientId: string,
  sessionId: string | undefined,
) {
  if (!sessionId) return null;
  const s = await db
    .selectFrom('dosing_sessions')
    .select('id')
    .where('clinic_id', '=', clinicId)
    .where('patient_id', '=', patientId)
    .where('id', '=', sessionId)
    .executeTakeFirst();
  if (!s) throw badField('body.sessionId', "is not one of this patient's dosing sessions");
  return s.id;
}

export function createNoteRoute(app: ZodApp, ctx: ModuleContext) {
  app.post(
    '/api/v1/patients/:id/notes',
    {
      config: { policy: WRITE_NOTES },
      schema: { params: IdParams, body: CreateNoteRequest, response: { 201: ClinicalNote }, tags: ['notes'] },
    },
    async (req, reply) => {
      const a = authOf(req);
      const b = req.body;
      if (!mayWrite(a.role, b.kind)) throw forbidden(`your role may not write ${b.kind} notes`);
      if (b.sections && b.kind !== 'integration') throw badField('body.sections', 'is for integration notes');
      if (b.citedJournalEntryIds?.length && b.kind === 'psychotherapy')
        throw badField('body.citedJournalEntryIds', 'is for progress and integration notes');
      const now = ctx.clock.now();
      const note = await ctx.db.transaction().execute(async (trx) => {
        await requirePatient(trx, a.clinicId, req.params.id);
        const sessionId = await checkSession(trx, a.clinicId, req.params.id, b.sessionId);
        const base = {
          clinic_id: a.clinicId,
          patient_id: req.params.id,
          session_id: sessionId,
          author_id: a.userId,
          author_role: a.role,
          body: b.body,
          signed_at: now,
        };
        if (b.kind === 'psychotherapy') {
          const row = await trx
            .insertInto('psychotherapy_notes')
            .values({ ...base, custodian_id: a.userId })
            .returning('id')
            .executeTakeFirstOrThrow();
          await ctx.audit.record(trx, actorOf(req), {
            action: 'create',
            resourceType: 'psychotherapy_note',
            resourceId: row.id,
            patientId: req.params.id,
            category: 'psychotherapy_notes',
          });
          const [made] = await custodianNotes(trx, a.clinicId, a.userId, { noteId: row.id });
          return made;
        }
        const row = await trx
          .insertInto('clinical_notes')
          .values({
            ...base,
            kind: b.kind,
            sections:
              b.kind === 'integration' && b.sections ? toJson<IntegrationSections | null>(b.sections) : null,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await storeCitations(trx, a.clinicId, req.params.id, row.id, b.citedJournalEntryIds ?? []);
        await ctx.audit.record(trx, actorOf(req), {
          action: 'create',
          resourceType: 'clinical_note',
          resourceId: row.id,
          patientId: req.params.id,
          category: 'notes',
          details: { kind: b.kind, citedJournalEntries: b.citedJournalEntryIds?.length ?? 0 },
        });
        const [made] = await recordNotes(trx, a.clinicId, { noteId: row.id });
        return made;
      });
      if (!note) throw new Error('the note just written could not be read back');
      return reply.status(201).send(note);
    },
  );
}
