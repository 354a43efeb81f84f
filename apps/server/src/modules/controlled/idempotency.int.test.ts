/**
 * Idempotent register movements: a retry with the same `idempotencyKey` (same clinic) answers the
 * first answer byte for byte and records nothing (no ledger row, no audit entry); the same key on a
 * different request is 409 naming the key; concurrent twins record once; a refused request leaves the
 * key free; without a key every request records, as before.
 */
import { testBackends } from '@plasticity/db/testing/index';
import { describe, expect, it } from 'vitest';
import { type TestApp, type TestClinic, useTestApp } from '../../test/harness.ts';
import { setUpStock, witnessOf } from './testing.ts';

const MOVE = '/api/v1/controlled/movements';

async function written(h: TestApp, c: TestClinic) {
  const db = h.database.db;
  const ledger = await db.selectFrom('cs_ledger').select('id').where('clinic_id', '=', c.clinicId).execute();
  const audit = await db
    .selectFrom('audit_log')
    .select('id')
    .where('clinic_id', '=', c.clinicId)
    .where('resource_type', '=', 'controlled_movement')
    .execute();
  return { ledger: ledger.length, audit: audit.length };
}

describe.each(testBackends())('idempotent movements on %s', (backend) => {
  const h = useTestApp(backend);

  it('answers a retry with the first answer, byte for byte, and records nothing more', async () => {
    const c = await h.newClinic();
    const s = await setUpStock(c);
    const id = await s.container('10');
    const body = {
      type: 'draw',
      containerId: id,
      quantity: '0.5',
      unit: 'mL',
      patientId: c.patientId,
      idempotencyKey: 'draw-7f3c9a2e-0001',
    };
    const first = await s.nurse.post(MOVE, body);
    expect(first.status, first.text).toBe(201);
    const after = await written(h, c);
    h.clock.advance(60_000);
    for (let i = 0; i < 3; i++) {
      const again = await s.nurse.post(MOVE, body);
      expect(again.status).toBe(201);
      expect(again.text).toBe(first.text);
    }
    // Another mover of the clinic retrying the same request gets the same answer.
    const byPrescriber = await s.prescriber.post(MOVE, body);
    expect(byPrescriber.text).toBe(first.text);
    expect(await written(h, c)).toEqual(after);
    const stock = await s.nurse.get('/api/v1/controlled/stock');
    expect(stock.body.items[0].balance).toBe('9.5');
  });

  it('answers a witnessed retry without asking the witness again', async () => {
    const c = await h.newClinic();
    const s = await setUpStock(c);
    const id = await s.container('10');
    const body = {
      type: 'waste',
      from: 'container',
      containerId: id,
      quantity: '0.2',
      unit: 'mL',
      reason: 'spilled while drawing',
      witness: witnessOf(c),
      idempotencyKey: 'waste-2b1d7c55-0001',
    };
    const first = await s.nurse.post(MOVE, body);
    expect(first.status, first.text).toBe(201);
    const after = await written(h, c);
    // A retry whose witness secret no longer checks (a used one-time code) still gets the first answer.
    const again = await s.nurse.post(MOVE, {
      ...body,
      witness: { email: body.witness.email, totp: '000000' },
    });
    expect(again.status).toBe(201);
    expect(again.text).toBe(first.text);
    expect(await written(h, c)).toEqual(after);
  });

  it('refuses the same key on a different request with 409 naming idempotencyKey, recording nothing', async () => {
    const c = await h.newClinic();
    const s = await setUpStock(c);
    const id = await s.container('10');
    const other = await s.container('10', { lot: 'L2402' });
    const body = { type: 'draw', containerId: id, quantity: '1', unit: 'mL', patientId: c.patientId };
    const key = 'reused-key-123456';
    expect((await s.nurse.post(MOVE, { ...body, idempotencyKey: key })).status).toBe(201);
    const after = await written(h, c);
    for (const changed of [
      { ...body, quantity: '2' },
      { ...body, containerId: other },
      { ...body, type: 'adjust', reason: 'x', witness: witnessOf(c) },
    ]) {
      const r = await s.nurse.post(MOVE, { ...changed, idempotencyKey: key });
      expect(r.status).toBe(409);
      expect(r.body.error.code).toBe('conflict');
      expect(r.body.error.details).toEqual([expect.objectContaining({ field: 'body.idempotencyKey' })]);
    }
    expect(await written(h, c)).toEqual(after);
  });

  it('records once when twins with the same key arrive together; every twin gets the same answer', async () => {
    const c = await h.newClinic();
    const s = await setUpStock(c);
    const id = await s.container('10');
    const body = {
      type: 'draw',
      containerId: id,
      quantity: '6',
      unit: 'mL',
      patientId: c.patientId,
      idempotencyKey: 'twin-5e0f3b8a-0001',
    };
    const before = await written(h, c);
    const answers = await Promise.all(Array.from({ length: 8 }, () => s.nurse.post(MOVE, body)));
    for (const r of answers) {
      expect(r.status, r.text).toBe(201);
      expect(r.text).toBe(answers[0]?.text);
    }
    expect(await written(h, c)).toEqual({ ledger: before.ledger + 1, audit: before.audit + 1 });
    expect((await s.nurse.get('/api/v1/controlled/stock')).body.items[0].balance).toBe('4');
  });

  it('keeps a key free when its request was refused, and keys apart per clinic', async () => {
    const c = await h.newClinic();
    const s = await setUpStock(c);
    const id = await s.container('1');
    const key = 'shared-key-abcdef';
    const tooMuch = await s.nurse.post(MOVE, {
      type: 'draw',
      containerId: id,
      quantity: '5',
      unit: 'mL',
      patientId: c.patientId,
      idempotencyKey: key,
    });
    expect(tooMuch.status).toBe(409);
    expect(tooMuch.body.error.code).toBe('insufficient_balance');
    const body = { type: 'draw', containerId: id, quantity: '0.5', unit: 'mL', patientId: c.patientId };
    const ok = await s.nurse.post(MOVE, { ...body, idempotencyKey: key });
    expect(ok.status).toBe(201);

    const d = await h.newClinic();
    const t = await setUpStock(d);
    const theirs = await t.container('1');
    const r = await t.nurse.post(MOVE, {
      ...body,
      containerId: theirs,
      patientId: d.patientId,
      idempotencyKey: key,
    });
    expect(r.status).toBe(201);
    expect(r.body.entry.id).not.toBe(ok.body.entry.id);
    expect(r.body.entry.containerId).toBe(theirs);
  });

  it('records every request without a key, as before', async () => {
    const c = await h.newClinic();
    const s = await setUpStock(c);
    const id = await s.container('10');
    const body = { type: 'draw', containerId: id, quantity: '1', unit: 'mL', patientId: c.patientId };
    const before = await written(h, c);
    const a = await s.nurse.post(MOVE, body);
    const b = await s.nurse.post(MOVE, body);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body.entry.id).not.toBe(b.body.entry.id);
    expect(b.body.balance).toBe('8');
    expect(await written(h, c)).toEqual({ ledger: before.ledger + 2, audit: before.audit + 2 });
  });

  it.each([
    ['too short', 'short'],
    ['too long', 'k'.repeat(101)],
    ['with a space', 'has a space in it'],
    ['not a string', 12345678],
  ])('refuses a key %s with 400 naming it', async (_, idempotencyKey) => {
    const c = await h.newClinic();
    const s = await setUpStock(c);
    const id = await s.container('10');
    const before = await written(h, c);
    const r = await s.nurse.post(MOVE, {
      type: 'draw',
      containerId: id,
      quantity: '1',
      unit: 'mL',
      patientId: c.patientId,
      idempotencyKey,
    });
    expect(r.status).toBe(400);
    expect(r.body.error.details.map((x: { field: string }) => x.field)).toContain('body.idempotencyKey');
    expect(await written(h, c)).toEqual(before);
  });
});
