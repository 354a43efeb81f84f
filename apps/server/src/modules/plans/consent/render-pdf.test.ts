import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderConsentPdf } from './consent-pdf.ts';
import { DEFAULT_CONSENTS } from './default-texts.ts';

describe('renderConsentPdf', () => {
  it('renders every default consent text with the signature manifestation (non-ASCII folded, long text paged)', async () => {
    for (const c of DEFAULT_CONSENTS) {
      const bytes = await renderConsentPdf(c.title, `${c.body}\n\n${c.body}`, [
        'Signed by typed name: Zoë Ñandú',
        `SHA-256 of the text signed: ${'a'.repeat(64)}`,
      ]);
      expect(Buffer.from(bytes).subarray(0, 5).toString()).toBe('%PDF-');
      if (process.env.PLANS_PDF_OUT) writeFileSync(`${process.env.PLANS_PDF_OUT}/${c.kind}.pdf`, bytes);
    }
  });
});
