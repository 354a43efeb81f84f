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
import { IdParams, type SessionVital, SessionVitalList, SessionVitalsQuery } from '@plasticity/contracts';
import { sql } from 'kysely';
import { notFound } from '../../../platform/errors.ts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { allow, CLINICAL_READERS } from '../../../platform/policy.ts';
import { actorOf, authOf } from '../../../platform/request-context.ts';
import { sessionVitalRow } from '../shared/vital-json.ts';

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
      // One row when the session exists (none when not): its readings already in the contract's shape, built by
      // the database as one JSON array, so no reading is parsed into a row and mapped again here. The times are
      // ISO 8601 in UTC with milliseconds, as `Date.prototype.toISOString` writes them.
      const { rows } = await sql<{ items: SessionVital[] }>`-- prepare:session_vitals_latest
        with s as (
          select id, patient_id from dosing_sessions where clinic_id = ${a.clinicId} and id = ${req.params.id}
        ), logged as (${audit})
        select coalesce((
          select json_agg(${sessionVitalRow} order by v.at desc, v.recorded_at desc)
            from (select * from session_vitals
                   where clinic_id = ${a.clinicId} and session_id = s.id and entered_in_error_at is null
                   order by at desc, recorded_at desc limit ${req.query.limit}) v
        ), '[]'::json) as items from s`.execute(ctx.db);
      const r = rows[0];
      if (!r) throw notFound('session');
      ctx.audit.sealSoon();
      return { items: r.items };
    },
  );
}
