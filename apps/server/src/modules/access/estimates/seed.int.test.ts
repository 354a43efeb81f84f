/**
 * The demo clinic's good-faith estimates: the portal patient is self-pay with an issued estimate whose PDF carries the
 * clinic's NPI and TIN; p8 is uninsured with a request on the front desk's due list, due in 3 business days.
 */
import { addBusinessDays } from '@plasticity/clinical/estimates';
import { instantToLocal } from '@plasticity/clinical/scheduling';
import { testBackends } from '@plasticity/db/testing/index';
import { describe, expect, it } from 'vitest';
import { DEMO_CLINIC, DEMO_PASSWORD, seedDemo } from '../../../seed/demo.ts';
import { Client, useTestApp } from '../../../test/harness.ts';
import { flat, pdfText } from '../../../test/pdf-text.ts';
import { estimatesModule } from './index.ts';

// Fixed demo logins: seeded only on the embedded database, as the other seed tests.
describe.each(testBackends().filter((b) => b === 'pglite'))('estimates demo data on %s', (backend) => {
  const h = useTestApp(backend);

  it('has an issued estimate for a self-pay patient and a request due', async () => {
    const info = await seedDemo(h.built.ctx, [estimatesModule]);
    const desk = new Client(h.app);
    expect((await desk.login('frontdesk@freshstart.example', DEMO_PASSWORD)).status).toBe(200);
    const list = await desk.get(`/api/v1/patients/${info.patientIds.portal}/estimates`);
    expect(list.body.coverage.status).toBe('self_pay');
    expect(list.body.items).toMatchObject([{ status: 'issued', totalCents: 295_000 }]);
    const today = instantToLocal(h.clock.now(), DEMO_CLINIC.timeZone).date;
    expect((await desk.get('/api/v1/estimates/due')).body.items).toMatchObject([
      { kind: 'requested', patientId: info.patientIds.p8, dueBy: addBusinessDays(today, 3), overdue: false },
    ]);
    const pdf = await h.app.inject({
      method: 'GET',
      url: `/api/v1/estimates/${list.body.items[0].id}.pdf`,
      headers: { cookie: desk.cookie as string },
    });
    const text = flat(pdfText(pdf.rawPayload));
    expect(text).toContain(flat(`NPI: ${DEMO_CLINIC.npi}`));
    expect(text).toContain(flat(`TIN: ${DEMO_CLINIC.tin}`));
    expect(text).toContain(flat('$2,950.00'));
  });
});
