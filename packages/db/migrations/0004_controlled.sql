-- Controlled-substance register (DEA Schedule III ketamine, esketamine): 21 CFR 1304.04 (records kept
-- two years, readily retrievable), 1304.11 (inventories), 1304.21/1304.22(c) (every receipt and
-- administration), 1317.95(d) / DEA-41 (destruction), 1301.76(b) / DEA-106 (theft or loss).
-- PostgreSQL 15 syntax. Quantities are numeric (exact), never floating point.

create table cs_locations (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null references clinics(id),
  name text not null,
  kind text not null default 'cabinet' check (kind in ('safe', 'cabinet', 'shelf', 'cart', 'other')),
  active boolean not null default true,
  created_at timestamptz not null default now(),
  unique (clinic_id, id),
  unique (clinic_id, name)
);

create table cs_suppliers (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null references clinics(id),
  name text not null,
  address text not null,
  dea_number text not null,
  active boolean not null default true,
  created_at timestamptz not null default now(),
  unique (clinic_id, id)
);

create table cs_products (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null references clinics(id),
  drug text not null,
  ndc text not null,
  form text not null,
  schedule text not null default 'III' check (schedule in ('II', 'III', 'IV', 'V')),
  strength text not null,
  concentration_mg_per_ml numeric,
  container_size numeric not null check (container_size > 0),
  container_label text not null,
  unit text not null check (unit in ('mg', 'mL')),
  active boolean not null default true,
  created_at timestamptz not null default now(),
  unique (clinic_id, id),
  unique (clinic_id, ndc)
);

-- A stock unit (one vial, one device box). Its balance is never stored: it is the sum of the
-- ledger's container_delta. The row is what concurrent movements lock (select ... for update).
create table cs_containers (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null references clinics(id),
  product_id uuid not null,
  lot text not null,
  expires_on date not null,
  label text not null,
  location_id uuid not null,
  created_at timestamptz not null default now(),
  created_by uuid references users(id),
  unique (clinic_id, id),
  foreign key (clinic_id, product_id) references cs_products (clinic_id, id),
  foreign key (clinic_id, location_id) references cs_locations (clinic_id, id)
);
create index cs_containers_clinic_idx on cs_containers (clinic_id, expires_on);

-- The append-only ledger. Corrections are new rows pointing at the row they correct.
create table cs_ledger (
  id uuid primary key default gen_random_uuid(),
  seq bigserial not null unique,
  clinic_id uuid not null references clinics(id),
  container_id uuid not null,
  type text not null check (type in ('receipt', 'open', 'draw', 'administer', 'waste', 'return', 'transfer', 'adjust', 'destroy')),
  quantity numeric,
  unit text check (unit in ('mg', 'mL')),
  container_delta numeric not null default 0,
  draw_delta numeric not null default 0,
  draw_id uuid references cs_ledger(id),
  patient_id uuid,
  session_id uuid,
  waste_from text check (waste_from in ('draw', 'container')),
  reason text,
  witness_user_id uuid references users(id),
  witness2_user_id uuid references users(id),
  from_location_id uuid,
  to_location_id uuid,
  supplier_id uuid,
  invoice text,
  details jsonb,
  corrects_entry_id uuid references cs_ledger(id),
  correction_kind text check (correction_kind in ('reversal', 'amendment')),
  occurred_at timestamptz not null,
  recorded_at timestamptz not null default now(),
  recorded_by uuid not null references users(id),
  foreign key (clinic_id, container_id) references cs_containers (clinic_id, id),
  foreign key (clinic_id, patient_id) references patients (clinic_id, id),
  foreign key (clinic_id, supplier_id) references cs_suppliers (clinic_id, id)
);
create index cs_ledger_clinic_container_idx on cs_ledger (clinic_id, container_id, seq);
create index cs_ledger_clinic_occurred_idx on cs_ledger (clinic_id, occurred_at);
create index cs_ledger_clinic_patient_idx on cs_ledger (clinic_id, patient_id, occurred_at);
create index cs_ledger_draw_idx on cs_ledger (draw_id);

create function cs_append_only() returns trigger language plpgsql as $$
begin
  raise exception '% is append-only: % refused', tg_table_name, tg_op using errcode = 'insufficient_privilege';
end;
$$;
create trigger cs_ledger_append_only before update or delete on cs_ledger
  for each row execute function cs_append_only();
create trigger cs_ledger_no_truncate before truncate on cs_ledger
  for each statement execute function cs_append_only();

-- Two-person counts (shift, daily, or inventory counts). Append-only like the ledger.
create table cs_counts (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null references clinics(id),
  scope text not null check (scope in ('full', 'partial')),
  location_id uuid,
  counted_at timestamptz not null,
  counter_user_id uuid not null references users(id),
  witness_user_id uuid not null references users(id),
  lines jsonb not null,
  matched jsonb not null,
  note text,
  created_at timestamptz not null default now(),
  unique (clinic_id, id)
);
create trigger cs_counts_append_only before update or delete on cs_counts
  for each row execute function cs_append_only();

-- A difference between a count and the ledger: open until resolved with an explanation, or
-- escalated as a possible theft or significant loss (1301.76(b)).
create table cs_discrepancies (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null references clinics(id),
  count_id uuid not null,
  container_id uuid not null,
  unit text not null,
  expected numeric not null,
  counted numeric not null,
  difference numeric not null,
  kind text not null check (kind in ('shortage', 'overage')),
  cause text not null,
  status text not null default 'open' check (status in ('open', 'resolved', 'escalated')),
  explanation text,
  resolved_by uuid references users(id),
  resolved_at timestamptz,
  adjustment_entry_id uuid references cs_ledger(id),
  escalation_note text,
  escalated_by uuid references users(id),
  escalated_at timestamptz,
  loss_report_id uuid,
  created_at timestamptz not null default now(),
  foreign key (clinic_id, count_id) references cs_counts (clinic_id, id),
  foreign key (clinic_id, container_id) references cs_containers (clinic_id, id)
);
create index cs_discrepancies_clinic_idx on cs_discrepancies (clinic_id, status);

-- Theft or significant loss (21 CFR 1301.76(b)): written notice within one business day, DEA-106
-- within 45 days. `report` holds the DEA-106 data fields.
create table cs_loss_reports (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null references clinics(id),
  discovered_at timestamptz not null,
  discovered_on date not null,
  written_notice_due_on date not null,
  dea106_due_on date not null,
  type_of_loss text not null,
  report jsonb not null,
  written_notice_sent_on date,
  dea106_filed_on date,
  discrepancy_id uuid references cs_discrepancies(id),
  created_by uuid not null references users(id),
  created_at timestamptz not null default now()
);
create index cs_loss_reports_clinic_idx on cs_loss_reports (clinic_id, discovered_at desc);
