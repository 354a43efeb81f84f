/**
 * `validateProtocol`: runtime validation of a clinic-edited protocol (plain TypeScript, no dependencies).
 *
 * Checks types, ordering (default ≤ protocol max ≤ absolute ceiling), plausibility of thresholds, a `source`
 * on every default, and regulatory floors: SPRAVATO US label and REMS 386 (intranasal, 28 mg devices, doses
 * 56/84 mg and 28 mg only under the non-US option, REMS consent and enrolment checklist item, pulse oximetry,
 * ≥ 120 min monitoring); off-label consent for racemic ketamine (ASKP3 basics); adults only.
 *
 * `{ strict: true }` is for saving a new version: it also requires the values every protocol must now carry
 * (mg cap, dosing-weight rule, minimum observation time, esketamine REMS discharge checks) and refuses the
 * retired near-baseline alternative. Versions stored before them still validate without it (they keep their
 * version; the calculator and discharge apply the label floors to them anyway).
 */
import { PROTOCOL_PLAUSIBILITY as P } from './plausibility.ts';
import {
  CHECKLIST_KINDS,
  CONSENT_KEYS,
  DRUGS,
  INDICATIONS,
  INSTRUMENT_CADENCES,
  INSTRUMENT_IDS,
  type Protocol,
  ROUTES,
} from './types.ts';
import { checkAdministration, checkDose } from './validate-dose.ts';
import { Checker, type Obj, type ValidationError } from './validate-helpers.ts';
import { checkDischarge, checkVitals } from './validate-vitals.ts';

export type { ValidationError } from './validate-helpers.ts';

export type ProtocolValidation =
  | { ok: true; protocol: Protocol; errors: [] }
  | { ok: false; errors: ValidationError[] };

const KEY_PATTERN = /^[a-z][a-z0-9_]*$/;

/**
 * Validate an unknown value (e.g. parsed JSON from the protocol editor) as a Protocol.
 *
 * @example
 * const iv = defaultIvKetamineProtocol();
 * validateProtocol({ ...iv, dose: { ...iv.dose, protocolMaxMgPerKg: 3 } });
 * // { ok: false, errors: [{ path: 'dose.protocolMaxMgPerKg', message: 'must be ≤ absoluteCeilingMgPerKg (3 > 1)' }] }
 */
export function validateProtocol(input: unknown, opts: { strict?: boolean } = {}): ProtocolValidation {
  const strict = opts.strict === true;
  const c = new Checker();
  const root = c.obj(input, '(root)');
  if (!root) return { ok: false, errors: c.errors };

  c.str(root, 'id', '');
  c.num(root, 'version', '', [1, Number.MAX_SAFE_INTEGER], { integer: true });
  c.str(root, 'name', '');
  c.oneOf(root, 'status', '', ['active', 'draft', 'retired'] as const);
  c.str(root, 'source', '');
  const route = c.oneOf(root, 'route', '', ROUTES);
  const drug = c.oneOf(root, 'drug', '', DRUGS);
  c.enumList(root, 'indications', '', INDICATIONS, { nonEmpty: true });

  checkAdministration(c, root, drug, route);
  checkDose(c, root, drug, route, strict);
  checkConsents(c, root, drug);
  checkInstruments(c, root);
  checkChecklist(c, root, drug);
  const { moaasAtMost } = checkVitals(c, root, drug);
  checkDischarge(c, root, drug, moaasAtMost, strict);
  checkSessions(c, root);
  checkIntegration(c, root);

  return c.errors.length === 0
    ? { ok: true, protocol: input as Protocol, errors: [] }
    : { ok: false, errors: c.errors };
}

function checkConsents(c: Checker, root: Obj, drug: string | undefined): void {
  const consents = c.enumList(root, 'requiredConsents', '', CONSENT_KEYS);
  if (!consents) return;
  if (drug === 'esketamine' && !consents.includes('esketamine_rems')) {
    c.err('requiredConsents', 'esketamine requires the esketamine REMS consent (REMS enrollment)');
  }
  if (drug === 'ketamine' && !consents.includes('off_label_ketamine')) {
    c.err('requiredConsents', 'racemic ketamine for psychiatric use requires the off-label ketamine consent');
  }
}

function checkInstruments(c: Checker, root: Obj): void {
  const list = c.arr(root, 'requiredInstruments', '') ?? [];
  const seen = new Set<string>();
  list.forEach((item, i) => {
    const p = `requiredInstruments[${i}]`;
    const o = c.obj(item, p);
    if (!o) return;
    const id = c.oneOf(o, 'instrument', p, INSTRUMENT_IDS);
    c.oneOf(o, 'cadence', p, INSTRUMENT_CADENCES);
    c.str(o, 'source', p);
    if (id && seen.has(id)) c.err(`${p}.instrument`, `duplicate ${id}`);
    if (id) seen.add(id);
  });
}

