/**
 * The floor of `read-paths.bench.ts`: the cheapest correct program for each read path's durable work — a bare
 * `node:http` server on a `pg` pool of 10 (or the embedded database's one handle) with no session, policy,
 * validation or response schema. Per request:
 * - `GET /search?query=` — the app's page statement for patient search (the same `where`, order and `limit 51`)
 *   and the same audit insert (prepared, autocommit), then the page as JSON;
 * - `GET /vitals/{sessionId}` — ONE prepared statement: the session looked up in the clinic, its audit row
 *   inserted by a data-modifying CTE, and its latest 200 readings not entered in error, newest first, as JSON;
 * - `GET /chart/{patientId}` — ONE prepared statement: the patient row, its audit row (a data-modifying CTE), and
 *   the four parts as lateral subqueries returning JSON (open alerts with their count, the active plan, the
 *   latest score per instrument, the last 5 sessions with the dose given), as JSON.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ScaleClinic } from './scale-data.ts';

export type FloorRun = (text: string, values: unknown[], name?: string) => Promise<Record<string, unknown>[]>;

/** The page statement, written out as the app's `list-patients.ts` runs it. */
function searchStatement(q: string, clinicId: string): { text: string; values: unknown[] } {
  const values: unknown[] = [clinicId];
  const p = (v: unknown) => {
    values.push(v);
    return `$${values.length}`;
  };
  let where = 'clinic_id = $1';
  const dob = /^\d{4}-\d{2}-\d{2}$/.test(q)
    ? q
    : /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.test(q)
      ? q.replace(
          /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/,
          (_, m, d, y) => `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`,
        )
      : undefined;
  if (dob) where += ` and date_of_birth = ${p(dob)}`;
  else if (q) {
    const terms = q
      .toLowerCase()
      .split(/[\s,]+/)
      .filter(Boolean)
      .slice(0, 5);
    const words = terms.map((t) => `lower(first_name || ' ' || last_name || ' ' || mrn) like ${p(`%${t}%`)}`);
    const digits = q.replace(/\D/g, '');
    where +=
      digits.length >= 4
        ? ` and ((${words.join(' and ')}) or regexp_replace(coalesce(phone, ''), '\\D', '', 'g') like ${p(`%${digits}%`)})`
        : ` and ${words.join(' and ')}`;
  }
  return {
    text: `select * from patients where ${where} order by lower(last_name), lower(first_name), id limit 51`,
    values,
  };
}

const SEARCH_AUDIT = `insert into audit_log (at, clinic_id, user_id, user_email, role, patient_id, action, resource_type,
  resource_id, category, outcome, source_address, details)
  values (now(), $1, $2, $3, 'nurse', null, 'query', 'patient', null, 'demographics', 'success', $4, $5)`;

/** The session's latest 200 readings and its audit row, in one statement. */
const VITALS = `with s as (
    select id, patient_id from dosing_sessions where clinic_id = $1 and id = $2
  ), a as (
    insert into audit_log (at, clinic_id, user_id, user_email, role, patient_id, action, resource_type,
      resource_id, category, outcome, source_address, details)
    select now(), $1, $3, $4, 'nurse', s.patient_id, 'read', 'dosing_session', s.id, 'dosing_session', 'success',
      $5, '{}'::jsonb from s
  )
  select v.id, v.at, v.sbp, v.dbp, v.hr, v.spo2, v.rr, v.etco2, v.temp_c, v.source
  from session_vitals v join s on s.id = v.session_id
  where v.clinic_id = $1 and v.entered_in_error_at is null
  order by v.at desc limit 200`;

/** The chart's five parts and the read's audit row, in one statement. */
const CHART = `with p as (
    select * from patients where clinic_id = $1 and id = $2
  ), a as (
    insert into audit_log (at, clinic_id, user_id, user_email, role, patient_id, action, resource_type,
      resource_id, category, outcome, source_address, details)
    select now(), $1, $3, $4, 'nurse', p.id, 'read', 'patient', p.id::text, 'demographics', 'success', $5,
      '{"view":"chart_summary"}'::jsonb from p
  )
  select p.*,
    (select count(*) from alerts where clinic_id = p.clinic_id and patient_id = p.id and status = 'open')
      as open_alert_count,
    (select coalesce(json_agg(x order by x.created_at desc, x.id), '[]'::json) from (
       select id, kind, severity, title, created_at from alerts
        where clinic_id = p.clinic_id and patient_id = p.id and status = 'open'
        order by created_at desc, id limit 20) x) as open_alerts,
    (select row_to_json(x) from (
       select t.id, pr.name, pr.route, pr.drug, t.planned_sessions, t.activated_at
         from plan_treatment_plans t join plan_protocols pr on pr.clinic_id = t.clinic_id and pr.id = t.protocol_id
        where t.clinic_id = p.clinic_id and t.patient_id = p.id and t.status = 'active' and t.entered_in_error_at is null
        order by t.created_at desc, t.seq desc limit 1) x) as active_plan,
    (select coalesce(json_agg(x), '[]'::json) from (
       select distinct on (instrument_id) instrument_id, total, severity, administered_at from assessments
        where clinic_id = p.clinic_id and patient_id = p.id and entered_in_error_at is null
        order by instrument_id, administered_at desc, created_at desc, id) x) as latest_scores,
    (select coalesce(json_agg(x order by x.scheduled_at desc, x.id), '[]'::json) from (
       select d.id, d.scheduled_at, d.status, d.chair, d.protocol->>'name' as protocol_name,
              d.protocol->>'route' as route, d.discharged_at,
              (select sum(dose_mg)::text from session_administrations g
                where g.clinic_id = d.clinic_id and g.session_id = d.id and g.entered_in_error_at is null)
                as total_dose_mg
         from dosing_sessions d where d.clinic_id = p.clinic_id and d.patient_id = p.id
        order by d.scheduled_at desc, d.id limit 5) x) as recent_sessions
  from p`;

async function answer(run: FloorRun, clinic: ScaleClinic, req: http.IncomingMessage): Promise<unknown> {
  const url = new URL(req.url ?? '/', 'http://x');
  const address = req.socket.remoteAddress ?? null;
  const vitals = /^\/vitals\/([0-9a-f-]{36})$/.exec(url.pathname);
  if (vitals) {
    const readings = await run(
      VITALS,
      [clinic.id, vitals[1], clinic.nurseId, clinic.nurseEmail, address],
      'floor_vitals',
    );
    return { readings };
  }
  const chart = /^\/chart\/([0-9a-f-]{36})$/.exec(url.pathname);
  if (chart) {
    const [row] = await run(
      CHART,
      [clinic.id, chart[1], clinic.nurseId, clinic.nurseEmail, address],
      'floor_chart',
    );
    return row;
  }
  const q = url.searchParams.get('query') ?? '';
  const s = searchStatement(q, clinic.id);
  const rows = await run(s.text, s.values);
  const page = rows.slice(0, 50);
  await run(
    SEARCH_AUDIT,
    [
      clinic.id,
      clinic.nurseId,
      clinic.nurseEmail,
      address,
      JSON.stringify({ results: page.length, searched: Boolean(q) }),
    ],
    'floor_search_audit',
  );
  return { items: page, nextCursor: rows.length > 50 ? (page[49]?.id ?? null) : null };
}

export function startFloor(run: FloorRun, clinic: ScaleClinic) {
  const server = http.createServer((req, res) => {
    answer(run, clinic, req).then(
      (body) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body)),
      (e: unknown) => res.writeHead(500).end(String(e)),
    );
  });
  return new Promise<{ server: http.Server; base: string }>((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }),
    ),
  );
}
