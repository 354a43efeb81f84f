/**
 * `plasticity user create` — the way in on a fresh production install: creates the clinic when
 * there is none (or --clinic-name is given) and a user with a role. The password comes from
 * standard input (--password-stdin) so it never sits in shell history; without it a one-time link
 * to set the password is printed.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { Role } from '@plasticity/contracts';
import { migrate, toJson } from '@plasticity/db';
import { sql } from 'kysely';
import type { Config } from '../config.ts';
import { LINK_LIFETIME_MS } from '../modules/auth/one-time-links.ts';
import { hashPassword, passwordProblem } from '../modules/auth/passwords.ts';
import { hashToken, newToken } from '../platform/tokens.ts';
import { openConfiguredDatabase } from './configured-database.ts';

export async function userCreateCommand(config: Config, args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      clinic: { type: 'string' },
      'clinic-name': { type: 'string' },
      'time-zone': { type: 'string' },
      'password-stdin': { type: 'boolean' },
    },
  });
  const email = values.email?.trim().toLowerCase();
  if (!email || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email))
    return fail('--email: a valid email address is required');
  const displayName = values.name?.trim();
  if (!displayName) return fail('--name: a display name is required');
  const role = Role.safeParse(values.role);
  if (!role.success || role.data === 'patient')
    return fail('--role: one of admin, prescriber, nurse, therapist, front_desk');
  let password: string | undefined;
  if (values['password-stdin']) {
    password = readFileSync(0, 'utf8').replace(/\r?\n$/, '');
    const problem = passwordProblem(password, { email });
    if (problem) return fail(`password ${problem}`);
  }

  const database = await openConfiguredDatabase(config);
  try {
    await migrate(database.db);
    const db = database.db;
    const out = await db.transaction().execute(async (trx) => {
      let clinicId = values.clinic;
      if (!clinicId) {
        const clinics = await trx.selectFrom('clinics').select(['id', 'name']).execute();
        if (values['clinic-name'] || clinics.length === 0) {
          const c = await trx
            .insertInto('clinics')
            .values({
              name: values['clinic-name'] ?? 'My clinic',
              address: toJson({}),
              settings: toJson({}),
              time_zone: values['time-zone'] ?? 'America/New_York',
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          clinicId = c.id;
        } else if (clinics.length === 1) clinicId = clinics[0]?.id;
        else
          throw new Error(
            `several clinics exist; choose one with --clinic (${clinics.map((c) => `${c.id} ${c.name}`).join('; ')})`,
          );
      }
      const exists = await trx
        .selectFrom('users')
        .select('id')
        .where(sql`lower(email)`, '=', email)
        .executeTakeFirst();
      if (exists) throw new Error(`a user with email ${email} already exists`);
      const u = await trx
        .insertInto('users')
        .values({
          email,
          display_name: displayName,
          password_hash: password ? await hashPassword(password) : null,
          recovery_codes: toJson([]),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('memberships')
        .values({ clinic_id: clinicId as string, user_id: u.id, role: role.data })
        .execute();
      await trx
        .insertInto('audit_log')
        .values({
          clinic_id: clinicId as string,
          action: 'create',
          resource_type: 'user',
          resource_id: u.id,
          outcome: 'success',
          source_address: 'cli',
          details: toJson({ role: role.data, via: 'cli' }),
        })
        .execute();
      let link: string | undefined;
      if (!password) {
        const token = newToken();
        await trx
          .insertInto('one_time_links')
          .values({
            token_hash: hashToken(token),
            kind: 'invite',
            clinic_id: clinicId as string,
            user_id: u.id,
            created_by: null,
            expires_at: new Date(Date.now() + LINK_LIFETIME_MS.invite),
          })
          .execute();
        link = `${config.publicUrl ?? `http://localhost:${config.port}`}/accept/${token}`;
      }
      return { clinicId, userId: u.id, link };
    });
    console.log(`Created ${role.data} ${email} (user ${out.userId}) in clinic ${out.clinicId}.`);
    if (out.link) console.log(`Set the password within 7 days at: ${out.link}`);
    return 0;
  } catch (e) {
    return fail((e as Error).message);
  } finally {
    await database.close();
  }
}

function fail(msg: string): number {
  process.stderr.write(`plasticity user create: ${msg}\n`);
  return 2;
}
