-- A session's latest readings, newest first (`order by at desc, recorded_at desc`): the live board's trends
-- (the last 30 of every chair) and `GET /api/v1/sessions/{id}/vitals` (the last 200 by default).
--
-- The index on (session_id, at) left the tie-break on recorded_at to a sort, so each read fetched every reading
-- of the session (hundreds in a long infusion) to keep a few. With recorded_at in the index, a backward scan
-- returns the readings in the order asked for and stops after the last one needed. It replaces the old index,
-- which it serves in full (every read by session and time), so ingestion maintains no extra index.
create index session_vitals_session_latest_idx on session_vitals (session_id, at, recorded_at);
drop index session_vitals_session_at_idx;
