import { testBackends } from '@plasticity/db/testing/index';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/harness.ts';
import { type Stock, setUpStock, witnessOf } from './testing.ts';

describe.each(testBackends())('controlled register on %s', (backend) => {
  const h = useTestApp(backend);
  const move = (s: Stock, body: Record<string, unknown>) =>
    s.nurse.post('/api/v1/controlled/movements', body);

  it('records every movement type with the right effect on the balance', async () => {
    const c = await h.newClinic();
    const s = await setUpStock(c);
    const id = await s.container('10');
    const w = witnessOf(c);
    const steps: [Record<string, unknown>, string][] = [
      [{ type: 'receipt', quantity: '10', unit: 'mL', supplierId: s.supplierId, invoice: 'INV-2' }, '20'],
      [{ type: 'open' }, '20'],
      [{ type: 'transfer', toLocationId: s.safeId }, '20'],
      [{ type: 'draw', quantity: 0.1, unit: 'mL', patientId: c.patientId }, '19.9'],
      [{ type: 'draw', quantity: 0.2, unit: 'mL', patientId: c.patientId }, '19.7'],
      [
        { type: 'waste', from: 'container', quantity: '0.3', unit: 'mL', reason: 'contaminated', witness: w },
        '19.4',
      ],
      [
        {
          type: 'return',
          quantity: '5',
          unit: 'mL',
          recipient: { name: 'Acme Returns', address: '2 Main St, Denver CO', deaNumber: 'AB1234563' },
        },
        '14.4',
      ],
      [{ type: 'adjust', quantity: '-0.4', unit: 'mL', reason: 'meniscus recount', witness: w }, '14'],
      [{ type: 'adjust', quantity: 1, unit: 'mL', reason: 'found in box', witness: w }, '15'],
    ];
    for (const [body, balance] of steps) {
      const r = await move(s, { containerId: id, ...body });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      expect(r.body.balance, String(body.type)).toBe(balance);
    }
    const stock = await s.nurse.get('/api/v1/controlled/stock');
    expect(stock.body.items[0]).toMatchObject({ balance: '15', status: 'open', location: 'Safe' });
    expect(
      stock.body.items[0].outstandingDraws.map((d: { outstanding: string }) => d.outstanding).sort(),
    ).toEqual(['0.1', '0.2']);
    // Opening twice is an illegal transition, not a 500.
    expect((await move(s, { containerId: id, type: 'open' })).status).toBe(409);
    // A return's recipient needs a valid DEA number.
    const ret = await move(s, {
      containerId: id,
      type: 'return',
      quantity: '1',
      unit: 'mL',
      recipient: { name: 'Acme Returns', address: '2 Main St', deaNumber: 'AB1234567' },
    });
    expect(ret.status).toBe(400);
    expect(JSON.stringify(ret.body.error.details)).toContain('body.recipient.deaNumber');
  });

  it('accepts numbers and strings exactly (0.1 + 0.2 = 0.3) and refuses malformed quantities with 400', async () => {
    const c = await h.newClinic();
    const s = await setUpStock(c);
    const id = await s.container('0.3');
    expect(
      (await move(s, { type: 'draw', containerId: id, quantity: 0.1, unit: 'mL', patientId: c.patientId }))
        .body.balance,
    ).toBe('0.2');
    expect(
      (await move(s, { type: 'draw', containerId: id, quantity: '0.2', unit: 'mL', patientId: c.patientId }))
        .body.balance,
    ).toBe('0');
    for (const quantity of ['1e3', 'abc', '-1', '0', '1.0000001', '', 'NaN']) {
      const r = await move(s, {
        type: 'draw',
        containerId: id,
        quantity,
        unit: 'mL',
        patientId: c.patientId,
      });
      expect(r.status, quantity).toBe(400);
      expect(JSON.stringify(r.body.error.details), quantity).toContain('body.quantity');
    }
    for (const [body, field] of [
      [{ type: 'fly' }, 'body.type'],
      [{ type: 'draw', containerId: 'nope' }, 'body.containerId'],
      [{ type: 'draw', quantity: 1, unit: 'L' }, 'body.unit'],
    ] as const) {
      const r = await move(s, { containerId: id, patientId: c.patientId, quantity: 1, unit: 'mL', ...body });
      expect(r.status).toBe(400);
      expect(JSON.stringify(r.body.error.details)).toContain(field);
    }
  });

  it('hides another clinic’s container (404) and keeps the ledger append-only in the database', async () => {
    const a = await h.newClinic();
    const b = await h.newClinic();
    const sa = await setUpStock(a);
    const sb = await setUpStock(b);
    const id = await sa.container('5');
    expect(
      (await move(sb, { type: 'draw', containerId: id, quantity: 1, unit: 'mL', patientId: b.patientId }))
        .status,
    ).toBe(404);
    expect((await sb.nurse.get('/api/v1/controlled/stock')).body.items).toEqual([]);
    expect(
      (await move(sa, { type: 'draw', containerId: id, quantity: 1, unit: 'mL', patientId: b.patientId }))
        .status,
    ).toBe(400);
    await expect(
      sql`update cs_ledger set quantity = 1 where container_id = ${id}`.execute(h.database.db),
    ).rejects.toThrow(/append-only/);
    await expect(
      sql`delete from cs_ledger where container_id = ${id}`.execute(h.database.db),
    ).rejects.toThrow(/append-only/);
  });

  it('corrects by appending: amendment and reversal with a witness, never below zero', async () => {
    const c = await h.newClinic();
    const s = await setUpStock(c);
    const id = await s.container('2');
    const draw = await move(s, {
      type: 'draw',
      containerId: id,
      quantity: '0.5',
      unit: 'mL',
      patientId: c.patientId,
    });
    const noWitness = await s.nurse.post(`/api/v1/controlled/movements/${draw.body.entry.id}/corrections`, {
      reason: 'typo',
      quantity: '0.4',
    });
    expect(noWitness.status).toBe(400);
    const amend = await s.nurse.post(`/api/v1/controlled/movements/${draw.body.entry.id}/corrections`, {
      reason: 'typo',
      quantity: '0.4',
      witness: witnessOf(c),
    });
    expect(amend.status).toBe(201);
    expect(amend.body.balance).toBe('1.6');
    expect(amend.body.entry).toMatchObject({
      correctsEntryId: draw.body.entry.id,
      correctionKind: 'amendment',
      containerDelta: '0.1',
    });
    const reverse = await s.nurse.post(`/api/v1/controlled/movements/${draw.body.entry.id}/corrections`, {
      reason: 'wrong vial',
      witness: witnessOf(c),
    });
    expect(reverse.body.balance).toBe('2');
    expect(
      (
        await s.nurse.post(`/api/v1/controlled/movements/${draw.body.entry.id}/corrections`, {
          reason: 'again',
          witness: witnessOf(c),
        })
      ).status,
    ).toBe(409);
    // Reversing the receipt after a draw would go negative.
    const d2 = await move(s, {
      type: 'draw',
      containerId: id,
      quantity: '1',
      unit: 'mL',
      patientId: c.patientId,
    });
    expect(d2.status).toBe(201);
    const ledger = await s.nurse.get(`/api/v1/controlled/ledger?containerId=${id}`);
    const receipt = ledger.body.items[0];
    const bad = await s.nurse.post(`/api/v1/controlled/movements/${receipt.id}/corrections`, {
      reason: 'never came',
      witness: witnessOf(c),
    });
    expect(bad.status).toBe(409);
    expect(ledger.body.items.map((e: { balance: string }) => e.balance)).toEqual([
      '2',
      '1.5',
      '1.6',
      '2',
      '1',
    ]);
  });

  it('lets only prescribers and nurses move stock, admins configure and read, and nobody else see the register', async () => {
    const c = await h.newClinic();
    const s = await setUpStock(c);
    const id = await s.container('5');
    const admin = s.admin;
    expect((await admin.get('/api/v1/controlled/stock')).status).toBe(200);
    expect((await admin.post('/api/v1/controlled/movements', { type: 'open', containerId: id })).status).toBe(
      403,
    );
    expect(
      (
        await s.nurse.post('/api/v1/controlled/products', {
          drug: 'X',
          ndc: '0409-2051-06',
          form: 'f',
          strength: 's',
          containerSize: 1,
          containerLabel: 'l',
          unit: 'mL',
        })
      ).status,
    ).toBe(403);
    for (const role of ['therapist', 'front_desk', 'patient'] as const) {
      const u = await c.login(role);
      for (const url of [
        '/api/v1/controlled/stock',
        '/api/v1/controlled/ledger',
        '/api/v1/controlled/config',
        '/api/v1/controlled/expiring',
        '/api/v1/controlled/discrepancies',
        '/api/v1/controlled/reports/inventory',
      ]) {
        expect((await u.get(url)).status, `${role} ${url}`).toBe(403);
      }
      expect(
        (await u.post('/api/v1/controlled/movements', { type: 'open', containerId: id })).status,
        role,
      ).toBe(403);
    }
    expect((await c.anonymous().get('/api/v1/controlled/stock')).status).toBe(401);
  });

  it('audits every read and movement under controlled_substance', async () => {
    const c = await h.newClinic();
    const s = await setUpStock(c);
    const id = await s.container('5');
    const d = await move(s, {
      type: 'draw',
      containerId: id,
      quantity: 1,
      unit: 'mL',
      patientId: c.patientId,
    });
    await s.nurse.get('/api/v1/controlled/stock');
    await s.nurse.get('/api/v1/controlled/ledger');
    const rows = await h.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('clinic_id', '=', c.clinicId)
      .where('category', '=', 'controlled_substance')
      .execute();
    const draw = rows.find((r) => r.resource_id === d.body.entry.id);
    expect(draw).toMatchObject({
      action: 'create',
      resource_type: 'controlled_movement',
      patient_id: c.patientId,
      user_id: c.users.nurse.id,
    });
    expect(rows.some((r) => r.resource_type === 'controlled_stock' && r.action === 'query')).toBe(true);
    expect(rows.some((r) => r.resource_type === 'controlled_ledger' && r.action === 'query')).toBe(true);
  });
});
