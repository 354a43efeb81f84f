/**
 * GET /api/v1/portal/journal/prompts — the prompts the portal offers the signed-in patient now: the phase of
 * their course (from their last discharged dosing session and their next booked dosing visit, `journalPhase`)
 * and the active prompts of the clinic's library for that phase and the protocol of their current plan
 * (`promptsForPhase`; docs/clinical-sources.md#journal-prompts-and-mood-check-in), with the phase windows of the
 * clinic's settings (`journal`, defaults 24 h, 48 h, 7 days). Role patient only.
 * 200 PortalJournalPrompts. Audited: the answer depends on the patient's sessions and visits.
 */
import { journalPhase, promptsForPhase } from '@plasticity/clinical/integration/journal-phase';
import { PortalJournalPrompts } from '@plasticity/contracts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { actorOf, authOf } from '../../../platform/request-context.ts';
import { readClinicSettings } from '../../clinic/settings-store.ts';
import { ownPatientId } from '../../scheduling/portal/slot-view.ts';
import { PATIENT_ONLY } from '../policies.ts';
import { ensurePrompts } from './ensure-prompts.ts';
import { promptView, selectPrompts } from './prompt-view.ts';

export function listPortalPromptsRoute(app: ZodApp, ctx: ModuleContext) {
  app.get(
    '/api/v1/portal/journal/prompts',
    {
      config: { policy: PATIENT_ONLY },
      schema: { response: { 200: PortalJournalPrompts }, tags: ['journal'] },
    },
    async (req) => {
      const a = authOf(req);
      const patientId = ownPatientId(a);
      const now = ctx.clock.now();
      await ensurePrompts(ctx.db, a.clinicId);
      const discharged = await ctx.db
        .selectFrom('dosing_sessions')
        .select('discharged_at')
        .where('clinic_id', '=', a.clinicId)
        .where('patient_id', '=', patientId)
        .where('discharged_at', 'is not', null)
        .where('discharged_at', '<=', now)
        .orderBy('discharged_at', 'desc')
        .limit(1)
        .executeTakeFirst();
      const next = await ctx.db
        .selectFrom('appointments')
        .select('start_at')
        .where('clinic_id', '=', a.clinicId)
        .where('patient_id', '=', patientId)
        .where('type', '=', 'dosing')
        .where('status', '=', 'booked')
        .where('start_at', '>', now)
        .orderBy('start_at')
        .limit(1)
        .executeTakeFirst();
      const plan = await ctx.db
        .selectFrom('plan_treatment_plans as t')
        .innerJoin('plan_protocols as p', 'p.id', 't.protocol_id')
        .select('p.protocol_key')
        .where('t.clinic_id', '=', a.clinicId)
        .where('t.patient_id', '=', patientId)
        .where('t.status', 'in', ['approved', 'active'])
        .where('t.entered_in_error_at', 'is', null)
        .orderBy('t.created_at', 'desc')
        .orderBy('t.seq', 'desc')
        .limit(1)
        .executeTakeFirst();
      const { journal: windows } = await readClinicSettings(ctx.db, a.clinicId);
      const phase = journalPhase({
        now,
        windows,
        lastDischargedAt: discharged?.discharged_at ?? null,
        nextDosingAt: next?.start_at ?? null,
      });
      const library = (await selectPrompts(ctx.db, a.clinicId).execute()).map(promptView);
      const items = promptsForPhase(library, phase, plan?.protocol_key ?? null);
      await ctx.audit.record(ctx.db, actorOf(req), {
        action: 'read',
        resourceType: 'journal_prompt',
        patientId,
        category: 'journal',
        details: { via: 'portal', phase },
      });
      return { phase, items: items.map((p) => ({ id: p.id, text: p.text, phase: p.phase })) };
    },
  );
}
