-- Progress and integration notes that discuss entries the patient shared from their journal. A citation names
-- the entry; the note shows the entry's words only while the patient still shares it. Citations are part of
-- the signed note and are never removed.

create table clinical_note_journal_citations (
  clinic_id uuid not null references clinics(id),
  note_id uuid not null,
  journal_entry_id uuid not null references journal_entries(id),
  -- Order in which the author cited the entries.
  position smallint not null check (position >= 0),
  primary key (note_id, journal_entry_id),
  foreign key (clinic_id, note_id) references clinical_notes (clinic_id, id)
);
create index clinical_note_journal_citations_entry on clinical_note_journal_citations (journal_entry_id);
