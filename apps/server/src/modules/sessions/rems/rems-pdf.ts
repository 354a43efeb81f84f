/**
 * Renders the SPRAVATO REMS Patient Monitoring Form data (rems-form.ts) as a PDF (platform/pdf: Unicode
 * fonts, so a patient's name prints as stored). Labels on the left, values wrapped in the right column,
 * never cut; a long form continues on a second page. A DRAFT watermark is drawn on every page until the
 * session is discharged (draft from dosing on, final after). Times are printed in the clinic's zone and
 * format (the form's `…Local` values), and the zone is named under the title.
 */
import { degrees, Pdf, rgb } from '../../../platform/pdf/document.ts';
import type { RemsForm } from './rems-form.ts';

const yn = (v: boolean | null | undefined) => (v === true ? 'Yes' : v === false ? 'No' : '-');
const [LABEL_X, VALUE_X, RIGHT] = [50, 260, 562];
const SIZE = 9.5;

export async function remsPdf(f: RemsForm): Promise<Uint8Array> {
  const pdf = await Pdf.create({
    pageSize: [612, 792],
    margin: 42,
    title: 'SPRAVATO REMS Patient Monitoring Form',
  });
  const line = async (label: string, value: string) => {
    const labels = await pdf.wrap(label, SIZE, VALUE_X - LABEL_X - 8, true);
    const values = await pdf.wrap(value, SIZE, RIGHT - VALUE_X);
    const rows = Math.max(labels.length, values.length);
    await pdf.ensure((rows - 1) * 12 + SIZE);
    for (const [i, l] of labels.entries())
      await pdf.line(l, LABEL_X, pdf.y - i * 12, { size: SIZE, bold: true });
    for (const [i, v] of values.entries()) await pdf.line(v, VALUE_X, pdf.y - i * 12, { size: SIZE });
    pdf.gap((rows - 1) * 12 + 17);
  };
  const head = async (t: string) => {
    pdf.gap(6);
    await pdf.ensure(11.5 + 18 + SIZE);
    await pdf.line(t, LABEL_X, pdf.y, { size: 11.5, bold: true, color: rgb(0.1, 0.2, 0.45) });
    pdf.gap(18);
  };
  await pdf.line('SPRAVATO REMS – Patient Monitoring Form', LABEL_X, pdf.y, { size: 16, bold: true });
  pdf.gap(20);
  await pdf.paragraph(
    `${f.status === 'final' ? 'Final' : 'Draft'} – generated ${f.generatedAtLocal}${f.submittedAtLocal ? ` – marked submitted ${f.submittedAtLocal}` : ''} – times in ${f.timeZone}`,
    { size: 9, indent: LABEL_X - 42 },
  );
  pdf.gap(16 - 9 * 1.4);
  await head('Patient');
  await line('Patient name', f.patient.name);
  await line('Date of birth', f.patient.dateOfBirth);
  await line('Sex', f.patient.sex);
  await line('First treatment', yn(f.firstTreatment));
  await line('Enrolled in the REMS', yn(f.enrolmentConfirmed));
  await line(
    'Patient REMS enrolment',
    f.enrolment ? `${f.enrolment.patientEnrolmentId} (enrolled ${f.enrolment.enrolledOn})` : '-',
  );
  await head('Concomitant medications');
  const c = f.concomitant;
  await line('Benzodiazepines', yn(c.benzodiazepines));
  await line('Non-benzodiazepine hypnotics', yn(c.nonBenzodiazepineHypnotics));
  await line('Psychostimulants', yn(c.psychostimulants));
  await line('MAOIs', yn(c.maois));
  await line('Opioids', yn(c.opioids));
  await head('Setting and clinician');
  const mc = f.monitoringClinician as Record<string, string | undefined>;
  await line('Monitoring clinician', [mc.name, mc.phone, mc.email].filter(Boolean).join(', ') || '-');
  await line('Setting address', f.settingAddress || '-');
  await line(
    'Setting REMS certification',
    f.enrolment ? `${f.enrolment.settingCertificationId} (certified ${f.enrolment.settingCertifiedOn})` : '-',
  );
  await head('Treatment');
  await line('Treatment date', f.treatmentDate ?? '-');
  await line('First device', f.firstDeviceAtLocal ?? '-');
  await line(
    'Dose',
    f.dose.category
      ? `${f.dose.category === 'other' ? `other (${f.dose.mg} mg)` : `${f.dose.category} mg`}`
      : '-',
  );
  await line('Lot number(s)', f.dose.lots.join(', ') || '-');
  await line(
    'Minutes, first device to end of monitoring',
    f.totalMonitoringMin === null ? '-' : String(f.totalMonitoringMin),
  );
  await line(
    'Ready to leave without the 2-hour rule (min)',
    f.readyToLeaveMin === null ? '-' : String(f.readyToLeaveMin),
  );
  await head('Vital signs');
  await line('Vitals acceptable pre-dose', yn(f.vitalsAcceptablePreDose));
  await line('Vitals acceptable at completion', yn(f.vitalsAcceptableAtCompletion));
  const bp = (x: RemsForm['bp']['preDose']) =>
    x
      ? `${x.sbp ?? '-'}/${x.dbp ?? '-'} mmHg at ${x.atLocal}${
          x.minutesAfterFirstDevice !== null && x.minutesAfterFirstDevice >= 0
            ? ` (${x.minutesAfterFirstDevice} min after first device)`
            : ''
        }${x.source === 'device' ? ` [bedside monitor, ${x.confirmed ? 'confirmed by nurse' : 'not confirmed'}]` : ''}`
      : '-';
  const flag = (field: string) => f.flags.find((x) => x.field === field)?.message;
  await line('BP pre-dose', bp(f.bp.preDose));
  await line(
    'BP about 40 min after dose',
    f.bp.at40Min ? bp(f.bp.at40Min) : `- (${flag('bp.at40Min') ?? 'not recorded'})`,
  );
  await line('BP before completion', bp(f.bp.beforeCompletion));
  await head('Observations');
  await line('Sedation observed', yn(f.sedation));
  await line('Dissociation observed', yn(f.dissociation));
  await line('Respiratory depression observed', yn(f.respiratoryDepression));
  await line('Serious adverse events', f.seriousAdverseEvents || 'None');
  if (f.status !== 'final') {
    for (const page of pdf.doc.getPages()) {
      pdf.page = page;
      await pdf.line('DRAFT', 140, 300, {
        size: 120,
        bold: true,
        color: rgb(0.85, 0.2, 0.2),
        opacity: 0.18,
        rotate: degrees(35),
      });
    }
  }
  return pdf.save();
}
