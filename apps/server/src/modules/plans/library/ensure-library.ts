/**
 * Lazily seeds a clinic's versioned library from the cited defaults the first time the clinic touches
 * the plans module: one active default protocol per route (`defaultProtocols()`,
 * docs/clinical-sources.md#default-protocols), the default eligibility rule set
 * (`defaultEligibilityRuleSet()`, docs/clinical-sources.md#contraindications) and the consent templates.
 * After that the clinic edits its own copies; every edit is a new version and nothing is overwritten.
 */
import { DEFAULT_ELIGIBILITY_RULE_SET_ID, defaultEligibilityRuleSet } from '@plasticity/clinical/eligibility';
import { defaultProtocols } from '@plasticity/clinical/protocols';
import { toJson } from '@plasticity/db';
import { sql } from 'kysely';
import { DEFAULT_CONSENTS } from '../consent/default-texts.ts';
import { type Executor, sha256Hex } from '../patient-and-settings.ts';

const seeded = new Set<string>();

export async function ensureLibrary(db: Executor, clinicId: string): Promise<void> {
  if (seeded.has(clinicId)) return;
  const has = await db
    .selectFrom('plan_protocols')
    .select('id')
    .where('clinic_id', '=', clinicId)
    .limit(1)
    .executeTakeFirst();
  if (has) {
    seeded.add(clinicId);
    return;
  }
  const run = async (trx: Executor) => {
    await sql`select pg_advisory_xact_lock(hashtext(${`plans-library:${clinicId}`}))`.execute(trx);
    const again = await trx
      .selectFrom('plan_protocols')
      .select('id')
      .where('clinic_id', '=', clinicId)
      .limit(1)
      .executeTakeFirst();
    if (again) return;
    for (const p of defaultProtocols()) {
      await trx
        .insertInto('plan_protocols')
        .values({
          clinic_id: clinicId,
          protocol_key: p.id,
          version: p.version,
          name: p.name,
          route: p.route,
          drug: p.drug,
          status: p.status,
          is_default: true,
          data: toJson(p),
          change_note: 'Plasticity default (cited in the protocol data)',
        })
        .execute();
    }
    const rs = defaultEligibilityRuleSet();
    await trx
      .insertInto('plan_eligibility_rule_sets')
      .values({
        clinic_id: clinicId,
        rule_set_key: DEFAULT_ELIGIBILITY_RULE_SET_ID,
        version: 1,
        rules: toJson(rs.rules),
        change_note: `Plasticity default rule set v${rs.version}`,
      })
      .execute();
    for (const c of DEFAULT_CONSENTS) {
      await trx
        .insertInto('plan_consent_documents')
        .values({
          clinic_id: clinicId,
          kind: c.kind,
          version: 1,
          title: c.title,
          body: c.body,
          body_sha256: sha256Hex(c.body),
        })
        .execute();
    }
  };
  // Inside a caller's transaction the seed commits (or rolls back) with it, so only cache our own commits.
  if (db.isTransaction) return run(db);
  await db.transaction().execute(run);
  seeded.add(clinicId);
}
