/**
 * GET /api/v1/sessions/{id}/vitals?limit= — a session's latest readings, newest first (default 200, at most
 * SESSION_VITALS_MAX), readings entered in error left out: what a chair's trend and a monitor's client read
 * without the whole session record (`GET /api/v1/sessions/{id}`).
 * Roles: admin, prescriber, nurse, therapist (clinical readers, as the session record). 200; 404 for a session
 * of another clinic or none (the same answer); 400 naming `querystring.limit` when it is out of range.
 * Why one statement: a trend polled from every chair is a hot read. The session lookup in the clinic, the audit
 * entry of the read (a data-modifying CTE) and the readings (the (session, time) index read backwards) go as
 * one prepared autocommit statement, one round trip.
 */
import { IdParams, SessionVitalList, SessionVitalsQuery } from '@plasticity/contracts';
import type { SessionVitalsTable } from '@plasticity/db/tables/sessions';
import { type Selectable, sql } from 'kysely';
import { notFound } from '../../../platform/errors.ts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { allow, CLINICAL_READERS } from '../../../platform/policy.ts';
import { actorOf, authOf } from '../../../platform/request-context.ts';
import { toSessionVital } from '../shared/load.ts';

type Reading = Selectable<SessionVitalsTable>;
/** The session's row with one reading, or with nulls when it has none (the left join). */
type Row = { found: true } & ({ [K in keyof Reading]: Reading[K] } | { [K in keyof Reading]: null });

export function listVitalsRoute(app: ZodApp, ctx: ModuleContext) {
  app.get(
    '/api/v1/sessions/:id/vitals',
    {
      config: { policy: allow.roles(...CLINICAL_READERS) },
      schema: {
        params: IdParams,
        querystring: SessionVitalsQuery,
        response: { 200: SessionVitalList },
        tags: ['sessions'],
      },
    },
    async (req) => {
      const a = authOf(req);
      const audit = ctx.audit.insertSelect(
        actorOf(req),
        {
          action: 'read',
          resourceType: 'session_vitals',
          resourceId: sql`s.id::text`,
          patientId: sql`s.patient_id`,
          category: 'vital_signs',
          details: { limit: req.query.limit },
        },
        sql`s`,
      );
      // The session row comes back even when it has no readings (a left join), so 404 means no session.
      const { rows } = await sql<Row>`-- prepare:session_vitals_latest
        with s as (
          select id, patient_id from dosing_sessions where clinic_id = ${a.clinicId} and id = ${req.params.id}
        ), logged as (${audit})
        select true as found, v.* from s left join lateral (
          select id, at, sbp, dbp, hr, spo2, rr, etco2, temp_c, source, device_id, confirmed_at, confirmed_by
            from session_vitals
           where clinic_id = ${a.clinicId} and session_id = s.id and entered_in_error_at is null
           order by at desc, recorded_at desc limit ${req.query.limit}
        ) v on true`.execute(ctx.db);
      if (rows.length === 0) throw notFound('session');
      ctx.audit.sealSoon();
      return { items: rows.flatMap((r) => (r.id === null ? [] : [toSessionVital(r as Reading)])) };
    },
  );
}
