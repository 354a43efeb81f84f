/**
 * Drug and route of plans, eligibility decisions and consents against the session's. Sources: SPRAVATO US
 * prescribing information and REMS 386 (intranasal esketamine, patient enrolled before the first dose);
 * ASKP3 "basics" and Sanacora et al. 2017 (off-label racemic ketamine needs its own consent).
 */
import { describe, expect, it } from 'vitest';
import { checkConsents, consentCovers, drugRouteLabel, drugRouteMismatch } from './match.ts';

const esk = { drug: 'esketamine', route: 'intranasal' };
const iv = { drug: 'ketamine', route: 'iv' };
const im = { drug: 'ketamine', route: 'im' };

describe('drugRouteMismatch', () => {
  it.each([
    [iv, esk, 'the approved plan is for IV ketamine; this session is intranasal esketamine'],
    [esk, iv, 'the approved plan is for intranasal esketamine; this session is IV ketamine'],
    [im, iv, 'the approved plan is for IM ketamine; this session is IV ketamine'],
    [iv, iv, null],
    [esk, esk, null],
  ])('%o for a %o session', (record, session, expected) => {
    expect(drugRouteMismatch('the approved plan', record, session)).toBe(expected);
  });

  it('labels unknown values without showing them', () => {
    expect(drugRouteLabel({ drug: 'x', route: 'y' })).toBe('unknown-route unknown drug');
  });
});

describe('consentCovers', () => {
  it.each([
    ['off_label_ketamine', iv, true],
    ['off_label_ketamine', esk, false],
    ['kap', { drug: 'ketamine', route: 'sublingual' }, true],
    ['kap', esk, false],
    ['esketamine_rems', esk, true],
    ['esketamine_rems', iv, false],
    ['financial', esk, true],
    ['telehealth', iv, true],
    ['unknown', iv, false],
  ])('%s covers %o: %s', (kind, session, expected) => {
    expect(consentCovers(kind, session)).toBe(expected);
  });
});

describe('checkConsents', () => {
  it('passes an esketamine session with the REMS and financial consents', () => {
    expect(
      checkConsents(['esketamine_rems', 'financial'], ['esketamine_rems', 'financial'], esk),
    ).toMatchObject({
      ok: true,
      message: 'required consents signed',
    });
  });

  it('does not let an IV ketamine consent stand for the esketamine one, and says why', () => {
    const r = checkConsents(['esketamine_rems', 'financial'], ['off_label_ketamine', 'financial'], esk);
    expect(r.ok).toBe(false);
    expect(r.missing).toEqual(['esketamine_rems']);
    expect(r.message).toBe(
      'not signed: esketamine (SPRAVATO REMS) consent (the signed off-label ketamine consent is for ketamine; this session is intranasal esketamine)',
    );
  });

  it('needs the drug’s own consent even when a protocol leaves it out', () => {
    const r = checkConsents(['financial'], ['financial'], esk);
    expect(r).toMatchObject({ ok: false, missing: ['esketamine_rems'] });
  });

  it('refuses a protocol list holding a consent for another drug', () => {
    const r = checkConsents(
      ['off_label_ketamine', 'financial'],
      ['off_label_ketamine', 'financial', 'esketamine_rems'],
      esk,
    );
    expect(r.ok).toBe(false);
    expect(r.notCovering).toEqual(['off_label_ketamine']);
    expect(r.message).toContain('which does not cover intranasal esketamine');
  });

  it('passes IV ketamine with the off-label and financial consents', () => {
    expect(
      checkConsents(['off_label_ketamine', 'financial'], ['off_label_ketamine', 'financial'], iv).ok,
    ).toBe(true);
  });
});
