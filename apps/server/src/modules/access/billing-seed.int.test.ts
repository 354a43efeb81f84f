/**
 * The demo clinic's billing: a price list, charges for the past discharged demo sessions (charged as a discharge
 * charges them) and card payments for them, so a superbill for a demo patient's last months has content.
 */
import { testBackends } from '@plasticity/db/testing/index';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemo } from '../../seed/demo.ts';
import { Client, useTestApp } from '../../test/harness.ts';
import { flat, pdfText } from '../../test/pdf-text.ts';
import { integrationModule } from '../integration/index.ts';
import { plansModule } from '../plans/index.ts';
import { schedulingModule } from '../scheduling/index.ts';
import { sessionsModule } from '../sessions/index.ts';
import { billingModule } from './billing/index.ts';

// Fixed demo logins: seeded only on the embedded database, as the other seed tests.
describe.each(testBackends().filter((b) => b === 'pglite'))('billing demo data on %s', (backend) => {
  const h = useTestApp(backend);

  it('has a price list, charges and payments for past sessions, and a superbill with content', async () => {
    const info = await seedDemo(h.built.ctx, [
      plansModule,
      sessionsModule,
      schedulingModule,
      integrationModule,
      billingModule,
    ]);
    const frontDesk = new Client(h.app);
    expect((await frontDesk.login('frontdesk@freshstart.example', DEMO_PASSWORD)).status).toBe(200);
    const prices = await frontDesk.get('/api/v1/prices');
    expect(prices.body.current.length).toBe(8);
    const p8 = info.patientIds.p8 as string;
    const charges = (await frontDesk.get(`/api/v1/patients/${p8}/charges`)).body.items as Array<{
      code: string;
      source: string;
    }>;
    expect(charges.map((c) => c.code).sort()).toEqual(['96365', '99205', 'J3490']);
    const balance = (await frontDesk.get(`/api/v1/patients/${p8}/balance`)).body;
    expect(balance).toEqual({ chargedCents: 80000, paidCents: 45000, balanceCents: 35000 });
    const p4 = (await frontDesk.get(`/api/v1/patients/${info.patientIds.p4}/charges`)).body.items as Array<{
      code: string;
    }>;
    expect(p4.map((c) => c.code)).toContain('G2082');

    const now = h.clock.now();
    const from = new Date(now.getTime() - 120 * 86_400_000).toISOString().slice(0, 10);
    const to = new Date(now.getTime() + 86_400_000).toISOString().slice(0, 10);
    const pdf = await h.app.inject({
      method: 'GET',
      url: `/api/v1/patients/${p8}/superbill.pdf?from=${from}&to=${to}`,
      headers: { cookie: frontDesk.cookie as string },
    });
    expect(pdf.statusCode).toBe(200);
    const text = flat(pdfText(pdf.rawPayload));
    for (const want of ['96365', 'J3490', '99205', '$450.00', 'NPI1245319599']) expect(text).toContain(want);
  });
});
