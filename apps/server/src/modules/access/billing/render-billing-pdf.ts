/**
 * Drawing of the billing documents (platform/pdf): the superbill for a date range (clinic name, address, NPI,
 * TIN; rendering clinicians with NPI; patient name, date of birth, address; each date of service with place of
 * service, CPT/HCPCS code with modifiers and units, ICD-10-CM codes, charge and amount due; payments; totals; a
 * signature line) and a payment receipt. Every figure is drawn as text, so a reader can extract it.
 */
import { formatUsd } from '@plasticity/clinical/billing';
import type { Charge, Payment } from '@plasticity/contracts';
import { Pdf } from '../../../platform/pdf/document.ts';
import { clinicDate } from '../../../platform/time-format.ts';

export interface BillingParty {
  clinic: { name: string; address: string; phone: string; npi: string | null; tin: string | null };
  patient: { name: string; dateOfBirth: string; address: string };
}

const MARGIN = 40;
const ROW = 12;

async function header(pdf: Pdf, title: string, party: BillingParty, lines: string[]): Promise<void> {
  await pdf.paragraph(party.clinic.name, { size: 13, bold: true });
  if (party.clinic.address) await pdf.paragraph(party.clinic.address, { size: 9 });
  if (party.clinic.phone) await pdf.paragraph(`Phone ${party.clinic.phone}`, { size: 9 });
  await pdf.paragraph(`NPI ${party.clinic.npi ?? 'not set'}    TIN ${party.clinic.tin ?? 'not set'}`, {
    size: 9,
  });
  pdf.gap(8);
  await pdf.paragraph(title, { size: 14, bold: true });
  pdf.gap(2);
  await pdf.paragraph(`Patient: ${party.patient.name}`, { size: 10 });
  await pdf.paragraph(`Date of birth: ${party.patient.dateOfBirth}`, { size: 10 });
  if (party.patient.address) await pdf.paragraph(`Address: ${party.patient.address}`, { size: 10 });
  for (const l of lines) await pdf.paragraph(l, { size: 10 });
  pdf.gap(6);
}

/** Draws a row of cells at fixed x offsets; each cell wraps within its width. Returns nothing. */
async function row(pdf: Pdf, cells: Array<[string, number, number]>, bold = false): Promise<void> {
  const wrapped = await Promise.all(cells.map(([text, , w]) => pdf.wrap(text, 8, w - 4, bold)));
  const height = Math.max(1, ...wrapped.map((w) => w.length)) * ROW;
  await pdf.ensure(height);
  for (const [i, lines] of wrapped.entries()) {
    const x = MARGIN + (cells[i]?.[1] ?? 0);
    for (const [j, l] of lines.entries()) await pdf.line(l, x, pdf.y - j * ROW, { size: 8, bold });
  }
  pdf.y -= height;
}

const CHARGE_COLUMNS: Array<[string, number, number]> = [
  ['Date of service', 0, 58],
  ['Place', 58, 30],
  ['Code', 88, 38],
  ['Modifiers', 126, 44],
  ['Units', 170, 28],
  ['Diagnoses (ICD-10-CM)', 198, 84],
  ['Service', 282, 120],
  ['Charge', 402, 46],
  ['Discount', 448, 42],
  ['Due', 490, 42],
];

