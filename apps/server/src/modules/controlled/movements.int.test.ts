import { testBackends } from '@plasticity/db/testing/index';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/harness.ts';
import { setUpStock, witnessOf } from './testing.ts';

describe.each(testBackends())('controlled movements on %s', (backend) => {
  const h = useTestApp(backend);

  it('records draw, administer, witnessed waste and keeps exact balances', async () => {
    const c = await h.newClinic();
    const s = await setUpStock(c);
    const id = await s.container('10');
    const stock = await s.nurse.get('/api/v1/controlled/stock');
    expect(stock.status).toBe(200);
    expect(stock.body.items).toEqual([
      expect.objectContaining({
        id,
        product: 'Ketamine HCl 50 mg/mL, 10 mL vial',
        balance: '10',
        unit: 'mL',
        status: 'sealed',
        location: 'Med room shelf',
      }),
    ]);

    const draw = await s.nurse.post('/api/v1/controlled/movements', {
      type: 'draw',
      containerId: id,
      quantity: 0.1,
      unit: 'mL',
      patientId: c.patientId,
    });
    expect(draw.status).toBe(201);
    expect(draw.body.balance).toBe('9.9');
    const draw2 = await s.nurse.post('/api/v1/controlled/movements', {
      type: 'draw',
      containerId: id,
      quantity: '0.2',
      unit: 'mL',
      patientId: c.patientId,
    });
    expect(draw2.body.balance).toBe('9.7');
    const given = await s.nurse.post('/api/v1/controlled/movements', {
      type: 'administer',
      containerId: id,
      quantity: '0.15',
      unit: 'mL',
      drawId: draw2.body.entry.id,
    });
    expect(given.status).toBe(201);
    expect(given.body.balance).toBe('9.7');
    const over = await s.nurse.post('/api/v1/controlled/movements', {
      type: 'waste',
      containerId: id,
      quantity: '0.1',
      unit: 'mL',
      drawId: draw2.body.entry.id,
      reason: 'residue',
      witness: witnessOf(c),
    });
    expect(over.status).toBe(409);
    const waste = await s.nurse.post('/api/v1/controlled/movements', {
      type: 'waste',
      containerId: id,
      quantity: '0.05',
      unit: 'mL',
      drawId: draw2.body.entry.id,
      reason: 'residue',
      witness: witnessOf(c),
    });
    expect(waste.status).toBe(201);
    expect(waste.body.entry).toMatchObject({ wasteFrom: 'draw', witnessUserId: c.users.prescriber.id });

    const ledger = await s.nurse.get(`/api/v1/controlled/ledger?containerId=${id}`);
    expect(ledger.body.items.map((e: { type: string; balance: string }) => `${e.type}:${e.balance}`)).toEqual(
      ['receipt:10', 'draw:9.9', 'draw:9.7', 'administer:9.7', 'waste:9.7'],
    );
  });

  it('refuses a draw without a patient, a wrong unit, and a draw beyond the balance', async () => {
    const c = await h.newClinic();
    const s = await setUpStock(c);
    const id = await s.container(1);
    const noPatient = await s.nurse.post('/api/v1/controlled/movements', {
      type: 'draw',
      containerId: id,
      quantity: 1,
      unit: 'mL',
    });
    expect(noPatient.status).toBe(400);
    expect(JSON.stringify(noPatient.body.error.details)).toContain('body.patientId');
    const unit = await s.nurse.post('/api/v1/controlled/movements', {
      type: 'draw',
      containerId: id,
      quantity: 1,
      unit: 'mg',
      patientId: c.patientId,
    });
    expect(unit.status).toBe(400);
    expect(JSON.stringify(unit.body.error.details)).toContain('body.unit');
    const tooMuch = await s.nurse.post('/api/v1/controlled/movements', {
      type: 'draw',
      containerId: id,
      quantity: '1.000001',
      unit: 'mL',
      patientId: c.patientId,
    });
    expect(tooMuch.status).toBe(409);
    expect(tooMuch.body.error.code).toBe('insufficient_balance');
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
    ).toBe(201);
    const empty = await s.nurse.post('/api/v1/controlled/movements', {
      type: 'draw',
      containerId: id,
      quantity: '0.5',
      unit: 'mL',
      patientId: c.patientId,
    });
    expect(empty.status).toBe(409);
    expect(empty.body.error.code).toBe('insufficient_balance');
  });

  it('wastes the rest of a draw that emptied the vial', async () => {
    const c = await h.newClinic();
    const s = await setUpStock(c);
    const id = await s.container('1.5');
    const draw = await s.nurse.post('/api/v1/controlled/movements', {
      type: 'draw',
      containerId: id,
      quantity: '1.5',
      unit: 'mL',
      patientId: c.patientId,
    });
    expect(draw.body.balance).toBe('0');
    expect(
      (
        await s.nurse.post('/api/v1/controlled/movements', {
          type: 'administer',
          containerId: id,
          quantity: '1.2',
          unit: 'mL',
          drawId: draw.body.entry.id,
        })
      ).status,
    ).toBe(201);
    const waste = await s.nurse.post('/api/v1/controlled/movements', {
      type: 'waste',
      containerId: id,
      quantity: '0.3',
      unit: 'mL',
      drawId: draw.body.entry.id,
      reason: 'remainder',
      witness: witnessOf(c),
    });
    expect(waste.status).toBe(201);
    expect(waste.body.entry.patientId).toBe(c.patientId);
    const stock = await s.nurse.get('/api/v1/controlled/stock');
    expect(stock.body.items[0]).toMatchObject({ balance: '0', status: 'empty', outstandingDraws: [] });
    const sessionId = '00000000-0000-4000-8000-0000000005e5';
    const other = await s.container('2');
    await s.nurse.post('/api/v1/controlled/movements', {
      type: 'draw',
      containerId: other,
      quantity: '1',
      unit: 'mL',
      patientId: c.patientId,
      sessionId,
    });
    const bySession = await s.nurse.get(`/api/v1/controlled/ledger?sessionId=${sessionId}`);
    expect(
      bySession.body.items.map((e: { type: string; sessionId: string }) => `${e.type}:${e.sessionId}`),
    ).toEqual([`draw:${sessionId}`]);
  });
});
