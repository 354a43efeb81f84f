import { Alert, Anchor, Badge, Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useQueries } from '@tanstack/react-query';
import { useState } from 'react';
import { getPatient } from '../../api/patients.ts';
import { useMe } from '../../app/auth.tsx';
import { RouterLink } from '../../app/router.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { formatDateTime, fullName } from '../../ui/format.ts';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { severityLabel } from '../../ui/labels.ts';
import { useApiMutation } from '../../ui/useApiMutation.ts';
import { patientKeys } from '../patients/queries.ts';
import { announceAlertsChanged } from './alertsChanged.ts';
import { type AlertT, ackAlert } from './api.ts';
import { alertKeys, useAlerts } from './queries.ts';

/** How often open alerts are re-read while the panel is on screen. */
const REFRESH_MS = 30_000;

function AckForm({ alert, onDone }: { alert: AlertT; onDone: () => void }) {
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | undefined>();
  const acknowledging = useApiMutation((text: string) => ackAlert(alert.id, text), {
    invalidates: [alertKeys.all],
    onSuccess: () => announceAlertsChanged(),
  });
  const { error, busy } = acknowledging;
  const submit = async () => {
    if (!note.trim()) {
      setNoteError('Write what was done before acknowledging.');
      return;
    }
    setNoteError(undefined);
    if ((await acknowledging.run(note.trim())).ok) onDone();
  };
  return (
    <Stack gap="xs">
      <Textarea
        label="Acknowledgement note"
        placeholder="What was done (e.g. called the patient, safety plan reviewed)"
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        minRows={2}
        error={noteError}
      />
      <ErrorAlert error={error} title="Not acknowledged" />
      <Group justify="flex-end">
        <Button color="red" onClick={submit} loading={busy}>
          Acknowledge
        </Button>
      </Group>
    </Stack>
  );
}

/** Open alerts of the clinic; on every clinician's home until acknowledged with a note. */
function AlertsPanel({ status = 'open' }: { status?: 'open' | 'acknowledged' | 'all' }) {
  const me = useMe();
  const { data, error } = useAlerts(status, REFRESH_MS);
  const items = data ?? null;
  const [acking, setAcking] = useState<string | null>(null);
  // Names are shown in the app (never in titles, URLs or logs): one read per patient, audited by the server,
  // shared with the patient's chart through the patients' cache.
  const patientIds = [...new Set((items ?? []).map((a) => a.patientId))];
  const patients = useQueries({
    queries: patientIds.map((id) => ({
      queryKey: patientKeys.detail(id),
      queryFn: ({ signal }: { signal: AbortSignal }) => getPatient(id, signal),
    })),
  });
  const names: Record<string, string> = {};
  patientIds.forEach((id, i) => {
    const p = patients[i];
    if (p?.data) names[id] = `${fullName(p.data)} (${p.data.mrn})`;
    else if (p?.error) names[id] = 'patient';
  });

  if (error) return <ErrorAlert error={error} title="Could not load alerts" />;
  if (!items) return <LoadingState label="Loading alerts…" />;
  if (items.length === 0)
    return (
      <Alert variant="light" color="green">
        No {status === 'open' ? 'open ' : ''}alerts.
      </Alert>
    );
  return (
    <Stack gap="sm" aria-label="Alerts">
      {items.map((a) => (
        <Card
          key={a.id}
          withBorder
          radius="md"
          style={{ borderColor: a.status === 'open' ? 'var(--mantine-color-red-6)' : undefined }}
        >
          <Stack gap="xs">
            <Group justify="space-between" wrap="wrap">
              <Group gap="xs">
                <IconAlertTriangle size={18} color="var(--mantine-color-red-7)" aria-hidden />
                <Text fw={600}>{a.title}</Text>
              </Group>
              <Group gap={4}>
                <Badge color={a.severity === 'critical' ? 'red' : 'orange'}>
                  {severityLabel(a.severity)}
                </Badge>
                {a.assignedTo.includes(me.id) && <Badge variant="light">assigned to you</Badge>}
                {a.escalatedAt && (
                  <Badge variant="outline" color="red">
                    escalated
                  </Badge>
                )}
                {a.status === 'acknowledged' && <Badge color="gray">acknowledged</Badge>}
              </Group>
            </Group>
            <Text size="sm" c="dimmed">
              Raised {formatDateTime(a.createdAt, me.clinic.timeZone)} ·{' '}
              <Anchor
                component={RouterLink}
                href={`/patients/${encodeURIComponent(a.patientId)}/assessments`}
              >
                {names[a.patientId] ?? 'open the chart'}
              </Anchor>
            </Text>
            {a.status === 'acknowledged' && (
              <Text size="sm" data-testid="alert-acknowledged-by">
                Acknowledged by {a.ackByName ?? 'a former user'} at{' '}
                {formatDateTime(a.ackAt, me.clinic.timeZone)}
              </Text>
            )}
            {a.ackNote && <Text size="sm">Note: {a.ackNote}</Text>}
            {a.status === 'open' &&
              (acking === a.id ? (
                <AckForm alert={a} onDone={() => setAcking(null)} />
              ) : (
                <Group justify="flex-end">
                  <Button variant="light" color="red" onClick={() => setAcking(a.id)}>
                    Acknowledge…
                  </Button>
                </Group>
              ))}
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}

export function AlertsPage() {
  const [status, setStatus] = useState<'open' | 'all'>('open');
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>Alerts</Title>
        <Button variant="default" onClick={() => setStatus(status === 'open' ? 'all' : 'open')}>
          {status === 'open' ? 'Show all' : 'Show open only'}
        </Button>
      </Group>
      <AlertsPanel key={status} status={status} />
    </Stack>
  );
}
