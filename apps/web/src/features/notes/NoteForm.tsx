import { Alert, Button, Group, SegmentedControl, Select, Stack, Textarea } from '@mantine/core';
import type { CreateNoteRequest, IntegrationSections, NoteKind } from '@plasticity/contracts';
import { type FormEvent, useState } from 'react';
import type { z } from 'zod';
import { useMe } from '../../app/auth.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { useApiMutation } from '../../ui/useApiMutation.ts';
import { PreparationSummary } from '../integration/PreparationSummary.tsx';
import { usePatientSessions } from '../sessions/queries.ts';
import { createNote } from './api.ts';
import { CiteJournalEntries } from './CiteJournalEntries.tsx';
import { NOTE_KIND_LABELS, SECTION_LABELS, WRITABLE_KINDS } from './labels.ts';
import { noteKeys } from './queries.ts';

const EMPTY: Record<keyof IntegrationSections, string> = {
  experience: '',
  insights: '',
  intentions: '',
  actions: '',
  moodRisk: '',
  plan: '',
};

/**
 * A new note: the kind (only those the caller's role writes), free text for a progress note, the integration
 * template (experience and themes, insights, intentions revisited, actions for daily life, mood and risk check,
 * plan) with a summary and the patient's preparation (intentions, support person) beside it, or a psychotherapy
 * note with the notice that it stays private to its author. Progress and integration notes may cite journal
 * entries the patient shares. The note is signed by the caller when saved and cannot be edited afterwards.
 */
export function NoteForm({ patientId, onDone }: { patientId: string; onDone: () => void }) {
  const me = useMe();
  const kinds = WRITABLE_KINDS[me.role] ?? [];
  const [kind, setKind] = useState<NoteKind>(kinds[0] ?? 'progress');
  const [body, setBody] = useState('');
  const [sections, setSections] = useState(EMPTY);
  const [sessionId, setSessionId] = useState<string | null>(null);
  const [cited, setCited] = useState<string[]>([]);
  const sessions = usePatientSessions(patientId).data?.items ?? [];
  const saving = useApiMutation((req: z.input<typeof CreateNoteRequest>) => createNote(patientId, req), {
    invalidates: [noteKeys.patient(patientId)],
    onSuccess: onDone,
  });
  const errors = saving.fieldErrors;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const filled = Object.fromEntries(
      Object.entries(sections)
        .map(([k, v]) => [k, v.trim()] as const)
        .filter(([, v]) => v),
    );
    await saving.run({
      kind,
      body: body.trim(),
      ...(sessionId ? { sessionId } : {}),
      ...(kind === 'integration' && Object.keys(filled).length > 0 ? { sections: filled } : {}),
      ...(kind !== 'psychotherapy' && cited.length > 0 ? { citedJournalEntryIds: cited } : {}),
    });
  };

  return (
    <form onSubmit={submit} aria-label="New note" noValidate>
      <Stack gap="sm">
        <SegmentedControl
          aria-label="Kind of note"
          value={kind}
          onChange={(v) => setKind(v as NoteKind)}
          data={kinds.map((k) => ({ value: k, label: NOTE_KIND_LABELS[k] }))}
        />
        {kind === 'psychotherapy' && (
          <Alert color="blue" variant="light" title="Private to you">
            A psychotherapy note is kept apart from the medical record. Only you can read it: not the admin,
            not other clinicians, not the patient. It is never printed, exported or found by search, and each
            time you open it is recorded. Put diagnosis, symptoms, progress and the treatment plan in a
            progress note instead.
          </Alert>
        )}
        {sessions.length > 0 && (
          <Select
            label="Dosing session (optional)"
            placeholder="Not about one session"
            clearable
            data={sessions.map((x) => ({
              value: x.id,
              label: `${formatDateTime(x.scheduledAt, me.clinic.timeZone)}, ${x.protocol.name}`,
            }))}
            value={sessionId}
            onChange={setSessionId}
            error={errors.sessionId}
            maw={420}
          />
        )}
        {kind === 'integration' && <PreparationSummary patientId={patientId} />}
        {kind === 'integration' &&
          SECTION_LABELS.map(([key, label]) => (
            <Textarea
              key={key}
              label={label}
              autosize
              minRows={2}
              value={sections[key]}
              onChange={(e) => {
                const v = e.currentTarget.value;
                setSections((s) => ({ ...s, [key]: v }));
              }}
              error={errors[`sections.${key}`]}
            />
          ))}
        <Textarea
          label={kind === 'integration' ? 'Summary' : 'Note'}
          autosize
          minRows={4}
          required
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          error={errors.body}
        />
        {kind !== 'psychotherapy' && (
          <CiteJournalEntries
            patientId={patientId}
            value={cited}
            onChange={setCited}
            error={errors.citedJournalEntryIds}
          />
        )}
        <Group>
          <Button type="submit" loading={saving.busy} disabled={!body.trim()}>
            Sign and save
          </Button>
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
        </Group>
        <ErrorAlert error={saving.error} title="The note was not saved" />
      </Stack>
    </form>
  );
}
