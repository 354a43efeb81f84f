/**
 * The live monitoring board (issue 6 §6): today's sessions by chair, readable for a nurse watching 12 chairs
 * on one screen — phase, elapsed time, latest vitals with trend sparklines, a MOAA/S or CADSS-6 due flag,
 * the dose given and the infusion's progress, open alerts (with a sound).
 * Updates arrive over Server-Sent Events without reload; a banner says when the view may be stale.
 */

import { Sparkline } from '@mantine/charts';
import { Alert, Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconPlugConnectedX, IconPlus } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useMe } from '../../app/auth.tsx';
import { RouterLink } from '../../app/router.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useLoad } from '../../ui/useLoad.ts';
import { type BoardObservationFlag, type BoardSession, getBoard } from './api.ts';
import { BoardDose } from './BoardDose.tsx';
import { beep } from './beep.ts';
import { elapsed, PARAM_LABEL, PHASE_COLOR, PHASE_LABEL, shortName } from './format.ts';
import { NewSessionModal } from './NewSessionModal.tsx';
import { KIND_LABEL } from './observationFormat.ts';
import { useBoardEvents } from './useBoardEvents.ts';
import { useNow } from './useNow.ts';

function VitalValue({ label, value, alarm }: { label: string; value: string; alarm: boolean }) {
  return (
    <Stack gap={0} align="center">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} fz={22} c={alarm ? 'red.8' : undefined} data-alarm={alarm || undefined}>
        {value}
      </Text>
    </Stack>
  );
}

/**
 * "MOAA/S due" / "CADSS-6 overdue" on a chair: the server's state at load, ticking on with the clock (the
 * next observation becomes due at its time and overdue after the protocol's grace).
 */
export function ObservationFlag({ f, now }: { f: BoardObservationFlag | null | undefined; now: number }) {
  if (!f) return null;
  const late = (at: string | null) => at === null || now > Date.parse(at) + f.graceMin * 60_000;
  const items = f.due.map((d) => ({ kind: d.kind, overdue: d.state === 'overdue' || late(d.dueAt) }));
  if (f.nextAt && f.nextKind && now >= Date.parse(f.nextAt))
    items.push({ kind: f.nextKind, overdue: late(f.nextAt) });
  if (items.length === 0) return null;
  const overdue = items.some((i) => i.overdue);
  const kinds = [...new Set(items.map((i) => KIND_LABEL[i.kind] ?? i.kind))].join(' + ');
  return (
    <Badge
      color={overdue ? 'red' : 'orange'}
      variant={overdue ? 'filled' : 'light'}
      size="md"
      mt={6}
      tt="none"
      fullWidth
      data-testid="board-observation-due"
    >
      {kinds} {overdue ? 'overdue' : 'due'}
    </Badge>
  );
}

