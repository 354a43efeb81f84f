/**
 * The patient's record as a printable PDF (US Letter portrait, through platform/pdf): demographics, plans,
 * sessions with their doses, assessments, and progress and integration notes with their addenda — the value
 * recordOf() builds, which never holds a psychotherapy note. Times are printed in the clinic's time zone.
 */
import { getInstrument } from '@plasticity/clinical/instruments';
import { type ClinicalNote, type RecordExport, wordsOf } from '@plasticity/contracts';
import { Pdf } from '../../platform/pdf/document.ts';
import { stamp } from '../../platform/time-format.ts';

/** Codes printed as people say them; any other code reads as words ("in_chair" → "In chair"). */
const CODE_WORDS: Readonly<Record<string, string>> = {
  trd: 'Depression (treatment-resistant)',
  mdd_with_suicidal_ideation: 'Major depression with suicidal thoughts',
  ptsd: 'PTSD',
  iv: 'IV',
  im: 'IM',
  ketamine: 'Ketamine (racemic)',
};
const words = (code: string) => CODE_WORDS[code] ?? wordsOf(code);

const SECTION_TITLES: Record<string, string> = {
  experience: 'Experience and themes',
  insights: 'Insights',
  intentions: 'Intentions revisited',
  actions: 'Actions for daily life',
  moodRisk: 'Mood and risk check',
  plan: 'Plan',
};

export async function renderRecordPdf(r: RecordExport, timeZone: string): Promise<Uint8Array> {
  const p = r.patient;
  const pdf = await Pdf.create({
    pageSize: [612, 792],
    margin: 48,
    title: `Patient record ${p.mrn}`,
    subject: r.clinicName,
  });
  const at = (t: string | null) => stamp(t, timeZone);
  const heading = async (text: string) => {
    pdf.gap(8);
    await pdf.ensure(40);
    await pdf.paragraph(text, { size: 12, bold: true });
  };
  const body = (text: string, indent = 0) => pdf.paragraph(text, { size: 9.5, indent });

  await pdf.paragraph(r.clinicName, { size: 10 });
  await pdf.paragraph(`Patient record: ${p.lastName}, ${p.firstName}`, { size: 15, bold: true });
  await body(`Printed ${at(r.generatedAt)}`);

  await heading('Demographics');
  await body(`Name: ${p.firstName} ${p.lastName}`);
  await body(`Record number: ${p.mrn}`);
  await body(`Date of birth: ${p.dateOfBirth}`);
  await body(`Sex: ${words(p.sex)}`);
  if (p.phone) await body(`Phone: ${p.phone}`);
  if (p.email) await body(`Email: ${p.email}`);

  await heading('Treatment plans');
  if (r.plans.length === 0) await body('None.');
  for (const t of r.plans)
    await body(
      `${t.protocolName || 'Plan'} (${t.indications.map(words).join(', ') || 'no indication'}): ${words(t.status)}` +
        `, ${t.sessionsCompleted} of ${t.plannedSessions} sessions, created ${at(t.createdAt)}` +
        `${t.enteredInError ? ' [entered in error]' : ''}`,
    );

  await heading('Dosing sessions');
  if (r.sessions.length === 0) await body('None.');
  for (const s of r.sessions) {
    await body(
      `${at(s.scheduledAt)}, ${s.chair}: ${words(s.status)}${s.dischargedAt ? `, discharged ${at(s.dischargedAt)}` : ''}`,
    );
    for (const d of s.doses)
      await body(
        `${words(d.drug)} ${d.doseMg} mg ${words(d.route)} at ${at(d.startedAt)}${d.enteredInError ? ' [entered in error]' : ''}`,
        14,
      );
  }

  await heading('Assessments');
  if (r.assessments.length === 0) await body('None.');
  for (const x of r.assessments)
    await body(
      `${at(x.administeredAt)} ${getInstrument(x.instrumentId)?.name ?? x.instrumentId}: ${x.total}` +
        `${x.severity ? ` (${words(x.severity)})` : ''}${x.enteredInError ? ' [entered in error]' : ''}`,
    );

  await heading('Progress and integration notes');
  if (r.notes.length === 0) await body('None.');
  for (const n of r.notes) await note(n);
  return pdf.save();

  async function note(n: ClinicalNote) {
    pdf.gap(4);
    await pdf.ensure(30);
    await pdf.paragraph(
      `${n.kind === 'integration' ? 'Integration note' : 'Progress note'}, signed by ${n.authorName} ${at(n.signedAt)}`,
      { size: 10, bold: true },
    );
    if (n.status === 'entered_in_error')
      await body(
        `Entered in error ${at(n.enteredInErrorAt)} by ${n.enteredInErrorByName ?? ''}: ${n.enteredInErrorReason ?? ''}`,
      );
    await body(n.body);
    for (const [key, title] of Object.entries(SECTION_TITLES)) {
      const text = n.sections?.[key as keyof typeof n.sections];
      if (text) await body(`${title}: ${text}`, 10);
    }
    for (const d of n.addenda) await body(`Addendum by ${d.authorName}, ${at(d.signedAt)}: ${d.body}`, 10);
  }
}