export async function renderSuperbill(
  party: BillingParty,
  range: { from: string; to: string },
  charges: readonly Charge[],
  payments: readonly Payment[],
  printedAt: string,
  timeZone: string,
): Promise<Uint8Array> {
  const pdf = await Pdf.create({ pageSize: [612, 792], margin: MARGIN, title: 'Superbill' });
  const live = charges.filter((c) => !c.voided);
  const clinicians = new Map<string, string>();
  for (const c of live) {
    const key = c.renderingClinician.id ?? c.renderingClinician.name;
    clinicians.set(key, `${c.renderingClinician.name}, NPI ${c.renderingClinician.npi ?? 'not recorded'}`);
  }
  await header(pdf, 'Superbill (statement for insurance reimbursement)', party, [
    `Dates of service: ${range.from} to ${range.to}`,
    `Rendering clinician: ${[...clinicians.values()].join('; ') || 'none in this period'}`,
  ]);
  await row(
    pdf,
    CHARGE_COLUMNS.map(([label, x, w]) => [label, x, w]),
    true,
  );
  for (const c of live) {
    const values = [
      c.serviceDate,
      c.placeOfService,
      c.code,
      c.modifiers.join(' ') || '-',
      String(c.units),
      c.icd10Codes.join(', ') || '-',
      c.description,
      formatUsd(c.amountCents),
      formatUsd(c.discountCents),
      formatUsd(c.netCents),
    ];
    await row(
      pdf,
      CHARGE_COLUMNS.map(([, x, w], i) => [values[i] ?? '', x, w]),
    );
  }
  if (live.length === 0) await pdf.paragraph('No charges in this period.', { size: 9 });
  const livePayments = payments.filter((p) => !p.voided);
  pdf.gap(8);
  await pdf.paragraph('Payments received', { size: 11, bold: true });
  for (const p of livePayments) {
    await pdf.paragraph(
      `${clinicDate(new Date(p.receivedAt), timeZone)}  ${methodLabel(p.method)}  ${formatUsd(p.amountCents)}`,
      {
        size: 9,
      },
    );
  }
  if (livePayments.length === 0) await pdf.paragraph('No payments in this period.', { size: 9 });
  const charged = live.reduce((s, c) => s + c.amountCents, 0);
  const discount = live.reduce((s, c) => s + c.discountCents, 0);
  const paid = livePayments.reduce((s, p) => s + p.amountCents, 0);
  pdf.gap(8);
  await pdf.paragraph(`Total charges: ${formatUsd(charged)}`, { size: 10, bold: true });
  await pdf.paragraph(`Discounts: ${formatUsd(discount)}`, { size: 10 });
  await pdf.paragraph(`Amount paid: ${formatUsd(paid)}`, { size: 10, bold: true });
  await pdf.paragraph(`Balance for this period: ${formatUsd(charged - discount - paid)}`, { size: 10 });
  pdf.gap(8);
  await pdf.paragraph('Place of service 11: office.', { size: 8 });
  pdf.gap(24);
  await pdf.ensure(40);
  await pdf.paragraph('Provider signature: ______________________________    Date: ______________', {
    size: 10,
  });
  pdf.gap(4);
  await pdf.paragraph(`Printed ${printedAt}`, { size: 8 });
  return pdf.save();
}

const METHOD_LABELS: Record<Payment['method'], string> = {
  cash: 'Cash',
  card: 'Card',
  hsa_fsa: 'HSA or FSA',
  cheque: 'Cheque',
};
export const methodLabel = (m: Payment['method']): string => METHOD_LABELS[m];

export async function renderReceipt(
  party: BillingParty,
  payment: Payment,
  receivedAt: string,
  balanceCents: number,
): Promise<Uint8Array> {
  const pdf = await Pdf.create({ pageSize: [612, 792], margin: 54, title: 'Receipt' });
  await header(pdf, 'Payment receipt', party, []);
  await pdf.paragraph(`Receipt number: ${payment.id}`, { size: 10 });
  await pdf.paragraph(`Received: ${receivedAt}`, { size: 10 });
  await pdf.paragraph(`Method: ${methodLabel(payment.method)}`, { size: 10 });
  if (payment.reference) await pdf.paragraph(`Reference: ${payment.reference}`, { size: 10 });
  await pdf.paragraph(`Amount paid: ${formatUsd(payment.amountCents)}`, { size: 12, bold: true });
  await pdf.paragraph(`Recorded by: ${payment.recordedBy}`, { size: 10 });
  if (payment.voided) {
    await pdf.paragraph(`VOIDED: ${payment.voided.reason}`, {
      size: 10,
      bold: true,
    });
  }
  pdf.gap(8);
  await pdf.paragraph(`Account balance today: ${formatUsd(balanceCents)}`, { size: 10 });
  return pdf.save();
}
