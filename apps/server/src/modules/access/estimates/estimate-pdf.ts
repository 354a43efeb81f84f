/**
 * Renders a good-faith estimate as the PDF the patient receives, with every element of 45 CFR 149.610(c)(1) as
 * text (docs/clinical-sources.md#good-faith-estimates): (i) the patient's name and date of birth; (ii) the primary
 * service and its scheduled date; (iii)–(iv) the expected items and services grouped by provider, each with its
 * service code, diagnosis codes and expected charge; (v) each provider's name, NPI and TIN and the state and
 * location where care is given; (vi) the items that need separate scheduling; (vii)–(x) the disclaimers (other
 * services may be recommended, an estimate only, the right to dispute a bill $400 or more above it with how to
 * start it and that doing so does not affect care (45 CFR 149.620), not a contract).
 */
import { formatDate } from '@plasticity/clinical/time-format';
import type { Estimate } from '@plasticity/contracts';
import { Pdf, rgb } from '../../../platform/pdf/document.ts';

export interface EstimateDocument {
  estimate: Estimate;
  patient: { name: string; dateOfBirth: string };
  clinic: { name: string; address: string; state: string; phone: string };
  /** When it was issued, in the clinic's zone; null for a draft. */
  issuedOn: string | null;
}

const dollars = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
export const money = (cents: number): string => dollars.format(cents / 100);

const SIZE = 9.5;

export async function estimatePdf(d: EstimateDocument): Promise<Uint8Array> {
  const e = d.estimate;
  const pdf = await Pdf.create({ pageSize: [612, 792], margin: 42, title: 'Good Faith Estimate' });
  const para = (text: string, bold = false, size = SIZE) => pdf.paragraph(text, { size, bold });
  const head = async (t: string) => {
    pdf.gap(8);
    await pdf.ensure(30);
    await pdf.paragraph(t, { size: 11.5, bold: true, color: rgb(0.1, 0.2, 0.45) });
    pdf.gap(2);
  };

  await para(
    `${d.clinic.name} · ${d.clinic.address}${d.clinic.phone ? ` · ${d.clinic.phone}` : ''}`,
    false,
    9,
  );
  pdf.gap(6);
  await para('Good Faith Estimate for Health Care Items and Services', true, 15);
  await para(
    e.status === 'entered_in_error'
      ? `ENTERED IN ERROR — not valid. Reason: ${e.enteredInErrorReason ?? ''}`
      : e.status === 'draft'
        ? 'DRAFT — not yet issued'
        : `Issued ${d.issuedOn ? formatDate(d.issuedOn, undefined) : ''}`,
    e.status !== 'issued',
  );

  await head('Patient');
  await para(`Patient name: ${d.patient.name}`);
  await para(`Patient date of birth: ${formatDate(d.patient.dateOfBirth, undefined)}`);

  await head('Primary service');
  await para(`Primary service: ${e.primaryService}`);
  await para(`Scheduled date: ${e.scheduledOn ? formatDate(e.scheduledOn, undefined) : 'not yet scheduled'}`);
  await para(
    `Period of care covered: ${formatDate(e.periodFrom, undefined)} to ${formatDate(e.periodTo, undefined)}`,
  );

  const included = e.lines.filter((l) => !l.separateScheduling);
  const separate = e.lines.filter((l) => l.separateScheduling);
  const providers = [...new Map(included.map((l) => [providerKey(l), l])).values()];

  await head('Expected items and services, by provider');
  for (const p of providers) {
    const lines = included.filter((l) => providerKey(l) === providerKey(p));
    pdf.gap(4);
    await para(`Provider: ${p.providerName}`, true);
    await para(`NPI: ${p.providerNpi ?? 'not provided'} · TIN: ${p.providerTin ?? 'not provided'}`);
    await para(`Where care is given: ${d.clinic.address} (state: ${d.clinic.state || 'not recorded'})`);
    for (const l of lines) {
      const diagnoses = l.diagnosisCodes.length > 0 ? l.diagnosisCodes.join(', ') : 'none';
      await pdf.paragraph(
        `Service code ${l.serviceCode} — ${l.description} · Diagnosis codes: ${diagnoses} · ` +
          `${l.quantity} × ${money(l.unitChargeCents)} = ${money(l.amountCents)}`,
        { size: SIZE, indent: 12 },
      );
    }
    const subtotal = lines.reduce((s, l) => s + l.amountCents, 0);
    await pdf.paragraph(`Expected charges for ${p.providerName}: ${money(subtotal)}`, {
      size: SIZE,
      bold: true,
      indent: 12,
    });
  }
  pdf.gap(4);
  await para(`Total estimated charges: ${money(e.totalCents)}`, true, 11);

  await head('Items and services that need separate scheduling');
  if (separate.length === 0) await para('None expected.');
  for (const l of separate) {
    await pdf.paragraph(
      `Service code ${l.serviceCode} — ${l.description} (${l.providerName}). These are expected before or after ` +
        'the period of care and are not included in this estimate; a separate good faith estimate will be given ' +
        'when they are scheduled or if you ask for one.',
      { size: SIZE, indent: 12 },
    );
  }

  await head('Disclaimers');
  for (const t of DISCLAIMERS) {
    await para(t);
    pdf.gap(3);
  }
  pdf.gap(6);
  await para(
    `Questions about this estimate: ${d.clinic.name}${d.clinic.phone ? `, ${d.clinic.phone}` : ''}`,
    false,
    8.5,
  );
  await para(`Estimate ${e.id}`, false, 7);
  return pdf.save();
}

const providerKey = (l: Estimate['lines'][number]) =>
  `${l.providerUserId ?? 'clinic'}|${l.providerName}|${l.providerNpi ?? ''}|${l.providerTin ?? ''}`;

/** The disclaimers of 45 CFR 149.610(c)(1)(vii)–(x), in plain words; the dispute process is 45 CFR 149.620. */
export const DISCLAIMERS: readonly string[] = [
  'There may be other items or services we recommend as part of your care that must be scheduled or requested ' +
    'separately and are not included in this Good Faith Estimate.',
  'This Good Faith Estimate shows the costs of items and services that are reasonably expected for your health ' +
    'care needs. The estimate is based on information known at the time it was created. It is only an estimate: ' +
    'the actual items, services or charges may differ from this Good Faith Estimate.',
  'You have the right to start a dispute (the patient-provider dispute resolution process) if you are billed for ' +
    'a provider or facility listed here at least $400 more than the expected charges for that provider or facility ' +
    'in this Good Faith Estimate. To start it, contact the Centers for Medicare & Medicaid Services within 120 ' +
    'calendar days of the date on the original bill: see www.cms.gov/nosurprises or call 1-800-985-3059. Starting ' +
    'a dispute will not affect the quality of the health care services you receive.',
  'This Good Faith Estimate is not a contract and does not require you to obtain the items or services from any ' +
    'of the providers or facilities listed in it.',
  'Keep a copy of this Good Faith Estimate in a safe place or take pictures of it; you may need it if you are ' +
    'billed a higher amount.',
];
