import { describe, expect, it } from 'vitest';
import { Decimal } from './decimal.ts';
import type { MovementDraft } from './draft.ts';
import { ACTOR, codes, container, drawCtx, SUPPLIER, VALID } from './testing.ts';
import { checkMovement, type MovementContext } from './validation.ts';

describe('valid drafts', () => {
  it.each(Object.keys(VALID))('%s passes and builds a typed movement', (key) => {
    const draft = VALID[key] as MovementDraft;
    const r = checkMovement(draft, ACTOR);
    expect(r.ok ? [] : r.errors).toEqual([]);
    expect(r.ok && r.movement.type).toBe(draft.type);
  });

  it('builds exact quantities and keeps optional fields only when present', () => {
    const r = checkMovement(VALID.receipt as MovementDraft, ACTOR);
    expect(r.ok).toBe(true);
    if (r.ok && r.movement.type === 'receipt') {
      expect(r.movement.quantity.toString()).toBe('500');
      expect(r.movement.container.concentrationMgPerMl?.toString()).toBe('50');
      expect(r.movement.invoiceNumber).toBe('INV-9');
      expect('form' in r.movement.container).toBe(false);
    }
    const w = checkMovement({ ...(VALID.wasteContainer as MovementDraft), drawId: 'ignored' }, ACTOR);
    expect(w.ok && 'drawId' in w.movement).toBe(false);
    const a = checkMovement({ ...(VALID.adjust as MovementDraft), quantity: Decimal.of('-1') }, ACTOR);
    expect(a.ok && a.movement.type === 'adjust' && a.movement.quantity.toString()).toBe('-1');
  });

  it('passes with a full context', () => {
    expect(codes(VALID.draw as MovementDraft, { container: container('sealed') })).toEqual([]);
    expect(
      codes(VALID.administer as MovementDraft, { container: container('open'), draw: drawCtx() }),
    ).toEqual([]);
    expect(codes(VALID.receipt as MovementDraft, { container: null })).toEqual([]);
  });
});

