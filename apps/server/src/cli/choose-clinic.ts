/** What the clinic commands of the CLI share: the operator's argument errors and the choice of clinic. */
import type { DB } from '@plasticity/db';
import type { Kysely } from 'kysely';

/** A bad argument or an unknown clinic: the command prints it and exits 2. */
export class ArgumentError extends Error {}

/** `--clinic`, or the only clinic; anything else is an argument error naming the choices. */
export async function chooseClinic(db: Kysely<DB>, clinicArg: string | undefined): Promise<string> {
  const clinics = await db.selectFrom('clinics').select(['id', 'name']).orderBy('created_at').execute();
  if (clinicArg) {
    if (!clinics.some((c) => c.id === clinicArg)) throw new ArgumentError(`no clinic has id ${clinicArg}`);
    return clinicArg;
  }
  const [only, ...more] = clinics;
  if (!only) throw new ArgumentError('there is no clinic yet; create one with `plasticity user create`');
  if (more.length)
    throw new ArgumentError(
      `several clinics exist; choose one with --clinic (${clinics.map((c) => `${c.id} ${c.name}`).join('; ')})`,
    );
  return only.id;
}
