/**
 * `validateEligibilityRules`: runtime validation of clinic-edited eligibility rules (plain TypeScript).
 *
 * Checks ids (unique, snake_case), versions, severities, `appliesTo` filters, sources, and that each condition
 * uses only the closed language: known fields, an operator that fits the field's type, a value of the right
 * type, non-empty `all`/`any`, bounded nesting. Sources: none clinical; see `default-rules-*.ts` for the rules.
 */
import { TRIAL_OUTCOMES } from '../medications/trials.ts';
import { DRUGS, INDICATIONS, ROUTES } from '../protocols/types.ts';
import { Checker, type Obj, type ValidationError } from '../protocols/validate-helpers.ts';
import { INTAKE_FIELDS, isIntakeField } from './fields.ts';
import type { EligibilityRule } from './types.ts';

export type RulesValidation =
  | { ok: true; rules: EligibilityRule[]; errors: [] }
  | { ok: false; errors: ValidationError[] };

const MAX_DEPTH = 8;
const ID = /^[a-z][a-z0-9_]*$/;
const SEVERITIES = ['absolute', 'relative', 'caution'] as const;
const OPS = ['eq', 'gte', 'lt', 'in', 'true'] as const;

/**
 * Validate an unknown value (e.g. parsed JSON) as a list of eligibility rules.
 *
 * @example
 * validateEligibilityRules([{ id: 'x', version: 1, description: 'd', severity: 'fatal', condition: {}, source: 's' }]);
 * // { ok: false, errors: [{ path: '[0].severity', ... }, { path: '[0].condition.field', ... }, ...] }
 */
export function validateEligibilityRules(input: unknown): RulesValidation {
  const c = new Checker();
  if (!Array.isArray(input)) {
    c.err('(root)', 'must be an array of rules');
    return { ok: false, errors: c.errors };
  }
  const ids = new Set<string>();
  input.forEach((item, i) => {
    const p = `[${i}]`;
    const r = c.obj(item, p);
    if (!r) return;
    const id = c.str(r, 'id', p);
    if (id !== undefined && !ID.test(id)) c.err(`${p}.id`, 'must be snake_case');
    if (id !== undefined && ids.has(id)) c.err(`${p}.id`, `duplicate ${id}`);
    if (id !== undefined) ids.add(id);
    c.num(r, 'version', p, [1, Number.MAX_SAFE_INTEGER], { integer: true });
    c.str(r, 'description', p);
    c.str(r, 'message', p, true);
    c.str(r, 'source', p);
    c.oneOf(r, 'severity', p, SEVERITIES);
    const a = c.obj(r.appliesTo, `${p}.appliesTo`, true);
    if (a) {
      const ap = `${p}.appliesTo`;
      c.enumList(a, 'drugs', ap, DRUGS, { optional: true, nonEmpty: true });
      c.enumList(a, 'routes', ap, ROUTES, { optional: true, nonEmpty: true });
      c.enumList(a, 'indications', ap, INDICATIONS, { optional: true, nonEmpty: true });
    }
    checkCondition(c, r.condition, `${p}.condition`, 0);
  });
  return c.errors.length === 0
    ? { ok: true, rules: input as EligibilityRule[], errors: [] }
    : { ok: false, errors: c.errors };
}

function checkCondition(c: Checker, value: unknown, path: string, depth: number): void {
  if (depth > MAX_DEPTH) {
    c.err(path, `nested deeper than ${MAX_DEPTH} levels`);
    return;
  }
  const o = c.obj(value, path);
  if (!o) return;
  const keys = Object.keys(o);
  const combinator = keys.filter((k) => k === 'all' || k === 'any' || k === 'not');
  if (combinator.length > 0) {
    if (keys.length !== 1) {
      c.err(path, 'a combinator (all, any, not) must be the only key');
      return;
    }
    if ('not' in o) {
      checkCondition(c, o.not, `${path}.not`, depth + 1);
      return;
    }
    const key = combinator[0] as 'all' | 'any';
    const list = c.arr(o, key, path, { nonEmpty: true });
    list?.forEach((sub, i) => {
      checkCondition(c, sub, `${path}.${key}[${i}]`, depth + 1);
    });
    return;
  }
  if ('trials' in o) checkTrialsLeaf(c, o, path);
  else checkLeaf(c, o, path);
}

/** `{ trials: { minWeeks, outcomes? }, op: 'gte' | 'lt', value }`: count of adequate failed trials. */
function checkTrialsLeaf(c: Checker, o: Obj, path: string): void {
  const extra = Object.keys(o).filter((k) => k !== 'trials' && k !== 'op' && k !== 'value');
  if (extra.length > 0) c.err(path, `unknown keys: ${extra.join(', ')}`);
  const t = c.obj(o.trials, `${path}.trials`);
  if (t) {
    const tp = `${path}.trials`;
    const tExtra = Object.keys(t).filter((k) => k !== 'minWeeks' && k !== 'outcomes');
    if (tExtra.length > 0) c.err(tp, `unknown keys: ${tExtra.join(', ')}`);
    c.num(t, 'minWeeks', tp, [0, 104]);
    c.enumList(t, 'outcomes', tp, TRIAL_OUTCOMES, { optional: true, nonEmpty: true });
  }
  c.oneOf(o, 'op', path, ['gte', 'lt'] as const);
  c.num(o, 'value', path, [0, 50], { integer: true });
}

function checkLeaf(c: Checker, o: Obj, path: string): void {
  const extra = Object.keys(o).filter((k) => k !== 'field' && k !== 'op' && k !== 'value');
  if (extra.length > 0) c.err(path, `unknown keys: ${extra.join(', ')}`);
  if (!isIntakeField(o.field)) {
    c.err(`${path}.field`, 'must be a known intake field');
  }
  const op = c.oneOf(o, 'op', path, OPS);
  if (!isIntakeField(o.field) || op === undefined) return;
  const type = INTAKE_FIELDS[o.field].type;
  const v = o.value;
  const vp = `${path}.value`;
  const scalarOk = (x: unknown): boolean =>
    type === 'boolean' ? typeof x === 'boolean' : typeof x === 'number' && Number.isFinite(x);
  switch (op) {
    case 'true':
      if (type !== 'boolean') c.err(`${path}.op`, `"true" needs a yes/no field; ${o.field} is a number`);
      if (v !== undefined) c.err(vp, '"true" takes no value');
      return;
    case 'gte':
    case 'lt':
      if (type !== 'number') c.err(`${path}.op`, `"${op}" needs a number field; ${o.field} is yes/no`);
      else if (!scalarOk(v)) c.err(vp, 'must be a finite number');
      return;
    case 'eq':
      if (!scalarOk(v)) c.err(vp, `must be a ${type === 'boolean' ? 'boolean' : 'finite number'}`);
      return;
    case 'in':
      if (!Array.isArray(v) || v.length === 0) c.err(vp, 'must be a non-empty array');
      else
        v.forEach((x, i) => {
          if (!scalarOk(x)) c.err(`${vp}[${i}]`, `must be a ${type}`);
        });
      return;
  }
}
