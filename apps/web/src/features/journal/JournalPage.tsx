import { Alert, Button, Card, Select, Stack, Switch, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useMe } from '../../app/auth.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { useApiMutation } from '../../ui/useApiMutation.ts';
import { useClinicTime } from '../../ui/useClinicTime.ts';
import { setEntrySharing, writeEntry } from './api.ts';
import { JournalEntryCard, SharingBadge, SharingButton } from './JournalEntryCard.tsx';
import { PHASE_LABELS } from './labels.ts';
import { MoodCheckInCard } from './MoodCheckInCard.tsx';
import { journalKeys, useOwnEntries, usePortalPrompts } from './queries.ts';

/**
 * Portal "Journal" (phone first): today's mood, a new entry with an optional prompt for the patient's phase,
 * private unless the patient turns on "Share with my care team", and the patient's entries with their sharing.
 */
export function JournalPage() {
  const me = useMe();
  if (!me.patientId)
    return (
      <Alert color="indigo">
        Your account is not linked to a patient record yet. Please contact the clinic.
      </Alert>
    );
  return (
    <Stack gap="md">
      <div>
        <Title order={1}>My journal</Title>
        <Text size="sm" c="dimmed">
          Your entries are private. Only an entry you choose to share is seen by your care team.
        </Text>
      </div>
      <MoodCheckInCard />
      <WriteEntry />
      <OwnEntries />
    </Stack>
  );
}

function WriteEntry() {
  const prompts = usePortalPrompts();
  const [promptId, setPromptId] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [shared, setShared] = useState(false);
  const [saved, setSaved] = useState<boolean | null>(null);
  const saving = useApiMutation(writeEntry, { invalidates: [journalKeys.own()] });
  const chosen = prompts.data?.items.find((p) => p.id === promptId) ?? null;

  const submit = async () => {
    setSaved(null);
    const r = await saving.run({ text, shared, ...(promptId ? { promptId } : {}) });
    if (r.ok) {
      setSaved(r.data.shared);
      setText('');
      setPromptId(null);
      setShared(false);
    }
  };

  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="write-entry-title">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack gap="sm">
          <Title order={2} size="h4" id="write-entry-title">
            Write an entry
          </Title>
          <ErrorAlert error={prompts.error} title="Could not load the prompts" />
          {prompts.data && prompts.data.items.length > 0 && (
            <Select
              label="A prompt to start from (optional)"
              description={`Suggested for now: ${PHASE_LABELS[prompts.data.phase].toLowerCase()}`}
              placeholder="Write freely, or choose a prompt"
              data={prompts.data.items.map((p) => ({ value: p.id, label: p.text }))}
              value={promptId}
              onChange={setPromptId}
              clearable
              comboboxProps={{ withinPortal: true }}
              error={saving.fieldErrors.promptId}
            />
          )}
          {chosen && (
            <Text size="sm" fs="italic">
              {chosen.text}
            </Text>
          )}
          <Textarea
            label="Your entry"
            autosize
            minRows={5}
            maxRows={16}
            value={text}
            onChange={(e) => {
              setText(e.currentTarget.value);
              saving.clearField('text');
            }}
            error={saving.fieldErrors.text}
            required
          />
          <Switch
            size="md"
            label="Share with my care team"
            description={
              shared
                ? 'Your care team can read this entry and may talk about it with you.'
                : 'Off: only you can read this entry.'
            }
            checked={shared}
            onChange={(e) => setShared(e.currentTarget.checked)}
          />
          <ErrorAlert error={saving.error} title="Your entry was not saved" />
          {saved !== null && (
            <Text size="sm" role="status">
              {saved ? 'Saved and shared with your care team.' : 'Saved. Only you can read it.'}
            </Text>
          )}
          <Button type="submit" loading={saving.busy} disabled={text.trim() === ''} fullWidth>
            Save entry
          </Button>
        </Stack>
      </form>
    </Card>
  );
}

function OwnEntries() {
  const entries = useOwnEntries();
  const { dateTime } = useClinicTime();
  const sharing = useApiMutation((v: { id: string; shared: boolean }) => setEntrySharing(v.id, v.shared), {
    invalidates: [journalKeys.own()],
  });
  return (
    <Stack gap="sm" component="section" aria-labelledby="my-entries-title">
      <Title order={2} size="h4" id="my-entries-title">
        My entries
      </Title>
      <ErrorAlert error={sharing.error} title="The sharing did not change" />
      {entries.error ? (
        <ErrorAlert error={entries.error} title="Could not load your entries" />
      ) : !entries.data ? (
        <LoadingState label="Loading your entries…" />
      ) : entries.data.length === 0 ? (
        <Text c="dimmed">No entries yet.</Text>
      ) : (
        entries.data.map((e) => (
          <JournalEntryCard
            key={e.id}
            when={dateTime(e.createdAt)}
            promptText={e.promptText}
            text={e.text}
            badge={<SharingBadge shared={e.shared} />}
            action={
              <SharingButton
                shared={e.shared}
                busy={sharing.busy && sharing.variables?.id === e.id}
                onClick={() => void sharing.run({ id: e.id, shared: !e.shared })}
              />
            }
          />
        ))
      )}
    </Stack>
  );
}
