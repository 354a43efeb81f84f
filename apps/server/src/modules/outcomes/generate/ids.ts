/**
 * Ids for generated rows, made by the generator rather than the database: `nnnnnnnn-nnnn-8kkk-8ccc-cccccccccccc`
 * (an RFC 9562 version 8 UUID): a random run prefix (n), the kind of row (k) and a counter (c). Within a run each
 * kind's ids ascend, so a bulk load appends to the right edge of its primary-key index instead of touching pages
 * all over it (at 10 million rows, far more than fit in the server's buffers). Version 8 never collides with the
 * database's own random (version 4) ids, and the run prefix keeps two runs apart.
 */
import { randomBytes } from 'node:crypto';

export const ID_KINDS = {
  patient: 1,
  plan: 2,
  session: 3,
  assessment: 4,
  observation: 5,
  reading: 6,
  audit: 7,
  user: 8,
  chair: 9,
  clinic: 10,
} as const;
export type IdKind = keyof typeof ID_KINDS;

export interface IdMaker {
  /** The run's prefix: `nnnnnnnn-nnnn-` (the database builds reading ids from it). */
  readonly prefix: string;
  next(kind: IdKind): string;
}

/** The id of a kind's `counter`-th row under a prefix (counter below 2^60). */
export function idAt(prefix: string, kind: IdKind, counter: number): string {
  const hi = Math.floor(counter / 2 ** 48);
  const lo = counter % 2 ** 48;
  return `${prefix}8${ID_KINDS[kind].toString(16).padStart(3, '0')}-8${hi.toString(16).padStart(3, '0')}-${lo.toString(16).padStart(12, '0')}`;
}

export function idMaker(): IdMaker {
  const hex = randomBytes(6).toString('hex');
  const prefix = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-`;
  const counters = new Map<IdKind, number>();
  return {
    prefix,
    next(kind: IdKind): string {
      const c = (counters.get(kind) ?? 0) + 1;
      counters.set(kind, c);
      return idAt(prefix, kind, c);
    },
  };
}
