-- Clinic identity printed on documents (consent PDFs, the REMS form, controlled-substance reports,
-- DEA-106): phone, DEA registration number, NPI and TIN, each validated by the clinic settings route.
-- The address stays in clinics.address (line1, line2, city, state, postalCode).
-- PostgreSQL 15 syntax.
alter table clinics add column phone text;
alter table clinics add column dea_number text;
alter table clinics add column npi text;
alter table clinics add column tin text;

-- The DEA number used to live in settings.controlled.deaNumber: move it to its column.
update clinics
   set dea_number = upper(settings -> 'controlled' ->> 'deaNumber')
 where coalesce(settings -> 'controlled' ->> 'deaNumber', '') <> '';
update clinics
   set settings = jsonb_set(settings, '{controlled}', (settings -> 'controlled') - 'deaNumber')
 where jsonb_typeof(settings -> 'controlled') = 'object';

-- How a consent was signed: by the patient in the portal, or on a clinic device handed to the patient
-- by a named staff member (the clinic's "hand the patient a tablet" mode, as for self-reports).
alter table plan_consent_signatures add column signed_via text not null default 'portal'
  check (signed_via in ('portal', 'clinic_device'));
alter table plan_consent_signatures add column handed_by uuid references users(id);
alter table plan_consent_signatures add constraint plan_consent_signatures_handed_by
  check ((signed_via = 'clinic_device') = (handed_by is not null));
