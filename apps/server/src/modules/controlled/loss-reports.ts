/**
 * Theft or significant loss (21 CFR 1301.76(b)): a guided record holding the DEA-106 data fields, with
 * the deadlines computed by the pure `lossDeadlines` in the clinic's time zone — written notice to the
 * DEA Field Division Office within one business day of discovery, DEA-106 filed within 45 days — and
 * the list of what is still missing before the form can be filed (`dea106Problems`). The record does
 * not change stock: the loss itself is booked by resolving the discrepancy with a witnessed adjustment.
 */
import {
  type Dea106Report,
  type Decimal,
  dea106Problems,
  lossDeadlines,
  parseQuantity,
} from '@plasticity/clinical/controlled';
import { LossReport, LossReportList, LossReportRequest } from '@plasticity/contracts';
import { toJson } from '@plasticity/db';
import { badField } from '../../platform/errors.ts';
import type { ModuleContext, ZodApp } from '../../platform/module.ts';
import { allow } from '../../platform/policy.ts';
import { actorOf, authOf } from '../../platform/request-context.ts';
import { CATEGORY, clinicInfo, MOVERS, READERS, stockQuery } from './stock-and-ledger.ts';

type Row = {
  id: string;
  discovered_at: Date;
  discovered_on: string;
  written_notice_due_on: string;
  dea106_due_on: string;
  type_of_loss: string;
  report: Record<string, unknown>;
  written_notice_sent_on: string | null;
  created_at: Date;
};

function toLoss(r: Row) {
  const report = r.report as Record<string, unknown>;
  return {
    id: r.id,
    discoveredAt: new Date(r.discovered_at).toISOString(),
    discoveredOn: r.discovered_on,
    writtenNoticeDueOn: r.written_notice_due_on,
    dea106DueOn: r.dea106_due_on,
    typeOfLoss: r.type_of_loss,
    report,
    problems: (report.problems as { field: string; message: string }[]) ?? [],
    writtenNoticeSentOn: r.written_notice_sent_on,
    createdAt: new Date(r.created_at).toISOString(),
  };
}

export function lossRoutes(app: ZodApp, ctx: ModuleContext) {
  app.post(
    '/api/v1/controlled/losses',
    {
      config: { policy: allow.roles(...MOVERS) },
      schema: { body: LossReportRequest, response: { 201: LossReport }, tags: ['controlled'] },
    },
    async (req, reply) => {
      const a = authOf(req);
      const b = req.body;
      const info = await clinicInfo(ctx.db, a.clinicId);
      const rows = await stockQuery(ctx.db, a.clinicId).execute();
      const lines = b.lines.map((l, i) => {
        const c = rows.find((r) => r.id === l.containerId);
        if (!c) throw badField(`body.lines.${i}.containerId`, 'no such container in this clinic');
        const q = parseQuantity(l.quantity);
        if (!q.ok) throw badField(`body.lines.${i}.quantity`, q.reason);
        return {
          ndc: c.ndc,
          productName: c.drug,
          strength: c.strength,
          form: `${c.form}, ${c.container_label}`,
          quantity: q.value,
          unit: c.unit,
          containerId: c.id,
          lot: c.lot,
        };
      });
      let value: Decimal | undefined;
      if (b.purchaseValueUsd !== undefined) {
        const v = parseQuantity(b.purchaseValueUsd);
        if (!v.ok) throw badField('body.purchaseValueUsd', v.reason);
        value = v.value;
      }
      const deadlines = lossDeadlines(b.discoveredAt, info.timeZone);
      if (b.occurredOn && b.occurredOn > deadlines.discoveredOn)
        throw badField('body.occurredOn', 'must be on or before the day of discovery');
      const report: Dea106Report = {
        registrant: {
          name: info.name,
          deaNumber: info.deaNumber,
          address: info.address,
          phone: b.registrantPhone ?? info.phone,
          businessActivity: 'practitioner (clinic)',
        },
        typeOfLoss: b.typeOfLoss,
        ...(b.typeOfLossExplanation ? { typeOfLossExplanation: b.typeOfLossExplanation } : {}),
        discoveredOn: deadlines.discoveredOn,
        ...(b.occurredOn ? { occurredOn: b.occurredOn } : {}),
        policeNotified: b.policeNotified,
        ...(b.police ? { police: b.police } : {}),
        priorLossesIn24Months: b.priorLossesIn24Months,
        ...(b.transit ? { transit: b.transit } : {}),
        ...(value ? { purchaseValueUsd: value } : {}),
        lines,
        ...(b.securityMeasures ? { securityMeasures: b.securityMeasures } : {}),
        ...(b.writtenNoticeSentOn ? { writtenNoticeSentOn: b.writtenNoticeSentOn } : {}),
      };
      const problems = dea106Problems(report);
      if (b.discrepancyId) {
        const d = await ctx.db
          .selectFrom('cs_discrepancies')
          .select('id')
          .where('clinic_id', '=', a.clinicId)
          .where('id', '=', b.discrepancyId)
          .executeTakeFirst();
        if (!d) throw badField('body.discrepancyId', 'no such discrepancy in this clinic');
      }
      const row = await ctx.db.transaction().execute(async (trx) => {
        const r = await trx
          .insertInto('cs_loss_reports')
          .values({
            clinic_id: a.clinicId,
            discovered_at: b.discoveredAt,
            discovered_on: deadlines.discoveredOn,
            written_notice_due_on: deadlines.writtenNoticeDueOn,
            dea106_due_on: deadlines.dea106DueOn,
            type_of_loss: b.typeOfLoss,
            report: toJson({ ...report, problems }),
            written_notice_sent_on: b.writtenNoticeSentOn ?? null,
            discrepancy_id: b.discrepancyId ?? null,
            created_by: a.userId,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        if (b.discrepancyId)
          await trx
            .updateTable('cs_discrepancies')
            .set({ loss_report_id: r.id })
            .where('id', '=', b.discrepancyId)
            .execute();
        await ctx.audit.record(trx, actorOf(req), {
          action: 'create',
          resourceType: 'controlled_loss_report',
          resourceId: r.id,
          category: CATEGORY,
          details: { typeOfLoss: b.typeOfLoss },
        });
        return r;
      });
      return reply.status(201).send(toLoss(row));
    },
  );

  app.get(
    '/api/v1/controlled/losses',
    {
      config: { policy: allow.roles(...READERS) },
      schema: { response: { 200: LossReportList }, tags: ['controlled'] },
    },
    async (req) => {
      const a = authOf(req);
      const rows = await ctx.db
        .selectFrom('cs_loss_reports')
        .selectAll()
        .where('clinic_id', '=', a.clinicId)
        .orderBy('discovered_at', 'desc')
        .execute();
      await ctx.audit.record(ctx.db, actorOf(req), {
        action: 'query',
        resourceType: 'controlled_loss_report',
        category: CATEGORY,
        details: { count: rows.length },
      });
      return { items: rows.map(toLoss) };
    },
  );
}
