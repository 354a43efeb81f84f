-- Patient education: the clinic's pages (written by the product as defaults, edited by the clinic) and the
-- record of which page versions each patient has read.
--
-- A page is a line of versions under one slug: an edit inserts version n + 1 as 'current' and marks the old
-- row 'superseded'; nothing is overwritten or deleted, so a read always names the exact text that was read.
-- Bodies are plain text with "## " headings and blank-line paragraphs; screens render them as text, never as
-- HTML. PostgreSQL 15 syntax.
create table education_pages (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null references clinics(id),
  slug text not null check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) <= 60),
  version integer not null check (version >= 1),
  title text not null check (length(btrim(title)) between 1 and 120),
  summary text not null check (length(summary) <= 400),
  body text not null check (length(btrim(body)) between 1 and 20000),
  topic text not null check (topic in ('treatment', 'session', 'safety', 'integration', 'aftercare')),
  sort_order integer not null default 0,
  status text not null check (status in ('current', 'superseded')),
  change_note text check (change_note is null or length(change_note) <= 400),
  edited_by uuid references users(id),
  created_at timestamptz not null default now(),
  unique (clinic_id, slug, version)
);
-- One current version per page.
create unique index education_pages_current on education_pages (clinic_id, slug) where status = 'current';

-- A patient read a page version (first read kept; reading it again changes nothing).
create table education_reads (
  id uuid primary key default gen_random_uuid(),
  clinic_id uuid not null references clinics(id),
  patient_id uuid not null references patients(id),
  page_slug text not null,
  page_version integer not null,
  read_at timestamptz not null default now(),
  unique (patient_id, page_slug, page_version),
  foreign key (clinic_id, page_slug, page_version) references education_pages (clinic_id, slug, version)
);
create index education_reads_patient on education_reads (clinic_id, patient_id);
