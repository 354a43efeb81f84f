-- 42 CFR Part 2 disclosure consents and the accounting of disclosures made under them.
--
-- A disclosure consent is the patient's written consent (42 CFR 2.31(a), as amended by 89 FR 12472, Feb. 16, 2024)
-- to disclose their substance use disorder records to one named recipient: here a FHIR system client the clinic
-- registered (fhir_clients). It keeps the elements of § 2.31(a): the patient (1), the clinic as the program making
-- the disclosure (2), what is disclosed (3: every record the FHIR interface serves about the patient, or the
-- resource types listed), the recipient (4), the purpose (5), the expiry date or event (6), the signature and its
-- date (8, 9); the right to revoke (7) is printed on the consent's PDF. A consent is revoked (§ 2.31(a)(7): no
-- further release from that instant) or marked entered in error, never deleted.
create table part2_disclosure_consents (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null references clinics(id),
  patient_id uuid not null references patients(id),
  recipient_client_id uuid not null references fhir_clients(id),
  purpose text not null check (length(purpose) between 1 and 500),
  -- null: every record about the patient the FHIR interface serves; otherwise the FHIR resource types listed.
  resource_types jsonb,
  information text not null check (length(information) between 1 and 1000),
  expires_on date,
  expiry_event text check (expiry_event is null or length(expiry_event) between 1 and 300),
  signed_on date not null,
  signed_by_name text not null check (length(signed_by_name) between 1 and 200),
  recorded_by uuid references users(id),
  recorded_at timestamptz not null,
  revoked_at timestamptz,
  revoked_by uuid references users(id),
  revoked_reason text,
  entered_in_error_at timestamptz,
  entered_in_error_by uuid references users(id),
  entered_in_error_reason text,
  check (expires_on is not null or expiry_event is not null),
  check (expires_on is null or expires_on >= signed_on)
);
create index part2_disclosure_consents_patient_idx on part2_disclosure_consents (clinic_id, patient_id, recorded_at);
create index part2_disclosure_consents_recipient_idx on part2_disclosure_consents (recipient_client_id, patient_id)
  where revoked_at is null and entered_in_error_at is null;

-- The accounting of disclosures (42 CFR 2.25, with 45 CFR 164.528(b)): one row per release of a patient's records
-- to a system client under a consent — a read, the hits of one search, one downloaded export file — with its date,
-- its recipient, what was released (resource type and count, never content) and the consent it relied on.
create table part2_disclosures (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null references clinics(id),
  patient_id uuid not null references patients(id),
  consent_id uuid not null references part2_disclosure_consents(id),
  recipient_client_id uuid not null references fhir_clients(id),
  disclosed_at timestamptz not null,
  interaction text not null check (interaction in ('read', 'search', 'export')),
  resource_type text not null,
  resource_count integer not null check (resource_count > 0)
);
create index part2_disclosures_patient_idx on part2_disclosures (clinic_id, patient_id, disclosed_at);
