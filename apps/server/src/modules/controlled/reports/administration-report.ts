/**
 * Dispensing/administration records (21 CFR 1304.22(c)): for each draw, administration and waste, the
 * date, the patient's name and address, the substance, form and quantity, and who administered (the
 * recorder), plus NDC, lot, container, witness and running balance
 * (docs/clinical-sources.md#register-practice).
 * - GET /api/v1/controlled/reports/administrations?from&to&format — a period, clinic-local dates inclusive.
 * - GET /api/v1/controlled/reports/patients/{id}?format — one patient's full history.
 * Times are printed in the clinic's time zone. Each export is audited (`export` for CSV, `print` for PDF).
 */
import { IdParams, PatientReportQuery, PeriodReportQuery } from '@plasticity/contracts';
import { sql } from 'kysely';
import { notFound } from '../../../platform/errors.ts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { allow } from '../../../platform/policy.ts';
import { actorOf, authOf } from '../../../platform/request-context.ts';
import { CATEGORY, canon, clinicInfo, dec, READERS, registrantLine } from '../stock-and-ledger.ts';
import { localStamp, type Report } from './render.ts';
import { sendReport } from './send.ts';

const COLUMNS = [
  { header: 'Date/time', width: 7 },
  { header: 'Type', width: 5.5 },
  { header: 'Patient', width: 8 },
  { header: 'Patient address', width: 10 },
  { header: 'Substance', width: 8 },
  { header: 'Form', width: 7 },
  { header: 'NDC', width: 7 },
  { header: 'Lot', width: 5 },
  { header: 'Container', width: 5 },
  { header: 'Quantity', width: 4.5 },
  { header: 'Unit', width: 3 },
  { header: 'Amount (mg)', width: 4.5 },
  { header: 'Administered / recorded by', width: 7 },
  { header: 'Witness', width: 6 },
  { header: 'Reason / correction', width: 7 },
  { header: 'Balance after', width: 4.5 },
];

/** The dose in mg (what the prescription states): mL × labelled concentration; mg as recorded. */
function mgOf(quantity: string | null, unit: string | null, concentration: string | null): string {
  if (quantity === null) return '';
  if (unit === 'mg') return canon(quantity);
  return concentration ? dec(quantity).mul(dec(concentration)).toString() : '';
}

const address = (a: unknown) => {
  const x = (a ?? {}) as Record<string, string>;
  return [x.line1, x.line2, x.city, x.state, x.postalCode].filter(Boolean).join(', ');
};

async function rowsFor(
  ctx: ModuleContext,
  clinicId: string,
  timeZone: string,
  where: { from?: string; to?: string; patientId?: string },
) {
  const all = ctx.db
    .selectFrom('cs_ledger as e')
    .select([
      'e.id',
      'e.seq',
      'e.type',
      'e.occurred_at',
      'e.patient_id',
      'e.quantity',
      'e.unit',
      'e.reason',
      'e.corrects_entry_id',
      'e.correction_kind',
      'e.container_id',
      'e.recorded_by',
      'e.witness_user_id',
    ])
    .select(
      sql<string>`(sum(e.container_delta) over (partition by e.container_id order by e.seq))::text`.as(
        'running',
      ),
    )
    .where('e.clinic_id', '=', clinicId);
  let q = ctx.db
    .selectFrom(all.as('x'))
    .innerJoin('cs_containers as c', 'c.id', 'x.container_id')
    .innerJoin('cs_products as p', 'p.id', 'c.product_id')
    .innerJoin('users as u', 'u.id', 'x.recorded_by')
    .leftJoin('users as w', 'w.id', 'x.witness_user_id')
    .leftJoin('patients as pt', 'pt.id', 'x.patient_id')
    .select([
      'x.occurred_at',
      'x.type',
      'x.quantity',
      'x.unit',
      'x.reason',
      'x.correction_kind',
      'x.running',
      'c.lot',
      'c.label',
      'p.drug',
      'p.strength',
      'p.form',
      'p.ndc',
      'p.concentration_mg_per_ml',
    ])
    .select([
      'u.display_name as recorder',
      'w.display_name as witness',
      'pt.first_name',
      'pt.last_name',
      'pt.address',
      'pt.mrn',
    ])
    .where('x.type', 'in', ['draw', 'administer', 'waste']);
  if (where.from)
    q = q.where('x.occurred_at', '>=', sql<Date>`(${where.from}::date)::timestamp at time zone ${timeZone}`);
  if (where.to)
    q = q.where(
      'x.occurred_at',
      '<',
      sql<Date>`((${where.to}::date + 1))::timestamp at time zone ${timeZone}`,
    );
  if (where.patientId) q = q.where('x.patient_id', '=', where.patientId);
  const rows = await q.orderBy('x.seq').execute();
  return rows.map((r) => [
    localStamp(new Date(r.occurred_at), timeZone),
    r.type + (r.type === 'waste' ? '' : ''),
    r.last_name ? `${r.last_name}, ${r.first_name} (${r.mrn})` : '',
    address(r.address),
    `${r.drug} ${r.strength}`,
    r.form,
    r.ndc,
    r.lot,
    r.label,
    r.quantity === null ? '' : canon(r.quantity),
    r.unit ?? '',
    mgOf(r.quantity, r.unit, r.concentration_mg_per_ml),
    r.recorder,
    r.witness ?? '',
    [r.correction_kind ? `${r.correction_kind}` : '', r.reason ?? ''].filter(Boolean).join(': '),
    canon(r.running),
  ]);
}