function ChairCard({ s, now, loadedAt }: { s: BoardSession; now: number; loadedAt?: string | undefined }) {
  const v = s.latestVitals;
  const alarmed = new Set(s.alerts.map((a) => a.parameter));
  const spo2 = s.trend.map((x) => x.spo2).filter((x): x is number => x !== null);
  const hr = s.trend.map((x) => x.hr).filter((x): x is number => x !== null);
  const fmt = (x: number | null | undefined) => (x === null || x === undefined ? '–' : String(Math.round(x)));
  return (
    <Card
      withBorder
      padding="sm"
      radius="md"
      style={s.alerts.length ? { borderColor: 'var(--mantine-color-red-7)', borderWidth: 3 } : undefined}
      data-testid={`chair-${s.chair}`}
    >
      <Group justify="space-between" wrap="nowrap">
        <Text fw={800} fz={24}>
          Chair {s.chair}
        </Text>
        <Badge color={PHASE_COLOR[s.status]} size="lg">
          {PHASE_LABEL[s.status] ?? s.status}
        </Badge>
      </Group>
      <Group justify="space-between" wrap="nowrap">
        <RouterLink href={`/sessions/${s.id}`}>
          <Text fw={600}>{shortName(s.patient)}</Text>
        </RouterLink>
        <Text size="sm" c="dimmed">
          {s.doseStartedAt
            ? `dose +${elapsed(s.doseStartedAt, now)}`
            : `in phase ${elapsed(s.phaseSince ?? s.scheduledAt, now)}`}
        </Text>
      </Group>
      <Text size="xs" c="dimmed" lineClamp={1}>
        {s.protocol.name}
      </Text>
      <BoardDose s={s} now={now} loadedAt={loadedAt} />
      <Group justify="space-around" mt={4} wrap="nowrap">
        <VitalValue label="SpO₂ %" value={fmt(v?.spo2)} alarm={alarmed.has('spo2')} />
        <VitalValue label="HR" value={fmt(v?.hr)} alarm={alarmed.has('hr')} />
        <VitalValue
          label="BP"
          value={`${fmt(v?.sbp)}/${fmt(v?.dbp)}`}
          alarm={alarmed.has('sbp') || alarmed.has('dbp')}
        />
        <VitalValue label="RR" value={fmt(v?.rr)} alarm={alarmed.has('rr')} />
      </Group>
      <Group grow gap="xs" mt={4} aria-hidden>
        {spo2.length > 1 ? (
          <Sparkline h={32} data={spo2} curveType="linear" color="blue" fillOpacity={0.2} strokeWidth={1.5} />
        ) : (
          <div style={{ height: 32 }} />
        )}
        {hr.length > 1 ? (
          <Sparkline h={32} data={hr} curveType="linear" color="grape" fillOpacity={0.2} strokeWidth={1.5} />
        ) : (
          <div style={{ height: 32 }} />
        )}
      </Group>
      <ObservationFlag f={s.observations} now={now} />
      {s.alerts.map((a) => (
        <Alert
          key={a.id}
          color="red"
          variant="filled"
          p={6}
          mt={6}
          icon={<IconAlertTriangle size={16} aria-hidden />}
          data-testid="board-alert"
        >
          <Text size="sm" fw={700} c="white">
            {PARAM_LABEL[a.parameter ?? ''] ?? a.parameter} {a.value}
            {a.escalatedAt ? ' · escalated to prescriber' : ''}
          </Text>
        </Alert>
      ))}
    </Card>
  );
}

export function BoardPage() {
  const me = useMe();
  const now = useNow();
  const [creating, setCreating] = useState(false);
  const { data, error, reload } = useLoad((signal) => getBoard(signal));
  const pending = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const soon = () => {
    if (pending.current) return;
    pending.current = setTimeout(() => {
      pending.current = undefined;
      reload();
    }, 150);
  };
  const { stale } = useBoardEvents(
    (e) => {
      if (e.kind === 'alert' && e.data.status === 'open') beep();
      soon();
    },
    () => reload(),
  );
  const sessions = data?.sessions ?? [];
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={1}>Live board</Title>
        <Group>
          <Text size="sm" c="dimmed">
            {sessions.length} {sessions.length === 1 ? 'session' : 'sessions'} today
          </Text>
          {me.role !== 'therapist' && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
              New session
            </Button>
          )}
        </Group>
      </Group>
      {stale && (
        <Alert
          color="yellow"
          variant="filled"
          icon={<IconPlugConnectedX size={18} aria-hidden />}
          role="alert"
          title="Live updates interrupted"
        >
          The board may be out of date. Reconnecting…
        </Alert>
      )}
      <ErrorAlert error={error} title="Could not load the board" />
      {data && sessions.length === 0 && <Text c="dimmed">No sessions today.</Text>}
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3, xl: 4 }} spacing="sm">
        {sessions.map((s) => (
          <ChairCard key={s.id} s={s} now={now} loadedAt={data?.now} />
        ))}
      </SimpleGrid>
      <NewSessionModal opened={creating} onClose={() => setCreating(false)} onCreated={() => reload()} />
    </Stack>
  );
}
