-- Patient search at clinic-network scale (100,000 patients over many clinics on one database).
--
-- A search term is a fragment of a name or MRN ("smi", "ada lov", "MRN-0042"), a date of birth, or phone digits.
-- Fragments match anywhere in the text (`like '%term%'`), which a B-tree cannot serve; a trigram GIN index
-- (pg_trgm, a contrib extension shipped with PostgreSQL and bundled with PGlite; trusted, so the database owner
-- may create it) answers them from the index. It lives in `public`, like btree_gist, so that dropping another
-- schema never drops it, and the operator class is named with its schema for the same reason.
create extension if not exists pg_trgm schema public;

-- Names and MRN in one lower-cased text: every term of a search must occur in it (one index, AND of its terms).
create index patients_search_trgm_idx on patients
  using gin (lower(first_name || ' ' || last_name || ' ' || mrn) public.gin_trgm_ops);

-- Phone numbers by their digits, whatever punctuation they were typed with.
create index patients_phone_digits_trgm_idx on patients
  using gin (regexp_replace(coalesce(phone, ''), '\D', '', 'g') public.gin_trgm_ops);

-- A date of birth is an equality within the clinic.
create index patients_clinic_birth_idx on patients (clinic_id, date_of_birth);

-- Pages in name order are read by keyset (the last row's name and id): the id completes the order.
create index patients_clinic_name_id_idx on patients (clinic_id, lower(last_name), lower(first_name), id);
drop index patients_clinic_name_idx;
