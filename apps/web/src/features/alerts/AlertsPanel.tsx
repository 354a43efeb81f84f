import { Alert, Anchor, Badge, Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { getPatient } from '../../api/patients.ts';
import { useMe } from '../../app/auth.tsx';
import { RouterLink } from '../../app/router.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { formatDateTime, fullName } from '../../ui/format.ts';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { severityLabel } from '../../ui/labels.ts';
import { announceAlertsChanged } from './alertsChanged.ts';
import { type AlertT, ackAlert, listAlerts } from './api.ts';

/** How often open alerts are re-read while the panel is on screen. */
const REFRESH_MS = 30_000;

function AckForm({ alert, onDone }: { alert: AlertT; onDone: () => void }) {
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [noteError, setNoteError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (!note.trim()) {
      setNoteError('Write what was done before acknowledging.');
      return;
    }
    setNoteError(undefined);
    setBusy(true);
    try {
      await ackAlert(alert.id, note.trim());
      announceAlertsChanged();
      onDone();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
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
  const [items, setItems] = useState<AlertT[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [acking, setAcking] = useState<string | null>(null);
  const [names, setNames] = useState<Record<string, string>>({});
  const load = useCallback(() => {
    listAlerts({ status }).then(setItems, setError);
  }, [status]);
  // Names are shown in the app (never in titles, URLs or logs): one read per patient, audited by the server.
  useEffect(() => {
    for (const id of new Set((items ?? []).map((a) => a.patientId))) {
      if (names[id]) continue;
      getPatient(id).then(
        (p) => setNames((n) => ({ ...n, [id]: `${fullName(p)} (${p.mrn})` })),
        () => setNames((n) => ({ ...n, [id]: 'patient' })),
      );
    }
  }, [items, names]);
  useEffect(() => {
    load();
    const t = window.setInterval(load, REFRESH_MS);
    return () => window.clearInterval(t);
  }, [load]);

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
                <AckForm
                  alert={a}
                  onDone={() => {
                    setAcking(null);
                    load();
                  }}
                />
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
