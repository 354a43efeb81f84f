-- The administration record applies the dose calculator's rules (issue 11 §1). PostgreSQL 15 syntax.
--
-- A treatment plan carries the prescribed dose (mg/kg or fixed mg, the protocol's route, duration, frequency)
-- and who approved it (a prescriber: when setting it, or when approving the plan that carries it).
alter table plan_treatment_plans
  add column prescribed_dose jsonb,
  add column dose_approved_by uuid references users(id),
  add column dose_approved_at timestamptz;

-- Each administration keeps what the check saw and decided (weight, mg/kg, protocol version, warnings, the
-- plan's dose), the override of a protocol maximum with its reason and verifying clinician, why the dose
-- differs from the plan's, why it was not drawn from the register, and the infusion's planned duration and
-- starting rate. Corrections of the register made when it is entered in error are ledger entries that
-- reference the originals (cs_ledger.corrects_entry_id), never edits.
alter table session_administrations
  add column plan_id uuid,
  add column dose_check jsonb,
  add column override_reason text,
  add column override_verified_by uuid references users(id),
  add column dose_change_reason text,
  add column not_from_register_reason text,
  add column duration_min numeric,
  add column rate_ml_per_hour numeric,
  add constraint session_administrations_override_ck check (
    (override_reason is null) = (override_verified_by is null)
  );