describe('field errors', () => {
  const cases: [string, MovementDraft, string[], MovementContext?][] = [
    ['unknown type', { ...VALID.open, type: 'spill' }, ['type:unknown_type']],
    [
      'waste without witness',
      { ...VALID.wasteDraw, witnessUserId: undefined },
      ['witnessUserId:witness_required'],
    ],
    [
      'waste with blank witness',
      { ...VALID.wasteDraw, witnessUserId: '  ' },
      ['witnessUserId:witness_required'],
    ],
    [
      'waste witnessed by the actor',
      { ...VALID.wasteDraw, witnessUserId: ACTOR },
      ['witnessUserId:witness_is_actor'],
    ],
    [
      'adjust without co-signature',
      { ...VALID.adjust, witnessUserId: undefined },
      ['witnessUserId:witness_required'],
    ],
    [
      'adjust co-signed by the actor',
      { ...VALID.adjust, witnessUserId: ACTOR },
      ['witnessUserId:witness_is_actor'],
    ],
    ['adjust without reason', { ...VALID.adjust, reason: '' }, ['reason:required']],
    ['adjust of zero', { ...VALID.adjust, quantity: '0' }, ['quantity:quantity_zero']],
    [
      'destroy with one witness',
      { ...VALID.destroy, witnessUserIds: ['nurse-2'] },
      ['witnessUserIds.1:witness_required'],
    ],
    [
      'destroy with no witnesses',
      { ...VALID.destroy, witnessUserIds: undefined },
      ['witnessUserIds.0:witness_required', 'witnessUserIds.1:witness_required'],
    ],
    [
      'destroy witnessed by the actor',
      { ...VALID.destroy, witnessUserIds: [ACTOR, 'md-1'] },
      ['witnessUserIds.0:witness_is_actor'],
    ],
    [
      'destroy with identical witnesses',
      { ...VALID.destroy, witnessUserIds: ['md-1', 'md-1'] },
      ['witnessUserIds.1:witnesses_identical'],
    ],
    [
      'destroy with three witnesses',
      { ...VALID.destroy, witnessUserIds: ['a', 'b', 'c'] },
      ['witnessUserIds:invalid_value'],
    ],
    [
      'DEA-41 names identical',
      { ...VALID.destroy, dea41: { ...VALID.destroy?.dea41, witnessNames: ['Ann Lee', ' ann lee '] } },
      ['dea41.witnessNames.1:witnesses_identical'],
    ],
    [
      'DEA-41 name missing',
      { ...VALID.destroy, dea41: { ...VALID.destroy?.dea41, witnessNames: ['Ann Lee'] } },
      ['dea41.witnessNames.1:witness_required'],
    ],
    [
      'DEA-41 without method and form',
      { ...VALID.destroy, dea41: { ...VALID.destroy?.dea41, method: '', form: undefined } },
      ['dea41.method:required', 'dea41.form:required'],
    ],
    [
      'DEA-41 with bad NDC and date',
      { ...VALID.destroy, dea41: { ...VALID.destroy?.dea41, ndc: '123', destroyedOn: '2025-02-30' } },
      ['dea41.ndc:invalid_ndc', 'dea41.destroyedOn:invalid_date'],
    ],
    ['draw without patient', { ...VALID.draw, patientId: undefined }, ['patientId:required']],
    ['administer without draw', { ...VALID.administer, drawId: '' }, ['drawId:required']],
    ['waste from draw without draw', { ...VALID.wasteDraw, drawId: undefined }, ['drawId:required']],
    ['waste without source', { ...VALID.wasteDraw, from: undefined }, ['from:required']],
    ['waste from elsewhere', { ...VALID.wasteDraw, from: 'floor' }, ['from:invalid_value']],
    ['waste without reason', { ...VALID.wasteContainer, reason: ' ' }, ['reason:required']],
    [
      'receipt without supplier DEA number',
      { ...VALID.receipt, supplier: { name: 'A', address: 'B' } },
      ['supplier.deaNumber:required'],
    ],
    [
      'receipt with bad DEA checksum',
      { ...VALID.receipt, supplier: { ...SUPPLIER, deaNumber: 'AB1234567' } },
      ['supplier.deaNumber:invalid_dea_number'],
    ],
    [
      'receipt with bad NDC, expiry, concentration',
      {
        ...VALID.receipt,
        container: {
          ndc: 'x',
          lot: 'L',
          expiresOn: '31/12/2026',
          locationId: 's',
          concentrationMgPerMl: '0',
        },
      },
      [
        'container.ndc:invalid_ndc',
        'container.expiresOn:invalid_date',
        'container.concentrationMgPerMl:quantity_not_positive',
      ],
    ],
    [
      'receipt without lot',
      { ...VALID.receipt, container: { ...VALID.receipt?.container, lot: undefined } },
      ['container.lot:required'],
    ],
    [
      'return without recipient',
      { ...VALID.return, recipient: undefined },
      ['recipient.name:required', 'recipient.address:required', 'recipient.deaNumber:required'],
    ],
    [
      'transfer without destination',
      { ...VALID.transfer, toLocationId: undefined },
      ['toLocationId:required'],
    ],
    ['transfer with a quantity', { ...VALID.transfer, quantity: '1' }, ['quantity:quantity_not_allowed']],
    [
      'missing container and time',
      { ...VALID.open, containerId: undefined, occurredAt: undefined },
      ['containerId:required', 'occurredAt:required'],
    ],
    [
      'time without offset',
      { ...VALID.open, occurredAt: '2025-03-03T15:00:00' },
      ['occurredAt:invalid_date'],
    ],
    ['blank actor', VALID.open as MovementDraft, ['actor:required'], {}],
    ['draw of zero', { ...VALID.draw, quantity: 0 }, ['quantity:quantity_not_positive']],
    ['draw of a negative', { ...VALID.draw, quantity: '-5' }, ['quantity:invalid_quantity']],
    [
      'draw of a negative Decimal',
      { ...VALID.draw, quantity: Decimal.of(-5) },
      ['quantity:invalid_quantity'],
    ],
    ['draw of 1e3', { ...VALID.draw, quantity: '1e3' }, ['quantity:invalid_quantity']],
    ['draw without quantity', { ...VALID.draw, quantity: undefined }, ['quantity:required']],
    ['draw without unit', { ...VALID.draw, unit: undefined }, ['unit:required']],
    ['draw in grams', { ...VALID.draw, unit: 'g' }, ['unit:invalid_value']],
    ['destroy of zero', { ...VALID.destroy, quantity: '0' }, ['quantity:quantity_not_positive']],
    ['receipt of zero', { ...VALID.receipt, quantity: '0.000' }, ['quantity:quantity_not_positive']],
    ['administer of zero', { ...VALID.administer, quantity: 0 }, ['quantity:quantity_not_positive']],
  ];
  it.each(cases)('%s', (_label, draft, expected, ctx) => {
    const actor = _label === 'blank actor' ? ' ' : ACTOR;
    expect(codes(draft, ctx ?? {}, actor)).toEqual(expected);
  });
});
