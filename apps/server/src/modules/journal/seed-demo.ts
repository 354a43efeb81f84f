/**
 * Demo journal for Fresh Start Ketamine: the clinic's prompt library (the starter prompts), journal entries of
 * the portal patient over the last three weeks — some shared with the care team, some private — a few shared
 * entries of other patients, and daily mood check-ins for the last three weeks (the portal patient's rising
 * slowly, with the odd low day). Times are counted back from ctx.clock, so the data is the same for the same
 * start time. Fictional text, written for the demo.
 */
import type { DB } from '@plasticity/db';
import type { Insertable } from 'kysely';
import type { ModuleContext } from '../../platform/module.ts';
import type { DemoSeedInfo } from '../../seed/demo.ts';
import { ensurePrompts } from './prompts/ensure-prompts.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface DemoEntry {
  patient: string;
  daysAgo: number;
  hour: number;
  phase: 'before_session' | 'evening_after' | 'week_after' | 'any' | null;
  shared: boolean;
  text: string;
}

const ENTRIES: DemoEntry[] = [
  {
    patient: 'portal',
    daysAgo: 19,
    hour: 21,
    phase: 'before_session',
    shared: true,
    text: 'I am nervous about tomorrow. I want to go in with an open mind and not try to control everything.',
  },
  {
    patient: 'portal',
    daysAgo: 18,
    hour: 22,
    phase: 'evening_after',
    shared: true,
    text: 'The colors were the first thing. Then a long stretch where I felt far away from my own worries, like watching them from a hill. Tired now but calm.',
  },
  {
    patient: 'portal',
    daysAgo: 16,
    hour: 20,
    phase: null,
    shared: false,
    text: 'Argued with my sister again. I do not want to bring this up in therapy yet.',
  },
  {
    patient: 'portal',
    daysAgo: 12,
    hour: 19,
    phase: 'week_after',
    shared: true,
    text: 'I walked to the park twice this week. Small, but I had not done that in months.',
  },
  {
    patient: 'portal',
    daysAgo: 8,
    hour: 23,
    phase: 'any',
    shared: false,
    text: 'Bad night. Could not sleep and kept thinking about work. Writing it down helps a little.',
  },
  {
    patient: 'portal',
    daysAgo: 2,
    hour: 21,
    phase: 'evening_after',
    shared: true,
    text: 'This time I remembered the intention I wrote down. When the fear came up I let it pass instead of fighting it.',
  },
  {
    patient: 'p2',
    daysAgo: 6,
    hour: 20,
    phase: 'evening_after',
    shared: true,
    text: 'Felt heavy at first, then lighter. I want to talk about my dad next time.',
  },
  {
    patient: 'p3',
    daysAgo: 4,
    hour: 18,
    phase: 'week_after',
    shared: true,
    text: 'Noticed I was less irritable in traffic. My partner noticed too.',
  },
  {
    patient: 'p3',
    daysAgo: 3,
    hour: 22,
    phase: null,
    shared: false,
    text: 'Not ready to share this one. Just getting it out of my head.',
  },
];

/** Portal patient's mood, oldest day first (21 days ago … today): rising slowly with a few low days. */
const PORTAL_MOOD = [3, 3, 4, 2, 4, 5, 4, 5, 5, 6, 4, 5, 6, 6, 7, 5, 6, 7, 7, 6, 7, 8];
const OTHER_MOOD: Record<string, number[]> = { p2: [4, 4, 5, 5, 6, 5, 6], p3: [6, 5, 6, 6, 7, 7, 7] };

export async function seedJournalDemo(ctx: ModuleContext, info: DemoSeedInfo): Promise<void> {
  const now = ctx.clock.now().getTime();
  const clinicId = info.clinicId;
  await ctx.db.transaction().execute(async (trx) => {
    await ensurePrompts(trx, clinicId);
    const prompts = await trx
      .selectFrom('journal_prompts')
      .select(['id', 'text', 'phase'])
      .where('clinic_id', '=', clinicId)
      .orderBy('sort_order')
      .execute();
    const entries: Insertable<DB['journal_entries']>[] = [];
    for (const e of ENTRIES) {
      const patientId = info.patientIds[e.patient];
      if (!patientId) continue;
      const prompt = e.phase ? prompts.find((p) => p.phase === e.phase) : undefined;
      const at = new Date(now - e.daysAgo * DAY + (e.hour - 12) * HOUR);
      entries.push({
        clinic_id: clinicId,
        patient_id: patientId,
        text: e.text,
        prompt_id: prompt?.id ?? null,
        prompt_text: prompt?.text ?? null,
        shared: e.shared,
        shared_at: e.shared ? at : null,
        created_at: at,
        updated_at: at,
      });
    }
    if (entries.length) await trx.insertInto('journal_entries').values(entries).execute();

    const moods: Insertable<DB['mood_checkins']>[] = [];
    const series: Array<[string, number[]]> = [['portal', PORTAL_MOOD], ...Object.entries(OTHER_MOOD)];
    for (const [key, scores] of series) {
      const patientId = info.patientIds[key];
      if (!patientId) continue;
      scores.forEach((score, i) => {
        const daysAgo = scores.length - 1 - i;
        moods.push({
          clinic_id: clinicId,
          patient_id: patientId,
          score,
          note: null,
          // Mornings, except today's, which is an hour ago (so it is always in the past).
          recorded_at: new Date(daysAgo === 0 ? now - HOUR : now - daysAgo * DAY - 3 * HOUR),
        });
      });
    }
    if (moods.length) await trx.insertInto('mood_checkins').values(moods).execute();
  });
}
