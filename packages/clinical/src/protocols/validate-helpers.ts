/**
 * Small runtime-checking helpers for clinic-edited JSON (no dependencies). Each failed check appends an error
 * with a dotted path such as `dose.protocolMaxMgPerKg` or `checklist[2].key`.
 *
 * Sources: none clinical; bounds come from `plausibility.ts` and the protocol defaults via the callers.
 */
import type { Range } from './plausibility.ts';

export interface ValidationError {
  path: string;
  message: string;
}

export type Obj = Record<string, unknown>;

export class Checker {
  readonly errors: ValidationError[] = [];

  err(path: string, message: string): void {
    this.errors.push({ path, message });
  }

  /** The value at `path` if it is a plain object; otherwise an error (unless optional and undefined). */
  obj(value: unknown, path: string, optional = false): Obj | undefined {
    if (value === undefined && optional) return undefined;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      this.err(path, 'must be an object');
      return undefined;
    }
    return value as Obj;
  }

  str(o: Obj, key: string, path: string, optional = false): string | undefined {
    const v = o[key];
    if (v === undefined && optional) return undefined;
    if (typeof v !== 'string' || v.trim() === '') {
      this.err(join(path, key), 'must be a non-empty string');
      return undefined;
    }
    return v;
  }

  bool(o: Obj, key: string, path: string, optional = false): boolean | undefined {
    const v = o[key];
    if (v === undefined && optional) return undefined;
    if (typeof v !== 'boolean') {
      this.err(join(path, key), 'must be true or false');
      return undefined;
    }
    return v;
  }

  /** A finite number within the inclusive `range`; `exclusiveMin` rejects the range minimum itself. */
  num(
    o: Obj,
    key: string,
    path: string,
    range: Range,
    opts: { optional?: boolean; integer?: boolean; exclusiveMin?: boolean } = {},
  ): number | undefined {
    const v = o[key];
    const p = join(path, key);
    if (v === undefined && opts.optional) return undefined;
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      this.err(p, 'must be a finite number');
      return undefined;
    }
    if (opts.integer && !Number.isInteger(v)) {
      this.err(p, 'must be a whole number');
      return undefined;
    }
    const [min, max] = range;
    if (opts.exclusiveMin ? v <= min : v < min) {
      this.err(p, `must be ${opts.exclusiveMin ? 'greater than' : 'at least'} ${min} (got ${v})`);
      return undefined;
    }
    if (v > max) {
      this.err(p, `must be at most ${max} (got ${v})`);
      return undefined;
    }
    return v;
  }

  oneOf<T extends string>(
    o: Obj,
    key: string,
    path: string,
    allowed: readonly T[],
    optional = false,
  ): T | undefined {
    const v = o[key];
    if (v === undefined && optional) return undefined;
    if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) {
      this.err(join(path, key), `must be one of ${allowed.join(', ')}`);
      return undefined;
    }
    return v as T;
  }

  arr(
    o: Obj,
    key: string,
    path: string,
    opts: { optional?: boolean; nonEmpty?: boolean } = {},
  ): unknown[] | undefined {
    const v = o[key];
    if (v === undefined && opts.optional) return undefined;
    if (!Array.isArray(v)) {
      this.err(join(path, key), 'must be an array');
      return undefined;
    }
    if (opts.nonEmpty && v.length === 0) {
      this.err(join(path, key), 'must not be empty');
      return undefined;
    }
    return v;
  }

  /** An array of distinct strings from `allowed`. */
  enumList<T extends string>(
    o: Obj,
    key: string,
    path: string,
    allowed: readonly T[],
    opts: { optional?: boolean; nonEmpty?: boolean } = {},
  ): T[] | undefined {
    const list = this.arr(o, key, path, opts);
    if (!list) return undefined;
    const seen = new Set<string>();
    list.forEach((item, i) => {
      const p = `${join(path, key)}[${i}]`;
      if (typeof item !== 'string' || !(allowed as readonly string[]).includes(item)) {
        this.err(p, `must be one of ${allowed.join(', ')}`);
      } else if (seen.has(item)) {
        this.err(p, `duplicate ${item}`);
      } else seen.add(item);
    });
    return list.filter((x): x is T => typeof x === 'string' && (allowed as readonly string[]).includes(x));
  }
}

export function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}