export function administrationReportRoutes(app: ZodApp, ctx: ModuleContext) {
  app.get(
    '/api/v1/controlled/reports/administrations',
    {
      config: { policy: allow.roles(...READERS) },
      schema: { querystring: PeriodReportQuery, tags: ['controlled'] },
    },
    async (req, reply) => {
      const a = authOf(req);
      const q = req.query;
      const info = await clinicInfo(ctx.db, a.clinicId);
      const rows = await rowsFor(ctx, a.clinicId, info.timeZone, { from: q.from, to: q.to });
      const report: Report = {
        title: 'Dispensing and administration log (21 CFR 1304.22(c))',
        lines: [
          registrantLine(info),
          `Period ${q.from} to ${q.to} (inclusive), times in ${info.timeZone}. ${rows.length} entries.`,
        ],
        columns: COLUMNS,
        rows,
        printedAt: localStamp(ctx.clock.now(), info.timeZone),
      };
      await ctx.audit.record(ctx.db, actorOf(req), {
        action: q.format === 'csv' ? 'export' : 'print',
        resourceType: 'controlled_administration_log',
        category: CATEGORY,
        details: { from: q.from, to: q.to, rows: rows.length },
      });
      return sendReport(reply, report, q.format ?? 'pdf', `administration-log-${q.from}-${q.to}`);
    },
  );

  app.get(
    '/api/v1/controlled/reports/patients/:id',
    {
      config: { policy: allow.roles(...READERS) },
      schema: { params: IdParams, querystring: PatientReportQuery, tags: ['controlled'] },
    },
    async (req, reply) => {
      const a = authOf(req);
      const p = await ctx.db
        .selectFrom('patients')
        .select(['id', 'first_name', 'last_name', 'date_of_birth', 'mrn', 'address'])
        .where('clinic_id', '=', a.clinicId)
        .where('id', '=', req.params.id)
        .executeTakeFirst();
      if (!p) throw notFound('patient');
      const info = await clinicInfo(ctx.db, a.clinicId);
      const rows = await rowsFor(ctx, a.clinicId, info.timeZone, { patientId: p.id });
      const report: Report = {
        title: 'Controlled-substance administration history',
        lines: [
          `Patient: ${p.last_name}, ${p.first_name} - ${p.mrn} - born ${p.date_of_birth} - ${address(p.address)}`,
          `${registrantLine(info)}. Times in ${info.timeZone}. ${rows.length} entries.`,
        ],
        columns: COLUMNS,
        rows,
        printedAt: localStamp(ctx.clock.now(), info.timeZone),
      };
      await ctx.audit.record(ctx.db, actorOf(req), {
        action: req.query.format === 'csv' ? 'export' : 'print',
        resourceType: 'controlled_patient_history',
        resourceId: p.id,
        patientId: p.id,
        category: CATEGORY,
        details: { rows: rows.length },
      });
      return sendReport(reply, report, req.query.format ?? 'pdf', `administration-history-${p.id}`);
    },
  );
}
