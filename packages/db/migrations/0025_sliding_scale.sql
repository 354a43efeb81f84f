-- Sliding scale: HHS poverty guideline years a clinic adds (the product ships 2025 and 2026 as data), the clinic's
-- tiers as versions, and patients' sliding-scale assessments.
--
-- Nothing is updated in place or deleted: a change of tiers is a new version (the newest applies), an added
-- guideline year stays as entered (a clinic's year replaces the shipped figures for that year), and an assessment
-- made in error is marked entered in error with a reason, never deleted. Amounts are whole US dollars for
-- guidelines and integer cents for incomes. PostgreSQL 15 syntax.

create table poverty_guideline_years (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null references clinics(id),
  year integer not null check (year between 1990 and 2200),
  citation text not null check (length(btrim(citation)) between 1 and 200),
  -- 48 contiguous states and DC: eight figures for households of 1 … 8 persons.
  contiguous jsonb not null,
  contiguous_extra integer not null check (contiguous_extra > 0),
  alaska_one integer not null check (alaska_one > 0),
  alaska_extra integer not null check (alaska_extra > 0),
  hawaii_one integer not null check (hawaii_one > 0),
  hawaii_extra integer not null check (hawaii_extra > 0),
  created_by uuid references users(id),
  created_at timestamptz not null default now(),
  unique (clinic_id, year)
);

create table sliding_scale_tier_sets (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null references clinics(id),
  version integer not null check (version >= 1),
  -- [{label, maxPercent (null for the open top band), discountPercent}], bounds rising.
  tiers jsonb not null,
  -- Months an approved assessment stays valid (the clinic's setting, versioned with its tiers).
  assessment_valid_months integer not null default 12 check (assessment_valid_months between 1 and 36),
  effective_from timestamptz not null default now(),
  created_by uuid references users(id),
  created_at timestamptz not null default now(),
  unique (clinic_id, version)
);

create table sliding_scale_assessments (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null references clinics(id),
  patient_id uuid not null references patients(id),
  household_size integer not null check (household_size between 1 and 50),
  annual_income_cents bigint not null check (annual_income_cents >= 0),
  state text not null check (state ~ '^[A-Z]{2}$'),
  guideline_year integer not null,
  -- The guideline used, in dollars, and the result as computed then (kept even if tiers change later).
  guideline_dollars integer not null check (guideline_dollars > 0),
  percent_of_poverty numeric(8, 1) not null,
  -- 0 when the product's default tiers applied.
  tier_set_version integer not null,
  tier_label text not null,
  discount_percent integer not null check (discount_percent between 0 and 100),
  evidence text not null check (length(btrim(evidence)) between 1 and 1000),
  approved_by uuid references users(id),
  approved_at timestamptz not null,
  expires_at timestamptz not null check (expires_at > approved_at),
  entered_in_error_at timestamptz,
  entered_in_error_by uuid references users(id),
  entered_in_error_reason text,
  created_at timestamptz not null default now(),
  check ((entered_in_error_at is null) = (entered_in_error_reason is null))
);
create index sliding_scale_assessments_patient on sliding_scale_assessments (clinic_id, patient_id, approved_at desc);
