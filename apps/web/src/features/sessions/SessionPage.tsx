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
import { useClinicTime } from '../../ui/useClinicTime.ts';
import { useLoad } from '../../ui/useLoad.ts';
import { AlertsPanel } from './AlertsPanel.tsx';
import { addNote, downloadRemsPdf, getSession, type SessionRecord, transition } from './api.ts';
import { beep } from './beep.ts';
import { ChecklistPanel } from './ChecklistPanel.tsx';
import { DischargePanel } from './DischargePanel.tsx';
import { DosePanel } from './DosePanel.tsx';
import { NEXT_PHASE, PHASE_COLOR, PHASE_LABEL } from './format.ts';
import { ObservationsPanel } from './ObservationsPanel.tsx';
import { RemsFormPanel } from './RemsFormPanel.tsx';
import { useBoardEvents } from './useBoardEvents.ts';
import { VitalsPanel } from './VitalsPanel.tsx';

function PhaseControls({ s, onChange }: { s: SessionRecord; onChange: (s: SessionRecord) => void }) {
  const me = useMe();
  const [error, setError] = useState<unknown>(null);
  const [override, setOverride] = useState('');
  const [reason, setReason] = useState('');
  const next = NEXT_PHASE[s.status];
  const blocked = error instanceof ApiError && error.code === 'precondition_failed' ? error.details : [];
  const fixed =
    s.status === 'pre_assessment'
      ? s.checklist.filter((i) => i.blocking && !i.passed && i.overridable === false)
      : [];
  const go = async (to: SessionStatus, extra: { reason?: string; overrideReason?: string } = {}) => {
    setError(null);
    try {
      onChange(await transition(s.id, { to, ...extra }));
      setOverride('');
      setReason('');
    } catch (e) {
      setError(e);
    }
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
            <Button onClick={() => go(next)} disabled={me.role === 'therapist'}>
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

function Notes({ s, onChange }: { s: SessionRecord; onChange: () => void }) {
  const { time } = useClinicTime();
  const [text, setText] = useState('');
  const [error, setError] = useState<unknown>(null);
  const save = async () => {
    try {
      await addNote(s.id, text);
      setText('');
      onChange();
    } catch (e) {
      setError(e);
    }
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
          <Button variant="light" onClick={save} disabled={!text.trim()}>
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
  const { data, error, reload, setData } = useLoad((signal) => getSession(id, signal), [id]);
  const [pdfError, setPdfError] = useState<unknown>(null);
  const { time } = useClinicTime();
  useBoardEvents(
    null,
    (e) => {
      if (e.sessionId !== id) return;
      if (e.kind === 'alert' && e.alert.status === 'open') beep();
      reload();
    },
    () => reload(),
  );
  if (!data)
    return error ? <ErrorAlert error={error} title="Could not load the session" /> : <LoadingState />;
  const s = data;
  const change = (x?: SessionRecord) => (x ? setData(x) : reload());
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
              onClick={() => downloadRemsPdf(s.id).catch(setPdfError)}
            >
              REMS form (PDF)
            </Button>
          )}
        </Group>
      </Group>
      <ErrorAlert error={pdfError} title="Could not download the REMS form" />
      <PhaseControls s={s} onChange={setData} />
      <AlertsPanel s={s} onChange={reload} />
      {s.checklistApplies && <ChecklistPanel s={s} onChange={setData} />}
      <VitalsPanel s={s} onSaved={reload} />
      {s.status !== 'scheduled' && <ObservationsPanel s={s} onSaved={reload} />}
      {s.status !== 'scheduled' && s.status !== 'checked_in' && <DosePanel s={s} onChange={change} />}
      {['monitoring', 'recovery', 'discharged'].includes(s.status) && (
        <DischargePanel s={s} onChange={reload} />
      )}
      {s.rems && ['dosing', 'monitoring', 'recovery', 'discharged'].includes(s.status) && (
        <RemsFormPanel s={s} />
      )}
      <Notes s={s} onChange={reload} />
    </Stack>
  );
}
