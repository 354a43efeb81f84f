/**
 * The patient's record, whole, for the care team (admin, prescriber, nurse, therapist):
 * - GET /api/v1/patients/{id}/record-export — JSON (`RecordExport`): demographics, plans, sessions with doses,
 *   assessments, progress and integration notes with addenda;
 * - GET /api/v1/patients/{id}/record.pdf — the same as a printable PDF.
 * Neither ever includes a psychotherapy note, not even for its author (45 CFR 164.501, 164.524(a)(1)(i);
 * docs/clinical-sources.md#psychotherapy-notes). 200; 404 for a patient of another clinic (front desk and
 * patients: refused by the policy gate). Each export and print is audited.
 */
import { IdParams, RecordExport } from '@plasticity/contracts';
import type { ModuleContext, ZodApp } from '../../platform/module.ts';
import { actorOf, authOf } from '../../platform/request-context.ts';
import { READ_NOTES } from './policies.ts';
import { recordOf } from './record-data.ts';
import { renderRecordPdf } from './record-pdf.ts';

export function recordRoutes(app: ZodApp, ctx: ModuleContext) {
  app.get(
    '/api/v1/patients/:id/record-export',
    {
      config: { policy: READ_NOTES },
      schema: { params: IdParams, response: { 200: RecordExport }, tags: ['notes'] },
    },
    async (req, reply) => {
      const a = authOf(req);
      const record = await recordOf(ctx.db, a.clinicId, req.params.id, ctx.clock.now());
      await ctx.audit.record(ctx.db, actorOf(req), {
        action: 'export',
        resourceType: 'patient_record_export',
        patientId: req.params.id,
        category: 'notes',
        details: { notes: record.notes.length, format: 'json' },
      });
      return reply
        .header('content-disposition', `attachment; filename="record-${record.patient.mrn}.json"`)
        .send(record);
    },
  );

  app.get(
    '/api/v1/patients/:id/record.pdf',
    {
      config: { policy: READ_NOTES },
      schema: { params: IdParams, tags: ['notes'] },
    },
    async (req, reply) => {
      const a = authOf(req);
      const record = await recordOf(ctx.db, a.clinicId, req.params.id, ctx.clock.now());
      const pdf = await renderRecordPdf(record, a.timeZone);
      await ctx.audit.record(ctx.db, actorOf(req), {
        action: 'print',
        resourceType: 'patient_record_print',
        patientId: req.params.id,
        category: 'notes',
        details: { notes: record.notes.length },
      });
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="record-${record.patient.id}.pdf"`)
        .send(Buffer.from(pdf));
    },
  );
}
