-- The administration record names its controlled-substance register entries (issue 6 §3): the draw from the
-- container, the administration out of that draw and, when less was given than drawn, the witnessed waste of
-- the remainder. All three are appended in the administration's own transaction. PostgreSQL 15 syntax.
alter table session_administrations
  add column register_draw_id uuid references cs_ledger (id),
  add column register_administer_id uuid references cs_ledger (id),
  add column register_waste_id uuid references cs_ledger (id),
  add constraint session_administrations_register_ck check (
    (register_draw_id is null) = (register_administer_id is null)
    and (register_waste_id is null or register_draw_id is not null)
    and (register_draw_id is null or container_id is not null)
  );
