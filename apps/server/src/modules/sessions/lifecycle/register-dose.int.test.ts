/**
 * The administration record moves stock in the controlled-substance register: draw,
 * administer and witnessed waste in the administration's own transaction, everything or nothing.
 */
import { testBackends } from '@plasticity/db/testing/index';
import { describe, expect, it } from 'vitest';
import { type Client, type TestApp, type TestClinic, useTestApp } from '../../../test/harness.ts';
import { FUTURE, type Stock, setUpStock, witnessOf } from '../../controlled/testing.ts';
import { at, ESK, IV, newSession, readyForDosing } from '../test/fixtures.ts';

interface Entry {
  id: string;
  type: string;
  quantity: string;
  unit: string;
  balance: string;
  patientId: string | null;
  sessionId: string | null;
  drawId: string | null;
  wasteFrom: string | null;
  witnessUserId: string | null;
}

/** A session in dosing for the clinic's patient, and the register stock to draw from. */
async function dosingSession(h: TestApp, c: TestClinic, protocolId = IV) {
  const stock = await setUpStock(c);
  const s = await newSession(h, c, stock.nurse, protocolId);
  await readyForDosing(h, c, stock.nurse, s.id);
  const d = await stock.prescriber.post(`/api/v1/sessions/${s.id}/transition`, {
    to: 'dosing',
    overrideReason: 'records held on paper for this test',
  });
  if (d.status !== 200) throw new Error(`dosing: ${d.status} ${d.text}`);
  return { stock, sessionId: s.id };
}

const balanceOf = async (stock: Stock, containerId: string) => {
  const r = await stock.nurse.get('/api/v1/controlled/stock');
  return r.body.items.find((i: { id: string }) => i.id === containerId) as {
    balance: string;
    status: string;
    outstandingDraws: unknown[];
  };
};
const ledgerOf = async (client: Client, sessionId: string) => {
  const r = await client.get(`/api/v1/controlled/ledger?sessionId=${sessionId}`);
  expect(r.status).toBe(200);
  return r.body.items as Entry[];
};

