import { describe, expect, it } from 'vitest';
import type { MovementDraft } from './draft.ts';
import type { ContainerStatus } from './movements.ts';
import { ACTOR, codes, container, drawCtx, VALID } from './testing.ts';
import { type MovementContext, type MovementErrorCode, validateMovement } from './validation.ts';

describe('context checks', () => {
  const cases: [string, MovementDraft, MovementContext, string[]][] = [
    [
      'unit differs from the container',
      { ...VALID.draw, unit: 'mL' },
      { container: container() },
      ['unit:unit_mismatch'],
    ],
    [
      'receipt of an existing container',
      VALID.receipt as MovementDraft,
      { container: container() },
      ['containerId:container_exists'],
    ],
    [
      'movement for an unknown container',
      VALID.draw as MovementDraft,
      { container: null },
      ['containerId:unknown_container'],
    ],
    [
      'administer from an unknown draw',
      VALID.administer as MovementDraft,
      { container: container(), draw: null },
      ['drawId:unknown_draw'],
    ],
    [
      'administer from another container’s draw',
      VALID.administer as MovementDraft,
      { draw: drawCtx('50', { containerId: 'v9' }) },
      ['containerId:draw_container_mismatch'],
    ],
    [
      'administer to another patient',
      VALID.administer as MovementDraft,
      { draw: drawCtx('50', { patientId: 'p2' }) },
      ['patientId:patient_mismatch'],
    ],
    [
      'DEA-41 NDC differs from the container',
      { ...VALID.destroy, dea41: { ...VALID.destroy?.dea41, ndc: '0409-2051-06' } },
      { container: container() },
      ['dea41.ndc:ndc_mismatch'],
    ],
    [
      'draw from an expired vial',
      VALID.draw as MovementDraft,
      { container: container('expired') },
      ['containerId:container_status'],
    ],
    [
      'draw from a quarantined vial',
      VALID.draw as MovementDraft,
      { container: container('quarantined') },
      ['containerId:container_status'],
    ],
    [
      'draw from an empty vial',
      VALID.draw as MovementDraft,
      { container: container('empty', '0') },
      ['containerId:container_status', 'quantity:would_go_negative'],
    ],
    [
      'open an open vial',
      VALID.open as MovementDraft,
      { container: container('open') },
      ['containerId:container_status'],
    ],
    [
      'transfer an empty vial',
      VALID.transfer as MovementDraft,
      { container: container('empty', '0') },
      ['containerId:container_status'],
    ],
    [
      'draw more than the balance',
      { ...VALID.draw, quantity: '100.000001' },
      { container: container('open', '100') },
      ['quantity:would_go_negative'],
    ],
    [
      'waste from container more than the balance',
      { ...VALID.wasteContainer, quantity: '101' },
      { container: container() },
      ['quantity:would_go_negative'],
    ],
    [
      'adjust below zero',
      { ...VALID.adjust, quantity: '-100.5' },
      { container: container() },
      ['quantity:would_go_negative'],
    ],
    [
      'return more than the balance',
      { ...VALID.return, quantity: '150' },
      { container: container('expired') },
      ['quantity:would_go_negative'],
    ],
    [
      'administer more than outstanding',
      { ...VALID.administer, quantity: '50.5' },
      { container: container(), draw: drawCtx('50') },
      ['quantity:exceeds_draw_outstanding'],
    ],
    [
      'waste more of a draw than outstanding',
      { ...VALID.wasteDraw, quantity: '16' },
      { container: container('open', '0'), draw: drawCtx('15') },
      ['quantity:exceeds_draw_outstanding'],
    ],
  ];
  it.each(cases)('%s', (_label, draft, ctx, expected) => {
    expect(codes(draft, ctx)).toEqual(expected);
  });

  it.each<[string, MovementDraft, ContainerStatus, boolean]>([
    ['draw from sealed (opens it)', VALID.draw as MovementDraft, 'sealed', true],
    ['waste from an expired vial', VALID.wasteContainer as MovementDraft, 'expired', true],
    ['destroy a quarantined vial', VALID.destroy as MovementDraft, 'quarantined', true],
    ['adjust an empty vial upward', { ...VALID.adjust, quantity: '1' }, 'empty', true],
    ['administer after the vial emptied', VALID.administer as MovementDraft, 'empty', true],
    [
      'waste the rest of a draw after the draw emptied the vial',
      VALID.wasteDraw as MovementDraft,
      'empty',
      true,
    ],
    [
      'waste the rest of a draw from a vial that expired since',
      VALID.wasteDraw as MovementDraft,
      'expired',
      true,
    ],
    ['return an empty vial', VALID.return as MovementDraft, 'empty', false],
  ])('status rule: %s → allowed %s', (_label, draft, status, allowed) => {
    const errs = codes(draft, { container: container(status, '1000') });
    expect(errs.includes('containerId:container_status')).toBe(!allowed);
  });

  it('witness errors come before balance errors', () => {
    const errs = codes(
      { ...VALID.wasteContainer, witnessUserId: ACTOR, quantity: '500' },
      { container: container('open', '10') },
    );
    expect(errs).toEqual(['witnessUserId:witness_is_actor', 'quantity:would_go_negative']);
    const destroyErrs = codes(
      { ...VALID.destroy, witnessUserIds: ['x', 'x'], quantity: '999' },
      { container: container() },
    );
    expect(destroyErrs[0]).toBe('witnessUserIds.1:witnesses_identical');
    expect(destroyErrs.at(-1)).toBe('quantity:would_go_negative');
  });

  it('error messages are human readable', () => {
    const [e] = validateMovement({ ...(VALID.draw as MovementDraft), quantity: '.5' }, ACTOR);
    expect(e?.code satisfies MovementErrorCode | undefined).toBe('invalid_quantity');
    expect(e?.message).toContain('0.5');
    const [n] = validateMovement({ ...(VALID.draw as MovementDraft), quantity: '12.5' }, ACTOR, {
      container: container('open', '12.5'),
    });
    expect(n).toBeUndefined();
    const [m] = validateMovement({ ...(VALID.draw as MovementDraft), quantity: 13 }, ACTOR, {
      container: container('open', '12.5'),
    });
    expect(m?.message).toBe('Only 12.5 mg left in the container');
  });
});
