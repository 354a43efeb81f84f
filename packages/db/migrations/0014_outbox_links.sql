-- One-time links leave the outbox (issue 12 §1). A queued message keeps a body template with a
-- `{token}` slot and a reference to its link; the sender mints a fresh token into the link's hash at the
-- moment it hands the message to the mail transport, so no stored message holds a usable token.
alter table outbox add column link_kind text check (link_kind in ('one_time', 'self_report'));
alter table outbox add column link_id uuid;
alter table outbox add constraint outbox_link_pair check ((link_kind is null) = (link_id is null));

-- Links already written into message bodies were readable by staff: remove them from the text,
-- stop sending those messages, and void the invitation and reset links that were exposed.
update outbox
   set body = regexp_replace(body, '[^[:space:]]*/(accept|r)/[A-Za-z0-9_-]{16,}', '[link withdrawn]', 'g')
 where body ~ '/(accept|r)/[A-Za-z0-9_-]{16,}';
update outbox
   set attempts = greatest(attempts, 5),
       last_error = 'not sent: the link in this message was withdrawn; issue a new one'
 where sent_at is null and body like '%[link withdrawn]%';
update one_time_links set expires_at = now() where used_at is null and expires_at > now();

-- How a self-report link reaches the patient: sent in a message, or handed over on a clinic device by a
-- named staff member (the clinic's "hand the patient a tablet" mode).
alter table self_report_links add column delivery text not null default 'message'
  check (delivery in ('message', 'clinic_device'));
alter table self_report_links add column handed_by uuid references users(id);
alter table self_report_links add constraint self_report_links_handed_by
  check ((delivery = 'clinic_device') = (handed_by is not null));

-- How each stored assessment was completed, and by whose hand a clinic device was given.
alter table assessments add column completed_via text;
update assessments
   set completed_via = case source when 'staff' then 'staff_entry' when 'portal' then 'portal' else 'patient_link' end;
alter table assessments alter column completed_via set not null;
alter table assessments add constraint assessments_completed_via_check
  check (completed_via in ('patient_link', 'portal', 'clinic_device', 'staff_entry'));
alter table assessments add column handed_by uuid references users(id);
alter table assessments add constraint assessments_handed_by
  check ((completed_via = 'clinic_device') = (handed_by is not null));
