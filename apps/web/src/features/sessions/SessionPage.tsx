/**
 * One dosing session: phase and its controls (next phase, cancel/abort with a reason, a
 * prescriber's override with a reason when preconditions fail), checklist, dose, vitals with the full chart,
 * observations (MOAA/S, CADSS-6, distress, adverse events) with what is due, alerts with acknowledgement (and
 * a sound when one arrives), discharge, the REMS form (editor and download) and notes.
 * Live: reloads when the board stream reports a change to this session.
 */
import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  List,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import type { SessionStatus } from '@plasticity/contracts';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { useMe } from '../../app/auth.tsx';
import type { RouteProps } from '../../app/registry.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { useApiMutation } from '../../ui/useApiMutation.ts';
import { useClinicTime } from '../../ui/useClinicTime.ts';
import { PreparationSummary } from '../integration/PreparationSummary.tsx';
import { AlertsPanel } from './AlertsPanel.tsx';
import { addNote, downloadRemsPdf, type SessionRecord, transition } from './api.ts';
import { beep } from './beep.ts';
import { ChecklistPanel } from './ChecklistPanel.tsx';
import { DischargePanel } from './DischargePanel.tsx';
import { DosePanel } from './DosePanel.tsx';
import { NEXT_PHASE, PHASE_COLOR, PHASE_LABEL } from './format.ts';
import { ObservationsPanel } from './ObservationsPanel.tsx';
import { sessionKeys, useSessionCache, useSessionQuery } from './queries.ts';
import { RemsFormPanel } from './RemsFormPanel.tsx';
import { useBoardEvents } from './useBoardEvents.ts';
import { VitalsPanel } from './VitalsPanel.tsx';

function PhaseControls({ s, onChange }: { s: SessionRecord; onChange: (s: SessionRecord) => void }) {
  const me = useMe();
  const move = useApiMutation((body: Parameters<typeof transition>[1]) => transition(s.id, body));
  const error = move.error;
  const [override, setOverride] = useState('');
  const [reason, setReason] = useState('');
  const next = NEXT_PHASE[s.status];
  const blocked = error instanceof ApiError && error.code === 'precondition_failed' ? error.details : [];
  const fixed =
    s.status === 'pre_assessment'
      ? s.checklist.filter((i) => i.blocking && !i.passed && i.overridable === false)
      : [];
  const go = async (to: SessionStatus, extra: { reason?: string; overrideReason?: string } = {}) => {
    const result = await move.run({ to, ...extra });
    if (!result.ok) return;
    onChange(result.data);
    setOverride('');
    setReason('');
  };
  if (s.lockedAt) return null;
  const ending: SessionStatus = ['scheduled', 'checked_in', 'pre_assessment'].includes(s.status)
    ? 'cancelled'
    : 'aborted';
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Group>
          {next && (
            <Button onClick={() => go(next)} disabled={me.role === 'therapist'} loading={move.busy}>
              {next === 'discharged' ? 'Discharge' : `Move to ${PHASE_LABEL[next]?.toLowerCase()}`}
            </Button>
          )}
          <TextInput
            placeholder={ending === 'cancelled' ? 'Reason to cancel' : 'Reason to abort'}
            aria-label={ending === 'cancelled' ? 'Reason to cancel' : 'Reason to abort'}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            w={260}
          />
          <Button
            variant="outline"
            color="red"
            disabled={!reason.trim()}
            loading={move.busy}
            onClick={() => go(ending, { reason })}
          >
            {ending === 'cancelled' ? 'Cancel session' : 'Abort session'}
          </Button>
        </Group>
        {blocked.length > 0 && (
          <Alert color="orange" title="Not yet — these items fail" data-testid="blocked">
            <List size="sm">
              {blocked.map((d) => (
                <List.Item key={d.field ?? d.message}>{d.message}</List.Item>
              ))}
            </List>
            {fixed.length > 0 && (
              <Text size="sm" mt="xs" data-testid="not-overridable">
                No override passes a record made for another drug or route (
                {fixed.map((i) => i.label).join('; ')}): record it for this session's drug and route, or book
                the session under the right protocol.
              </Text>
            )}
            {me.role === 'prescriber' && next && fixed.length === 0 && (
              <Group mt="xs" align="flex-end">
                <TextInput
                  label="Override reason (recorded with each item)"
                  value={override}
                  onChange={(e) => setOverride(e.currentTarget.value)}
                  w={380}
                />
                <Button
                  color="orange"
                  disabled={!override.trim()}
                  loading={move.busy}
                  onClick={() => go(next, { overrideReason: override })}
                >
                  Override and continue
                </Button>
              </Group>
            )}
          </Alert>
        )}
        {!(blocked.length > 0) && <ErrorAlert error={error} title="Could not change the phase" />}
      </Stack>
    </Card>
  );
}

