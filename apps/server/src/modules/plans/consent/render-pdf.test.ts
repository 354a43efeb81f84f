import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { flat, NAMES, pdfText } from '../../../test/pdf-text.ts';
import { renderConsentPdf } from './consent-pdf.ts';
import { DEFAULT_CONSENTS } from './default-texts.ts';

describe('renderConsentPdf', () => {
  it('renders every default consent text whole with the signature manifestation (long text paged)', async () => {
    for (const c of DEFAULT_CONSENTS) {
      const bytes = await renderConsentPdf(c.title, `${c.body}\n\n${c.body}`, [
        'Signed by typed name: Zoë Ñandú',
        `SHA-256 of the text signed: ${'a'.repeat(64)}`,
      ]);
      const text = pdfText(bytes);
      expect(flat(text)).toContain(flat(c.body));
      expect(text).toContain('Signed by typed name: Zoë Ñandú');
      if (process.env.PLANS_PDF_OUT) writeFileSync(`${process.env.PLANS_PDF_OUT}/${c.kind}.pdf`, bytes);
    }
  });

  it('keeps the exact text signed: names in Polish, Vietnamese, Arabic and Chinese read back as stored', async () => {
    const body = NAMES.map((n) => `The patient ${n} agrees.\n${n}`).join('\n');
    const bytes = await renderConsentPdf(
      `Consent — ${NAMES[3]}`,
      body,
      NAMES.map((n) => `Signed by typed name: ${n}`),
      [`Clinic ${NAMES[0]}`],
    );
    const lines = pdfText(bytes)
      .split('\n')
      .map((l) => l.trim());
    for (const n of NAMES) {
      expect(lines).toContain(n);
      expect(lines).toContain(`Signed by typed name: ${n}`);
    }
    expect(lines).toContain(`Consent — ${NAMES[3]}`);
    expect(lines).toContain(`Clinic ${NAMES[0]}`);
  });
});
