/**
 * The clinic's eligibility rule sets (versioned data; defaults in
 * docs/clinical-sources.md#contraindications):
 * - GET /api/v1/eligibility-rules — the current version;
 * - PUT /api/v1/eligibility-rules — admin or prescriber saves an edited list → a new version (the old
 *   versions stay, and each decision keeps the version it was evaluated with). Rules are checked with
 *   `validateEligibilityRules`; its errors come back as 400 naming `body.rules<path>`.
 */
import { type EligibilityRule, validateEligibilityRules } from '@plasticity/clinical/eligibility';
import { RuleSet, UpdateRuleSetRequest } from '@plasticity/contracts';
import type { DB } from '@plasticity/db';
import { toJson } from '@plasticity/db';
import { type Selectable, sql } from 'kysely';
import { AppError } from '../../../platform/errors.ts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { allow, CLINICAL_READERS } from '../../../platform/policy.ts';
import { actorOf, authOf } from '../../../platform/request-context.ts';
import { ensureLibrary } from '../library/ensure-library.ts';
import type { Executor } from '../patient-and-settings.ts';

type RuleSetRow = Selectable<DB['plan_eligibility_rule_sets']>;

export async function currentRuleSet(db: Executor, clinicId: string): Promise<RuleSetRow> {
  await ensureLibrary(db, clinicId);
  return db
    .selectFrom('plan_eligibility_rule_sets')
    .selectAll()
    .where('clinic_id', '=', clinicId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
}

export const rulesOf = (r: RuleSetRow) => r.rules as EligibilityRule[];

const toRuleSet = (r: RuleSetRow) => ({
  id: r.id,
  version: r.version,
  rules: r.rules as Record<string, unknown>[],
  changeNote: r.change_note,
  createdAt: r.created_at.toISOString(),
});

export function ruleSetRoutes(app: ZodApp, ctx: ModuleContext) {
  app.get(
    '/api/v1/eligibility-rules',
    {
      config: { policy: allow.roles(...CLINICAL_READERS) },
      schema: { response: { 200: RuleSet }, tags: ['eligibility'] },
    },
    async (req) => toRuleSet(await currentRuleSet(ctx.db, authOf(req).clinicId)),
  );

  app.put(
    '/api/v1/eligibility-rules',
    {
      config: { policy: allow.roles('admin', 'prescriber') },
      schema: { body: UpdateRuleSetRequest, response: { 200: RuleSet }, tags: ['eligibility'] },
    },
    async (req) => {
      const a = authOf(req);
      const v = validateEligibilityRules(req.body.rules);
      if (!v.ok) {
        const details = v.errors.slice(0, 20).map((e) => ({
          field: `body.rules${e.path.startsWith('[') ? '' : '.'}${e.path}`,
          message: e.message,
        }));
        throw new AppError(
          'validation_failed',
          `rules are invalid: ${details.map((d) => `${d.field} ${d.message}`).join('; ')}`,
          details,
        );
      }
      await ensureLibrary(ctx.db, a.clinicId);
      const row = await ctx.db.transaction().execute(async (trx) => {
        await sql`select pg_advisory_xact_lock(hashtext(${`plans-rules:${a.clinicId}`}))`.execute(trx);
        const cur = await currentRuleSet(trx, a.clinicId);
        const r = await trx
          .insertInto('plan_eligibility_rule_sets')
          .values({
            clinic_id: a.clinicId,
            rule_set_key: cur.rule_set_key,
            version: cur.version + 1,
            rules: toJson(v.rules),
            change_note: req.body.changeNote,
            created_by: a.userId,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await ctx.audit.record(trx, actorOf(req), {
          action: 'update',
          resourceType: 'eligibility_rule_set',
          resourceId: r.id,
          category: 'configuration',
          details: { fromVersion: cur.version, toVersion: r.version, rules: v.rules.length },
        });
        return r;
      });
      return toRuleSet(row);
    },
  );
}
