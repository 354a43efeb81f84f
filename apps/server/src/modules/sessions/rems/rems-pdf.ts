/**
 * Renders the SPRAVATO REMS Patient Monitoring Form data (rems-form.ts) as a one-page PDF with pdf-lib.
 * A DRAFT watermark is drawn until the session is discharged (a draft from dosing on, final after discharge).
 * Standard PDF fonts cover WinAnsi only, so text is reduced to that set. Times are printed in the clinic's
 * zone and format (the form's `…Local` values), and the zone is named under the title.
 */
import { degrees, PDFDocument, rgb, StandardFonts } from 'pdf-lib';
import type { RemsForm } from './rems-form.ts';

const yn = (v: boolean | null | undefined) => (v === true ? 'Yes' : v === false ? 'No' : '-');
const ascii = (s: string) =>
  s
    .replace(/[≥]/g, '>=')
    .replace(/[–—]/g, '-')
    .replace(/[^\x20-\x7e\xa0-\xff]/g, '?');

export async function remsPdf(f: RemsForm): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle('SPRAVATO REMS Patient Monitoring Form');
  doc.setProducer('Plasticity');
  const page = doc.addPage([612, 792]);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  let y = 750;
  const line = (label: string, value: string) => {
    page.drawText(ascii(label), { x: 50, y, size: 9.5, font: bold });
    page.drawText(ascii(value).slice(0, 90), { x: 260, y, size: 9.5, font });
    y -= 17;
  };
  const head = (t: string) => {
    y -= 6;
    page.drawText(ascii(t), { x: 50, y, size: 11.5, font: bold, color: rgb(0.1, 0.2, 0.45) });
    y -= 18;
  };
  page.drawText('SPRAVATO REMS - Patient Monitoring Form', { x: 50, y, size: 16, font: bold });
  y -= 20;
  page.drawText(
    ascii(
      `${f.status === 'final' ? 'Final' : 'Draft'} - generated ${f.generatedAtLocal}${f.submittedAtLocal ? ` - marked submitted ${f.submittedAtLocal}` : ''} - times in ${f.timeZone}`,
    ),
    { x: 50, y, size: 9, font },
  );
  y -= 16;
  head('Patient');
  line('Patient name', f.patient.name);
  line('Date of birth', f.patient.dateOfBirth);
  line('Sex', f.patient.sex);
  line('First treatment', yn(f.firstTreatment));
  line('Enrolled in the REMS', yn(f.enrolmentConfirmed));
  line(
    'Patient REMS enrolment',
    f.enrolment ? `${f.enrolment.patientEnrolmentId} (enrolled ${f.enrolment.enrolledOn})` : '-',
  );
  head('Concomitant medications');
  const c = f.concomitant;
  line('Benzodiazepines', yn(c.benzodiazepines));
  line('Non-benzodiazepine hypnotics', yn(c.nonBenzodiazepineHypnotics));
  line('Psychostimulants', yn(c.psychostimulants));
  line('MAOIs', yn(c.maois));
  line('Opioids', yn(c.opioids));
  head('Setting and clinician');
  const mc = f.monitoringClinician as Record<string, string | undefined>;
  line('Monitoring clinician', [mc.name, mc.phone, mc.email].filter(Boolean).join(', ') || '-');
  line('Setting address', f.settingAddress || '-');
  line(
    'Setting REMS certification',
    f.enrolment ? `${f.enrolment.settingCertificationId} (certified ${f.enrolment.settingCertifiedOn})` : '-',
  );
  head('Treatment');
  line('Treatment date', f.treatmentDate ?? '-');
  line('First device', f.firstDeviceAtLocal ?? '-');
  line(
    'Dose',
    f.dose.category
      ? `${f.dose.category === 'other' ? `other (${f.dose.mg} mg)` : `${f.dose.category} mg`}`
      : '-',
  );
  line('Lot number(s)', f.dose.lots.join(', ') || '-');
  line(
    'Minutes, first device to end of monitoring',
    f.totalMonitoringMin === null ? '-' : String(f.totalMonitoringMin),
  );
  line(
    'Ready to leave without the 2-hour rule (min)',
    f.readyToLeaveMin === null ? '-' : String(f.readyToLeaveMin),
  );
  head('Vital signs');
  line('Vitals acceptable pre-dose', yn(f.vitalsAcceptablePreDose));
  line('Vitals acceptable at completion', yn(f.vitalsAcceptableAtCompletion));
  const bp = (x: RemsForm['bp']['preDose']) =>
    x
      ? `${x.sbp ?? '-'}/${x.dbp ?? '-'} mmHg at ${x.atLocal}${
          x.minutesAfterFirstDevice !== null && x.minutesAfterFirstDevice >= 0
            ? ` (${x.minutesAfterFirstDevice} min after first device)`
            : ''
        }`
      : '-';
  const flag = (field: string) => f.flags.find((x) => x.field === field)?.message;
  line('BP pre-dose', bp(f.bp.preDose));
  line(
    'BP about 40 min after dose',
    f.bp.at40Min ? bp(f.bp.at40Min) : `- (${flag('bp.at40Min') ?? 'not recorded'})`,
  );
  line('BP before completion', bp(f.bp.beforeCompletion));
  head('Observations');
  line('Sedation observed', yn(f.sedation));
  line('Dissociation observed', yn(f.dissociation));
  line('Respiratory depression observed', yn(f.respiratoryDepression));
  line('Serious adverse events', f.seriousAdverseEvents || 'None');
  if (f.status !== 'final') {
    page.drawText('DRAFT', {
      x: 140,
      y: 300,
      size: 120,
      font: bold,
      color: rgb(0.85, 0.2, 0.2),
      opacity: 0.18,
      rotate: degrees(35),
    });
  }
  return doc.save();
}
