-- The live board's reads at clinic-network scale (a clinic with thousands of past sessions).
--
-- The board lists a clinic's open sessions (served by the partial unique index `dosing_sessions_one_open_idx`,
-- whose predicate is the open statuses) and the sessions closed in the last few minutes
-- (`coalesce(discharged_at, updated_at)` within the clinic's `boardClosedVisibleMin`). Without an index for the
-- second part the board read every session the clinic ever had (about 10,000 in a clinic of 2,000 patients).
create index dosing_sessions_closed_at_idx on dosing_sessions (clinic_id, (coalesce(discharged_at, updated_at)))
  where status in ('discharged', 'cancelled', 'aborted');

-- Statistics for the new expression index (the board's plan depends on them).
analyze dosing_sessions;