function Notes({ s }: { s: SessionRecord }) {
  const { time } = useClinicTime();
  const [text, setText] = useState('');
  const adding = useApiMutation((note: string) => addNote(s.id, note), {
    invalidates: [sessionKeys.detail(s.id)],
  });
  const error = adding.error;
  const save = async () => {
    if ((await adding.run(text)).ok) setText('');
  };
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="xs">
        Notes
      </Title>
      <Stack gap="xs">
        {s.notes.map((n) => (
          <Text key={n.id} size="sm">
            <b>{n.addendum ? 'Addendum' : 'Note'}</b> ({n.authorRole}, signed {time(n.signedAt)}): {n.text}
          </Text>
        ))}
        <Textarea
          label={s.lockedAt ? 'Addendum (the record is locked)' : 'Signed note'}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          autosize
          minRows={2}
        />
        <Group>
          <Button variant="light" onClick={save} disabled={!text.trim()} loading={adding.busy}>
            Sign and save
          </Button>
        </Group>
        <ErrorAlert error={error} title="Note not saved" />
      </Stack>
    </Card>
  );
}

export function SessionPage({ params }: RouteProps) {
  const id = params.id as string;
  const { data, error } = useSessionQuery(id);
  const cache = useSessionCache(id);
  const downloading = useApiMutation(downloadRemsPdf);
  const { time } = useClinicTime();
  useBoardEvents(
    null,
    (e) => {
      if (e.sessionId !== id) return;
      if (e.kind === 'alert' && e.alert.status === 'open') beep();
      cache.refresh();
    },
    cache.refresh,
  );
  if (!data)
    return error ? <ErrorAlert error={error} title="Could not load the session" /> : <LoadingState />;
  const s = data;
  const change = (x?: SessionRecord) => (x ? cache.set(x) : cache.refresh());
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <div>
          <Title order={1}>
            Chair {s.chair} · {s.patient.firstName} {s.patient.lastName}
          </Title>
          <Text c="dimmed" size="sm">
            {s.patient.mrn} · {s.protocol.name} · scheduled {time(s.scheduledAt)}
            {s.doseStartedAt ? ` · dose ${time(s.doseStartedAt)}` : ''}
          </Text>
        </div>
        <Group>
          <Badge size="xl" color={PHASE_COLOR[s.status]} data-testid="phase">
            {PHASE_LABEL[s.status]}
          </Badge>
          {s.rems && ['dosing', 'monitoring', 'recovery', 'discharged'].includes(s.status) && (
            <Button
              variant="default"
              leftSection={<IconDownload size={16} aria-hidden />}
              loading={downloading.busy}
              onClick={() => void downloading.run(s.id)}
            >
              REMS form (PDF)
            </Button>
          )}
        </Group>
      </Group>
      <ErrorAlert error={downloading.error} title="Could not download the REMS form" />
      <PhaseControls s={s} onChange={cache.set} />
      <AlertsPanel s={s} />
      <PreparationSummary patientId={s.patientId} />
      {s.checklistApplies && <ChecklistPanel s={s} onChange={cache.set} />}
      <VitalsPanel s={s} />
      {s.status !== 'scheduled' && <ObservationsPanel s={s} />}
      {s.status !== 'scheduled' && s.status !== 'checked_in' && <DosePanel s={s} onChange={change} />}
      {['monitoring', 'recovery', 'discharged'].includes(s.status) && <DischargePanel s={s} />}
      {s.rems && ['dosing', 'monitoring', 'recovery', 'discharged'].includes(s.status) && (
        <RemsFormPanel s={s} />
      )}
      <Notes s={s} />
    </Stack>
  );
}
