-- Group-level Bulk Data export (FHIR Bulk Data Access IG 2.0.0, `GET [base]/Group/[id]/$export`). A Group is not
-- stored: the FHIR interface derives one per protocol line of the clinic's protocol library, whose members are the
-- patients with a current treatment plan on it (docs/fhir.md#groups). A job names the group it exports.
alter table fhir_export_jobs drop constraint fhir_export_jobs_level_check;
alter table fhir_export_jobs add constraint fhir_export_jobs_level_check
  check (level in ('system', 'patient', 'group'));
alter table fhir_export_jobs add column group_id text check (length(group_id) between 1 and 64);
alter table fhir_export_jobs add constraint fhir_export_jobs_group_check check ((level = 'group') = (group_id is not null));
