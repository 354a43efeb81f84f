/**
 * First validation pass: is an unknown value shaped like an `InstrumentDefinition` (types.ts)?
 * Plain type guards, no dependencies. Every problem is reported with its path; the second pass
 * (`validate-rules.ts`) checks meaning (bands cover the range, rule items exist...) and only runs
 * once the shape is right.
 */
import type { DefinitionError } from './types.ts';

type Rec = Record<string, unknown>;

export function isRecord(v: unknown): v is Rec {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const FLAG_RE = /^[a-z][a-z0-9_]*$/;

/** Collects errors while walking an unknown value. */
class Shape {
  readonly errors: DefinitionError[] = [];

  err(path: string, message: string): void {
    this.errors.push({ path, message });
  }

  record(v: unknown, path: string): v is Rec {
    if (isRecord(v)) return true;
    this.err(path, 'must be an object');
    return false;
  }

  str(o: Rec, key: string, path: string, opts: { optional?: boolean; pattern?: RegExp } = {}): void {
    const v = o[key];
    const p = path ? `${path}.${key}` : key;
    if (v === undefined && opts.optional) return;
    if (typeof v !== 'string' || v.trim() === '') {
      this.err(p, 'must be a non-empty string');
      return;
    }
    if (opts.pattern && !opts.pattern.test(v)) this.err(p, `must match ${opts.pattern}`);
  }

  int(o: Rec, key: string, path: string, optional = false): void {
    const v = o[key];
    const p = path ? `${path}.${key}` : key;
    if (v === undefined && optional) return;
    if (typeof v !== 'number' || !Number.isInteger(v)) this.err(p, 'must be an integer');
  }

  num(o: Rec, key: string, path: string): void {
    const v = o[key];
    if (typeof v !== 'number' || !Number.isFinite(v)) this.err(`${path}.${key}`, 'must be a finite number');
  }

  oneOf(o: Rec, key: string, path: string, allowed: readonly string[]): void {
    const v = o[key];
    const p = path ? `${path}.${key}` : key;
    if (typeof v !== 'string' || !allowed.includes(v)) this.err(p, `must be one of ${allowed.join(', ')}`);
  }

  /** Array check; returns the array (possibly empty) or null after reporting. */
  arr(v: unknown, path: string, nonEmpty = false): unknown[] | null {
    if (!Array.isArray(v)) {
      this.err(path, 'must be an array');
      return null;
    }
    if (nonEmpty && v.length === 0) this.err(path, 'must not be empty');
    return v;
  }

  intArray(v: unknown, path: string): void {
    const a = this.arr(v, path, true);
    a?.forEach((x, i) => {
      if (typeof x !== 'number' || !Number.isInteger(x)) this.err(`${path}[${i}]`, 'must be an integer');
    });
  }

  range(v: unknown, path: string): void {
    if (!this.record(v, path)) return;
    this.int(v, 'min', path);
    this.int(v, 'max', path);
  }

  options(v: unknown, path: string): void {
    this.arr(v, path, true)?.forEach((o, i) => {
      const p = `${path}[${i}]`;
      if (!this.record(o, p)) return;
      this.int(o, 'value', p);
      this.str(o, 'label', p);
    });
  }

  flagRule(r: unknown, path: string): void {
    if (!this.record(r, path)) return;
    const kinds = ['item_at_least', 'any_item_at_least', 'cutoff_met', 'severity_in', 'item_count_groups'];
    this.oneOf(r, 'kind', path, kinds);
    this.str(r, 'flag', path, { pattern: FLAG_RE });
    switch (r.kind) {
      case 'item_at_least':
        this.int(r, 'item', path);
        this.int(r, 'value', path);
        if (r.configurable !== undefined) this.range(r.configurable, `${path}.configurable`);
        this.str(r, 'source', path, { optional: true });
        break;
      case 'any_item_at_least':
        this.intArray(r.items, `${path}.items`);
        this.int(r, 'value', path);
        break;
      case 'severity_in':
        this.arr(r.labels, `${path}.labels`, true)?.forEach((l, i) => {
          if (typeof l !== 'string' || l === '')
            this.err(`${path}.labels[${i}]`, 'must be a non-empty string');
        });
        break;
      case 'item_count_groups':
        this.int(r, 'minValue', path);
        this.arr(r.groups, `${path}.groups`, true)?.forEach((g, i) => {
          const gp = `${path}.groups[${i}]`;
          if (!this.record(g, gp)) return;
          this.intArray(g.items, `${gp}.items`);
          this.int(g, 'minCount', gp);
        });
        break;
    }
  }
}

function checkScoring(s: Shape, v: unknown): void {
  if (!s.record(v, 'scoring')) return;
  s.oneOf(v, 'kind', 'scoring', ['sum', 'domains', 'single']);
  if (v.kind === 'sum' && v.reverse !== undefined) {
    s.arr(v.reverse, 'scoring.reverse')?.forEach((r, i) => {
      if (s.record(r, `scoring.reverse[${i}]`)) s.int(r, 'item', `scoring.reverse[${i}]`);
    });
  }
  if (v.kind === 'domains') {
    s.arr(v.domains, 'scoring.domains', true)?.forEach((d, i) => {
      const p = `scoring.domains[${i}]`;
      if (!s.record(d, p)) return;
      s.str(d, 'id', p);
      s.str(d, 'label', p);
      s.intArray(d.items, `${p}.items`);
      s.oneOf(d, 'combine', p, ['max', 'sum']);
    });
  }
  if (v.kind === 'single') s.int(v, 'item', 'scoring');
}

function checkSeverity(s: Shape, d: Rec): void {
  if (d.bands !== null) {
    s.arr(d.bands, 'bands', true)?.forEach((b, i) => {
      const p = `bands[${i}]`;
      if (!s.record(b, p)) return;
      s.int(b, 'min', p);
      s.int(b, 'max', p);
      s.str(b, 'label', p);
    });
  }
  if (d.cutoff !== undefined && s.record(d.cutoff, 'cutoff')) {
    const c = d.cutoff;
    s.int(c, 'value', 'cutoff');
    s.str(c, 'positiveLabel', 'cutoff');
    s.str(c, 'negativeLabel', 'cutoff');
    if (c.configurable !== undefined) s.range(c.configurable, 'cutoff.configurable');
    if (c.bySex !== undefined && s.record(c.bySex, 'cutoff.bySex')) {
      s.int(c.bySex, 'male', 'cutoff.bySex');
      s.int(c.bySex, 'female', 'cutoff.bySex');
      s.str(c.bySex, 'unknownSexWarning', 'cutoff.bySex');
    }
  }
  if (d.severityRule !== undefined && s.record(d.severityRule, 'severityRule')) {
    const r = d.severityRule;
    s.oneOf(r, 'kind', 'severityRule', ['item_levels']);
    s.str(r, 'none', 'severityRule');
    s.arr(r.levels, 'severityRule.levels', true)?.forEach((l, i) => {
      const p = `severityRule.levels[${i}]`;
      if (!s.record(l, p)) return;
      s.str(l, 'label', p);
      s.intArray(l.items, `${p}.items`);
      s.int(l, 'atLeast', p);
    });
  }
}

function checkOutcome(s: Shape, v: unknown): void {
  if (!s.record(v, 'outcome')) return;
  s.oneOf(v, 'direction', 'outcome', ['lower_is_better', 'higher_is_better']);
  s.str(v, 'source', 'outcome');
  if (v.response !== null && s.record(v.response, 'outcome.response')) {
    s.num(v.response, 'reductionPct', 'outcome.response');
  }
  if (v.remission !== null && s.record(v.remission, 'outcome.remission')) {
    s.oneOf(v.remission, 'comparator', 'outcome.remission', ['<', '<=']);
    s.num(v.remission, 'threshold', 'outcome.remission');
    if (v.remission.configurable !== undefined)
      s.range(v.remission.configurable, 'outcome.remission.configurable');
  }
}

function checkMissingRule(s: Shape, v: unknown): void {
  if (!s.record(v, 'missingRule')) return;
  s.oneOf(v, 'kind', 'missingRule', ['refuse', 'prorate']);
  s.str(v, 'source', 'missingRule');
  if (v.kind === 'prorate') {
    s.int(v, 'maxMissing', 'missingRule');
    s.oneOf(v, 'rounding', 'missingRule', ['half_up']);
  }
}

function checkLoinc(s: Shape, v: unknown): void {
  if (v === null || !s.record(v, 'loinc')) return;
  for (const key of ['panel', 'total'] as const) {
    if (v[key] !== null && typeof v[key] !== 'string') s.err(`loinc.${key}`, 'must be a string or null');
  }
  if (!s.record(v.items, 'loinc.items')) return;
  for (const [k, code] of Object.entries(v.items)) {
    if (!/^[1-9]\d*$/.test(k)) s.err(`loinc.items.${k}`, 'key must be an item number');
    if (typeof code !== 'string') s.err(`loinc.items.${k}`, 'must be a string');
  }
  s.str(v, 'riskLevel', 'loinc', { optional: true });
  if (v.related !== undefined) {
    s.arr(v.related, 'loinc.related')?.forEach((r, i) => {
      if (!s.record(r, `loinc.related[${i}]`)) return;
      s.str(r, 'code', `loinc.related[${i}]`);
      s.str(r, 'display', `loinc.related[${i}]`);
    });
  }
}

/** Shape errors of an unknown value against `InstrumentDefinition`; empty when the shape is right. */
export function shapeErrors(def: unknown): DefinitionError[] {
  const s = new Shape();
  if (!s.record(def, '')) return s.errors;
  s.str(def, 'id', '', { pattern: FLAG_RE });
  for (const key of ['name', 'version', 'licence', 'citation']) s.str(def, key, '');
  for (const key of ['instructions', 'wordingNote', 'severityNote']) s.str(def, key, '', { optional: true });
  s.oneOf(def, 'kind', '', ['self_report', 'clinician']);
  if (def.options !== undefined) s.options(def.options, 'options');
  s.arr(def.items, 'items', true)?.forEach((item, i) => {
    const p = `items[${i}]`;
    if (!s.record(item, p)) return;
    s.int(item, 'number', p);
    s.str(item, 'label', p);
    s.str(item, 'text', p, { optional: true });
    if (item.options !== undefined) s.options(item.options, `${p}.options`);
    if (typeof item.scored !== 'boolean') s.err(`${p}.scored`, 'must be true or false');
  });
  s.int(def, 'minAnswers', '', true);
  checkScoring(s, def.scoring);
  checkSeverity(s, def);
  if (def.subscales !== undefined) {
    s.arr(def.subscales, 'subscales')?.forEach((sub, i) => {
      const p = `subscales[${i}]`;
      if (!s.record(sub, p)) return;
      s.str(sub, 'id', p);
      s.str(sub, 'label', p);
      s.intArray(sub.items, `${p}.items`);
    });
  }
  s.arr(def.safetyRules, 'safetyRules')?.forEach((r, i) => {
    s.flagRule(r, `safetyRules[${i}]`);
  });
  if (def.flagRules !== undefined) {
    s.arr(def.flagRules, 'flagRules')?.forEach((r, i) => {
      s.flagRule(r, `flagRules[${i}]`);
    });
  }
  if (def.constraints !== undefined) {
    s.arr(def.constraints, 'constraints')?.forEach((c, i) => {
      const p = `constraints[${i}]`;
      if (!s.record(c, p)) return;
      s.oneOf(c, 'kind', p, ['gate']);
      s.int(c, 'gateItem', p);
      s.int(c, 'openAtLeast', p);
      s.intArray(c.items, `${p}.items`);
    });
  }
  checkOutcome(s, def.outcome);
  checkMissingRule(s, def.missingRule);
  if (!('loinc' in def)) s.err('loinc', 'must be present (null when the instrument has no LOINC codes)');
  else checkLoinc(s, def.loinc);
  return s.errors;
}
