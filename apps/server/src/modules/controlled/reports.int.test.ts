import { toJson } from '@plasticity/db';
import { testBackends } from '@plasticity/db/testing/index';
import { describe, expect, it } from 'vitest';
import { type Client, useTestApp } from '../../test/harness.ts';
import { flat, NAMES, pdfText } from '../../test/pdf-text.ts';
import { setUpStock, witnessOf } from './testing.ts';

const raw = async (client: Client, url: string) => {
  const r = await client.app.inject({
    method: 'GET',
    url,
    headers: client.cookie ? { cookie: client.cookie } : {},
  });
  return {
    status: r.statusCode as number,
    type: String(r.headers['content-type']),
    body: r.rawPayload as Buffer,
  };
};

describe.each(testBackends())('controlled reports, counts and losses on %s', (backend) => {
  const h = useTestApp(backend);

  it('renders the administration log, patient history and inventory as PDF and CSV, audited', async () => {
    const c = await h.newClinic();
    await h.database.db
      .updateTable('patients')
      .set({
        address: toJson({ line1: '12 Elm St', city: 'Raleigh', state: 'NC', postalCode: '27601' }),
      })
      .where('id', '=', c.patientId)
      .execute();
    const s = await setUpStock(c);
    const id = await s.container('10');
    await s.container('10', { lot: 'SEALED1' });
    const draw = await s.nurse.post('/api/v1/controlled/movements', {
      type: 'draw',
      containerId: id,
      quantity: '1.5',
      unit: 'mL',
      patientId: c.patientId,
    });
    await s.nurse.post('/api/v1/controlled/movements', {
      type: 'administer',
      containerId: id,
      quantity: '1.2',
      unit: 'mL',
      drawId: draw.body.entry.id,
    });
    await s.nurse.post('/api/v1/controlled/movements', {
      type: 'waste',
      containerId: id,
      quantity: '0.3',
      unit: 'mL',
      drawId: draw.body.entry.id,
      reason: 'residue',
      witness: witnessOf(c),
    });
    const day = new Date(h.clock.now().getTime()).toISOString().slice(0, 10);
    const from = new Date(h.clock.now().getTime() - 2 * 86_400_000).toISOString().slice(0, 10);
    const to = new Date(h.clock.now().getTime() + 2 * 86_400_000).toISOString().slice(0, 10);

    const csv = await raw(
      s.nurse,
      `/api/v1/controlled/reports/administrations?from=${from}&to=${to}&format=csv`,
    );
    expect(csv.status).toBe(200);
    expect(csv.type).toContain('text/csv');
    const lines = csv.body.toString('utf8').trim().split('\r\n');
    expect(lines[0]).toBe(
      'Date/time,Type,Patient,Patient address,Substance,Form,NDC,Lot,Container,Quantity,Unit,Amount (mg),Administered / recorded by,Witness,Reason / correction,Balance after',
    );
    expect(lines).toHaveLength(4);
    expect(lines[2]).toContain(',1.2,mL,60,');
    expect(lines[2]).toContain('administer');
    expect(lines[2]).toContain('"12 Elm St, Raleigh, NC, 27601"');
    expect(lines[2]).toContain('Ketamine HCl 50 mg/mL');
    expect(lines[2]).toContain('nurse');
    expect(lines[3]).toContain('prescriber');

    const pdf = await raw(
      s.nurse,
      `/api/v1/controlled/reports/administrations?from=${from}&to=${to}&format=pdf`,
    );
    expect(pdf.type).toContain('application/pdf');
    expect(pdf.body.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf.body, 'drawn');
    for (const want of [
      'Dispensing and administration log',
      'Patient address',
      'Administered / recorded by',
      '12 Elm St, Raleigh, NC, 27601',
      'administer',
      '1.2',
      'Printed',
    ])
      expect(flat(text)).toContain(flat(want));

    const hist = await raw(s.nurse, `/api/v1/controlled/reports/patients/${c.patientId}?format=pdf`);
    expect(flat(pdfText(hist.body, 'drawn'))).toContain('Patient:Portal');
    const histCsv = await raw(s.nurse, `/api/v1/controlled/reports/patients/${c.patientId}?format=csv`);
    expect(histCsv.body.toString().trim().split('\r\n')).toHaveLength(4);

    const inv = await raw(s.admin, '/api/v1/controlled/reports/inventory?kind=biennial&format=pdf');
    const invText = pdfText(inv.body, 'drawn');
    expect(flat(invText)).toContain('Biennialinventory');
    expect(invText).toContain('estimated');
    expect(invText).toContain('exact');
    const invCsv = await raw(s.admin, '/api/v1/controlled/reports/inventory?kind=initial&format=csv');
    const invLines = invCsv.body.toString().trim().split('\r\n');
    expect(invLines[0]).toContain('Count method');
    expect(invLines.filter((l) => l.includes('estimated'))).toHaveLength(1);
    expect(invLines.filter((l) => l.includes(',exact,'))).toHaveLength(1);
    expect(day).toMatch(/^\d{4}/);

    const audits = await h.database.db
      .selectFrom('audit_log')
      .select(['action', 'resource_type', 'patient_id'])
      .where('clinic_id', '=', c.clinicId)
      .where('action', 'in', ['export', 'print'])
      .execute();
    expect(
      audits
        .filter((a) => a.resource_type === 'controlled_patient_history')
        .every((a) => a.patient_id === c.patientId),
    ).toBe(true);
    expect(audits.length).toBe(6);
  });

  it('prints a patient name in any script, and a long header line, whole in the register report', async () => {
    const c = await h.newClinic();
    const s = await setUpStock(c);
    const street = `${'Długa '.repeat(30)}Street`;
    for (const name of NAMES) {
      const [first, ...rest] = name.split(' ');
      const last = rest.join(' ') || (first as string);
      await h.database.db
        .updateTable('patients')
        .set({ first_name: first as string, last_name: last, address: toJson({ line1: street }) })
        .where('id', '=', c.patientId)
        .execute();
      const hist = await raw(s.nurse, `/api/v1/controlled/reports/patients/${c.patientId}?format=pdf`);
      expect(hist.status).toBe(200);
      const text = pdfText(hist.body);
      // pdftotext orders two right-to-left words around a comma left to right, not by the bidirectional
      // algorithm the PDF is drawn with, so the Arabic name is checked part by part on its line.
      const line = text.split('\n').find((l) => l.startsWith('Patient: ')) ?? '';
      if (/[\u0600-\u06ff]/.test(name)) for (const part of [first, last]) expect(line).toContain(part);
      else expect(line).toContain(`Patient: ${last}, ${first}`);
      expect(flat(text)).toContain(flat(street));
    }
  });

  it('runs a two-person count, opens a discrepancy, resolves it with a witnessed adjustment', async () => {
    const c = await h.newClinic();
    const s = await setUpStock(c);
    const id = await s.container('10');
    const noWitness = await s.nurse.post('/api/v1/controlled/counts', {
      scope: 'full',
      lines: [{ containerId: id, quantity: '10', unit: 'mL' }],
    });
    expect(noWitness.status).toBe(400);
    const matches = await s.nurse.post('/api/v1/controlled/counts', {
      scope: 'full',
      lines: [{ containerId: id, quantity: '10', unit: 'mL' }],
      witness: witnessOf(c),
    });
    expect(matches.status).toBe(201);
    expect(matches.body).toMatchObject({ matched: [id], discrepancies: [] });
    const short = await s.nurse.post('/api/v1/controlled/counts', {
      scope: 'full',
      lines: [{ containerId: id, quantity: '9.5', unit: 'mL' }],
      witness: witnessOf(c),
    });
    expect(short.body.discrepancies).toEqual([
      expect.objectContaining({
        containerId: id,
        expected: '10',
        counted: '9.5',
        difference: '-0.5',
        kind: 'shortage',
        status: 'open',
      }),
    ]);
    const dId = short.body.discrepancies[0].id;
    expect(
      (await s.nurse.post(`/api/v1/controlled/discrepancies/${dId}/resolve`, { explanation: ' ' })).status,
    ).toBe(400);
    const resolved = await s.nurse.post(`/api/v1/controlled/discrepancies/${dId}/resolve`, {
      explanation: 'spill during draw, not recorded',
      adjust: true,
      witness: witnessOf(c),
    });
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({ status: 'resolved' });
    expect(resolved.body.adjustmentEntryId).toBeTruthy();
    expect((await s.nurse.get('/api/v1/controlled/stock')).body.items[0].balance).toBe('9.5');
    expect(
      (await s.nurse.post(`/api/v1/controlled/discrepancies/${dId}/escalate`, { note: 'late' })).status,
    ).toBe(409);
  });

  it('escalates a loss: container held, DEA-106 record with 1-business-day and 45-day deadlines', async () => {
    const c = await h.newClinic();
    const s = await setUpStock(c);
    const id = await s.container('10');
    const short = await s.nurse.post('/api/v1/controlled/counts', {
      scope: 'partial',
      lines: [{ containerId: id, quantity: '8', unit: 'mL' }],
      witness: witnessOf(c),
    });
    const dId = short.body.discrepancies[0].id;
    const esc = await s.nurse.post(`/api/v1/controlled/discrepancies/${dId}/escalate`, {
      note: '2 mL unaccounted for',
    });
    expect(esc.body.status).toBe('escalated');
    expect((await s.nurse.get('/api/v1/controlled/stock')).body.items[0].status).toBe('quarantined');
    expect(
      (
        await s.nurse.post('/api/v1/controlled/movements', {
          type: 'draw',
          containerId: id,
          quantity: 1,
          unit: 'mL',
          patientId: c.patientId,
        })
      ).status,
    ).toBe(409);
    // Discovered Friday 2025-07-03 evening in New York: notice due Monday 07-07 (07-04 is a holiday), DEA-106 by 08-17.
    const loss = await s.nurse.post('/api/v1/controlled/losses', {
      discoveredAt: '2025-07-03T22:00:00Z',
      typeOfLoss: 'employee_theft',
      policeNotified: false,
      priorLossesIn24Months: 0,
      discrepancyId: dId,
      lines: [{ containerId: id, quantity: '2' }],
    });
    expect(loss.status).toBe(201);
    expect(loss.body).toMatchObject({
      discoveredOn: '2025-07-03',
      writtenNoticeDueOn: '2025-07-07',
      dea106DueOn: '2025-08-17',
    });
    expect(loss.body.problems.map((p: { field: string }) => p.field)).toEqual(
      expect.arrayContaining(['registrant.phone', 'registrant.deaNumber']),
    );
    expect((await s.nurse.get('/api/v1/controlled/losses')).body.items).toHaveLength(1);
    const bad = await s.nurse.post('/api/v1/controlled/losses', {
      discoveredAt: 'yesterday',
      typeOfLoss: 'other',
      policeNotified: false,
      priorLossesIn24Months: 0,
      lines: [],
    });
    expect(bad.status).toBe(400);
  });

  it('lists stock expiring within the window', async () => {
    const c = await h.newClinic();
    const s = await setUpStock(c);
    const soon = new Date(h.clock.now().getTime() + 20 * 86_400_000).toISOString().slice(0, 10);
    const id = await s.container('10', { expiresOn: soon, lot: 'SOON' });
    await s.container('10');
    const r = await s.nurse.get('/api/v1/controlled/expiring?days=30');
    expect(r.body.items.map((i: { id: string }) => i.id)).toEqual([id]);
    expect(r.body.items[0].daysLeft).toBeGreaterThanOrEqual(19);
    expect((await s.nurse.get('/api/v1/controlled/expiring')).body.withinDays).toBe(60);
  });
});