describe.each(testBackends())('administration and the register on %s', (backend) => {
  const h = useTestApp(backend);

  it('records draw, administration and witnessed waste linked to the session and patient', async () => {
    const c = await h.newClinic();
    const { stock, sessionId } = await dosingSession(h, c);
    const vial = await stock.container('10', { lot: 'KT-77' });
    const r = await stock.nurse.post(`/api/v1/sessions/${sessionId}/administrations`, {
      doseMg: 35,
      volumeMl: 0.7,
      drawnMl: 0.8,
      containerId: vial,
      startedAt: at(h),
      wasteWitness: witnessOf(c),
      verifiedBy: c.users.prescriber.id,
    });
    expect(r.status, r.text).toBe(201);
    const adm = r.body.administrations[0];
    expect(adm).toMatchObject({
      doseMg: '35',
      volumeMl: '0.7',
      concentrationMgPerMl: '50',
      containerId: vial,
      lot: 'KT-77',
      expiry: FUTURE,
      register: {
        unit: 'mL',
        drawn: '0.8',
        given: '0.7',
        wasted: '0.1',
        wasteWitnessUserId: c.users.prescriber.id,
      },
    });
    expect(r.body.doseStartedAt).not.toBeNull();

    const ledger = await ledgerOf(stock.nurse, sessionId);
    expect(ledger.map((e) => `${e.type}:${e.quantity}:${e.balance}`)).toEqual([
      'draw:0.8:9.2',
      'administer:0.7:9.2',
      'waste:0.1:9.2',
    ]);
    const [draw, given, waste] = ledger as [Entry, Entry, Entry];
    expect(adm.register).toMatchObject({
      drawEntryId: draw.id,
      administerEntryId: given.id,
      wasteEntryId: waste.id,
    });
    for (const e of ledger) expect(e).toMatchObject({ patientId: c.patientId, sessionId, unit: 'mL' });
    expect(given.drawId).toBe(draw.id);
    expect(waste).toMatchObject({ drawId: draw.id, wasteFrom: 'draw', witnessUserId: c.users.prescriber.id });
    expect(await balanceOf(stock, vial)).toMatchObject({ balance: '9.2', outstandingDraws: [] });

    // The session page reads the same entries back.
    const detail = await stock.nurse.get(`/api/v1/sessions/${sessionId}`);
    expect(detail.body.administrations[0].register.wasteEntryId).toBe(waste.id);
  });

  it('needs no witness when all that was drawn was given', async () => {
    const c = await h.newClinic();
    const { stock, sessionId } = await dosingSession(h, c);
    const vial = await stock.container('5');
    const r = await stock.nurse.post(`/api/v1/sessions/${sessionId}/administrations`, {
      doseMg: 40,
      volumeMl: 0.8,
      containerId: vial,
      startedAt: at(h),
    });
    expect(r.status, r.text).toBe(201);
    expect(r.body.administrations[0].register).toMatchObject({ drawn: '0.8', given: '0.8', wasted: null });
    expect((await ledgerOf(stock.nurse, sessionId)).map((e) => e.type)).toEqual(['draw', 'administer']);
    expect((await balanceOf(stock, vial)).balance).toBe('4.2');
  });

  it('wastes the remainder of a draw that emptied the vial', async () => {
    const c = await h.newClinic();
    const { stock, sessionId } = await dosingSession(h, c);
    const vial = await stock.container('0.8');
    const r = await stock.nurse.post(`/api/v1/sessions/${sessionId}/administrations`, {
      doseMg: 35,
      volumeMl: 0.7,
      drawnMl: 0.8,
      containerId: vial,
      startedAt: at(h),
      wasteWitness: witnessOf(c, 'prescriber'),
    });
    expect(r.status, r.text).toBe(201);
    expect((await ledgerOf(stock.nurse, sessionId)).map((e) => `${e.type}:${e.balance}`)).toEqual([
      'draw:0',
      'administer:0',
      'waste:0',
    ]);
    expect(await balanceOf(stock, vial)).toMatchObject({
      balance: '0',
      status: 'empty',
      outstandingDraws: [],
    });
  });

  it.each<[string, number, string, string]>([
    ['a wrong witness password', 400, 'witness_invalid', 'body.wasteWitness'],
    ['no witness for the remainder', 400, 'witness_invalid', 'body.wasteWitness'],
    ['more drawn than the vial holds', 409, 'insufficient_balance', 'body.drawnMl'],
    ['another clinic’s container', 400, 'validation_failed', 'body.containerId'],
    ['a volume that is not the dose', 400, 'validation_failed', 'body.volumeMl'],
    ['a product of another drug', 400, 'validation_failed', 'body.containerId'],
    ['a concentration that is not the product’s', 400, 'validation_failed', 'body.concentrationMgPerMl'],
    ['less drawn than given', 400, 'validation_failed', 'body.drawnMl'],
  ])('refuses %s and changes nothing', async (what, status, code, field) => {
    const c = await h.newClinic();
    const { stock, sessionId } = await dosingSession(h, c);
    const vial = await stock.container(what.startsWith('more drawn') ? '0.75' : '10');
    const body: Record<string, unknown> = {
      doseMg: 35,
      volumeMl: 0.7,
      drawnMl: 0.8,
      containerId: vial,
      startedAt: at(h),
      wasteWitness: witnessOf(c),
    };
    if (what.startsWith('a wrong witness'))
      body.wasteWitness = witnessOf(c, 'prescriber', 'not-the-password');
    if (what.startsWith('no witness')) delete body.wasteWitness;
    if (what.startsWith('another clinic')) {
      const other = await setUpStock(await h.newClinic());
      body.containerId = await other.container('10');
    }
    if (what.startsWith('a volume')) body.volumeMl = 0.8;
    if (what.startsWith('a product')) {
      const p = await stock.admin.post('/api/v1/controlled/products', {
        drug: 'Esketamine (Spravato)',
        ndc: '99999-0028-03',
        form: 'nasal spray',
        strength: '28 mg/device',
        containerSize: 84,
        containerLabel: '3-device box',
        unit: 'mg',
      });
      expect(p.status, p.text).toBe(201);
      const box = await stock.nurse.post('/api/v1/controlled/containers', {
        productId: p.body.id,
        lot: 'ESK-1',
        expiresOn: FUTURE,
        locationId: stock.locationId,
        receipt: { quantity: 84, supplierId: stock.supplierId },
      });
      expect(box.status, box.text).toBe(201);
      body.containerId = box.body.id;
    }
    if (what.startsWith('a concentration')) body.concentrationMgPerMl = 100;
    if (what.startsWith('less drawn')) body.drawnMl = 0.6;
    const before = await balanceOf(stock, vial);

    const r = await stock.nurse.post(`/api/v1/sessions/${sessionId}/administrations`, body);
    expect(r.status, r.text).toBe(status);
    expect(r.body.error.code).toBe(code);
    expect(r.body.error.details.map((d: { field: string }) => d.field)).toContain(field);

    const detail = await stock.nurse.get(`/api/v1/sessions/${sessionId}`);
    expect(detail.body.administrations).toEqual([]);
    expect(detail.body.doseStartedAt).toBeNull();
    expect(await ledgerOf(stock.nurse, sessionId)).toEqual([]);
    expect(await balanceOf(stock, vial)).toEqual(before);
  });

  it('draws an esketamine device box in mg: the dose itself, no remainder', async () => {
    const c = await h.newClinic();
    const { stock, sessionId } = await dosingSession(h, c, ESK);
    const p = await stock.admin.post('/api/v1/controlled/products', {
      drug: 'Esketamine (Spravato)',
      ndc: '99999-0028-03',
      form: 'nasal spray',
      strength: '28 mg/device',
      containerSize: 84,
      containerLabel: '3-device box',
      unit: 'mg',
    });
    const box = await stock.nurse.post('/api/v1/controlled/containers', {
      productId: p.body.id,
      lot: 'ESK-1',
      expiresOn: FUTURE,
      locationId: stock.locationId,
      receipt: { quantity: 84, supplierId: stock.supplierId },
    });
    const ketamineVial = await stock.container('10');
    const wrong = await stock.nurse.post(`/api/v1/sessions/${sessionId}/administrations`, {
      doseMg: 56,
      containerId: ketamineVial,
      startedAt: at(h),
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details[0].field).toBe('body.containerId');
    const r = await stock.nurse.post(`/api/v1/sessions/${sessionId}/administrations`, {
      doseMg: 56,
      containerId: box.body.id,
      startedAt: at(h),
    });
    expect(r.status, r.text).toBe(201);
    expect(r.body.administrations[0]).toMatchObject({
      lot: 'ESK-1',
      register: { unit: 'mg', drawn: '56', given: '56', wasted: null },
    });
    expect((await balanceOf(stock, box.body.id)).balance).toBe('28');
  });

  it('keeps administrations without a container, and refuses register fields without one', async () => {
    const c = await h.newClinic();
    const { stock, sessionId } = await dosingSession(h, c);
    const orphan = await stock.nurse.post(`/api/v1/sessions/${sessionId}/administrations`, {
      doseMg: 35,
      volumeMl: 0.7,
      drawnMl: 0.8,
      startedAt: at(h),
      notFromRegisterReason: 'The vial is not tracked in this register',
    });
    expect(orphan.status).toBe(400);
    expect(orphan.body.error.details[0].field).toBe('body.drawnMl');
    const r = await stock.nurse.post(`/api/v1/sessions/${sessionId}/administrations`, {
      doseMg: 35,
      volumeMl: 0.7,
      lot: 'PAPER-1',
      expiry: '2027-01-31',
      startedAt: at(h),
      notFromRegisterReason: 'The vial is not tracked in this register',
    });
    expect(r.status, r.text).toBe(201);
    expect(r.body.administrations[0]).toMatchObject({ lot: 'PAPER-1', containerId: null, register: null });
    expect(await ledgerOf(stock.nurse, sessionId)).toEqual([]);
  });
});