function checkChecklist(c: Checker, root: Obj, drug: string | undefined): void {
  const list = c.arr(root, 'checklist', '') ?? [];
  const keys = new Map<string, boolean>();
  list.forEach((item, i) => {
    const p = `checklist[${i}]`;
    const o = c.obj(item, p);
    if (!o) return;
    const key = c.str(o, 'key', p);
    if (key !== undefined && !KEY_PATTERN.test(key)) c.err(`${p}.key`, 'must be snake_case');
    if (key !== undefined && keys.has(key)) c.err(`${p}.key`, `duplicate ${key}`);
    c.str(o, 'label', p);
    c.oneOf(o, 'kind', p, CHECKLIST_KINDS);
    const blocking = c.bool(o, 'blocking', p);
    c.bool(o, 'allowNotApplicable', p, true);
    c.str(o, 'source', p);
    if (key !== undefined) keys.set(key, blocking === true);
  });
  if (drug === 'esketamine' && keys.get('rems_enrolled') !== true) {
    c.err(
      'checklist',
      'esketamine requires a blocking REMS enrollment checklist item (REMS: enroll before the first dose)',
    );
  }
}

function checkSessions(c: Checker, root: Obj): void {
  const s = c.obj(root.sessions, 'sessions');
  if (!s) return;
  c.num(s, 'count', 'sessions', P.sessionCount, { optional: true, integer: true });
  c.str(s, 'source', 'sessions');
  const phases = c.arr(s, 'phases', 'sessions', { nonEmpty: true }) ?? [];
  // For fixed-dose protocols, phase doses must be doses the protocol allows.
  const dose = root.dose as { kind?: unknown; allowedMg?: unknown } | undefined;
  const allowed =
    dose?.kind === 'fixed' && Array.isArray(dose.allowedMg) ? (dose.allowedMg as unknown[]) : null;
  const checkAllowed = (v: unknown, path: string): void => {
    if (allowed && !allowed.includes(v)) c.err(path, 'must be one of dose.allowedMg');
  };
  let nextWeek = 1;
  let open = false;
  phases.forEach((item, i) => {
    const p = `sessions.phases[${i}]`;
    const o = c.obj(item, p);
    if (!o) return;
    const from = c.num(o, 'fromWeek', p, [1, 520], { integer: true });
    const to = c.num(o, 'toWeek', p, [1, 520], { integer: true, optional: true });
    const lo = c.num(o, 'perWeekMin', p, P.sessionsPerWeek);
    const hi = c.num(o, 'perWeekMax', p, P.sessionsPerWeek);
    const first = c.num(o, 'firstDoseMg', p, P.mg, { optional: true, exclusiveMin: true });
    if (first !== undefined) checkAllowed(first, `${p}.firstDoseMg`);
    c.arr(o, 'allowedDosesMg', p, { optional: true, nonEmpty: true })?.forEach((v, j) => {
      if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0)
        c.err(`${p}.allowedDosesMg[${j}]`, 'must be mg > 0');
      else checkAllowed(v, `${p}.allowedDosesMg[${j}]`);
    });
    c.str(o, 'note', p, true);
    if (lo !== undefined && hi !== undefined && lo > hi) c.err(`${p}.perWeekMin`, 'must be ≤ perWeekMax');
    if (from !== undefined && to !== undefined && to < from) c.err(`${p}.toWeek`, 'must be ≥ fromWeek');
    if (open) c.err(p, 'follows an open-ended phase');
    if (from !== undefined && from !== nextWeek)
      c.err(`${p}.fromWeek`, `must be ${nextWeek} (phases are contiguous)`);
    if (to === undefined) open = true;
    else nextWeek = to + 1;
  });
}

/** Optional integration window: 0 ≤ fromHours ≤ toHours ≤ 336 (two weeks), with a source. */
function checkIntegration(c: Checker, root: Obj): void {
  if (root.integration === undefined) return;
  const o = c.obj(root.integration, 'integration');
  if (!o) return;
  const from = c.num(o, 'fromHours', 'integration', [0, 336]);
  const to = c.num(o, 'toHours', 'integration', [0, 336]);
  c.str(o, 'source', 'integration');
  if (from !== undefined && to !== undefined && to < from)
    c.err('integration.toHours', 'must be ≥ fromHours');
}
