/**
 * Demo notes for Fresh Start Ketamine (fictional patients): progress notes by the prescriber and the nurse,
 * integration notes by the therapist from the template (linked to the patient's last discharged session when
 * there is one), an addendum, and one psychotherapy note the demo therapist alone can read.
 */
import type { IntegrationSections } from '@plasticity/contracts';
import { toJson } from '@plasticity/db';
import type { ModuleContext } from '../../platform/module.ts';
import type { DemoSeedInfo } from '../../seed/demo.ts';

const DAY = 86_400_000;

interface DemoNote {
  patient: string;
  kind: 'progress' | 'integration' | 'psychotherapy';
  role: 'prescriber' | 'nurse' | 'therapist';
  daysAgo: number;
  body: string;
  sections?: IntegrationSections;
  addendum?: string;
}

const NOTES: DemoNote[] = [
  {
    patient: 'portal',
    kind: 'progress',
    role: 'prescriber',
    daysAgo: 20,
    body: 'Course reviewed. Tolerating infusions well; transient dissociation and mild nausea, resolved before discharge. Blood pressure within limits. Continue the series as planned.',
  },
  {
    patient: 'portal',
    kind: 'integration',
    role: 'therapist',
    daysAgo: 2,
    body: 'Integration visit the day after the infusion. Engaged and reflective; mood improving.',
    sections: {
      experience: 'Felt a sense of distance from long-standing self-criticism; images of walking by the sea.',
      insights: 'Noticed how much energy goes into anticipating other people’s disappointment.',
      intentions: 'Course intention "be kinder to myself" still fits; added "ask for help sooner".',
      actions: 'Morning walk three days a week; a short evening journal entry after hard days.',
      moodRisk: 'Mood 6 of 10, sleeping better. No thoughts of self-harm; safety plan reviewed.',
      plan: 'Next integration visit after the following infusion; share journal entries if wished.',
    },
    addendum: 'Patient called to add that the walking plan started today.',
  },
  {
    patient: 'portal',
    kind: 'psychotherapy',
    role: 'therapist',
    daysAgo: 2,
    body: 'Private process note: the pattern around the father relationship came up again; hypothesis of perfectionism as protection to explore further.',
  },
  {
    patient: 'p2',
    kind: 'progress',
    role: 'nurse',
    daysAgo: 6,
    body: 'Pre-dose check: fasting confirmed, escort present. Baseline vitals unremarkable. Session without incident.',
  },
  {
    patient: 'p2',
    kind: 'integration',
    role: 'therapist',
    daysAgo: 5,
    body: 'Integration visit two days after the session. Patient describes the experience as unsettling at first, then calm.',
    sections: {
      experience: 'Initial anxiety during onset, eased with breathing and music.',
      insights: 'Realised the worry about losing control was bigger than what happened.',
      actions: 'Practise the breathing exercise daily.',
      moodRisk: 'Mood steady; no safety concerns raised.',
      plan: 'Prepare for the next session with the same music and a written intention.',
    },
  },
];

export async function seedNotesDemo(ctx: ModuleContext, info: DemoSeedInfo): Promise<void> {
  const now = ctx.clock.now().getTime();
  await ctx.db.transaction().execute(async (trx) => {
    for (const n of NOTES) {
      const patientId = info.patientIds[n.patient];
      const authorId = info.userIds[n.role];
      if (!patientId || !authorId) continue;
      const session = await trx
        .selectFrom('dosing_sessions')
        .select('id')
        .where('clinic_id', '=', info.clinicId)
        .where('patient_id', '=', patientId)
        .where('discharged_at', 'is not', null)
        .orderBy('discharged_at', 'desc')
        .limit(1)
        .executeTakeFirst();
      const signedAt = new Date(now - n.daysAgo * DAY);
      const base = {
        clinic_id: info.clinicId,
        patient_id: patientId,
        session_id: n.kind === 'integration' ? (session?.id ?? null) : null,
        author_id: authorId,
        author_role: n.role,
        body: n.body,
        signed_at: signedAt,
      };
      if (n.kind === 'psychotherapy') {
        await trx
          .insertInto('psychotherapy_notes')
          .values({ ...base, custodian_id: authorId })
          .execute();
        continue;
      }
      const row = await trx
        .insertInto('clinical_notes')
        .values({
          ...base,
          kind: n.kind,
          sections: n.sections ? toJson<IntegrationSections | null>(n.sections) : null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (n.addendum)
        await trx
          .insertInto('clinical_note_addenda')
          .values({
            clinic_id: info.clinicId,
            note_id: row.id,
            author_id: authorId,
            author_role: n.role,
            body: n.addendum,
            signed_at: new Date(signedAt.getTime() + 6 * 3_600_000),
          })
          .execute();
    }
  });
}
