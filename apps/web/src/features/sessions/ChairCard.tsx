/**
 * One chair on the live board, compact enough for 12 on a 1440×900 screen with the app shell: chair and
 * phase, patient and time since the dose, protocol, latest SpO₂/HR/BP/RR (alarmed values in red), trend
 * sparklines, what is late in plain words, the chair's open alerts and, from the schedule, who is booked in
 * the chair next today.
 */
import { Badge, Card, Group, Stack, Text } from '@mantine/core';
import type { BoardUpcomingAppointment } from '@plasticity/contracts';
import { IconAlertTriangle } from '@tabler/icons-react';
import { RouterLink } from '../../app/router.tsx';
import { Sparkline } from '../../ui/Sparkline.tsx';
import type { BoardSession } from './api.ts';
import { BoardDose } from './BoardDose.tsx';
import { NextUpcoming } from './BoardSchedule.tsx';
import { lateItems } from './boardStatus.ts';
import { elapsed, PARAM_LABEL, PHASE_COLOR, PHASE_LABEL, shortName } from './format.ts';

function VitalValue({ label, value, alarm }: { label: string; value: string; alarm: boolean }) {
  return (
    <Stack gap={0} align="center">
      <Text fz={10} c="dimmed" lh={1.2}>
        {label}
      </Text>
      <Text fw={700} fz={20} lh={1.2} c={alarm ? 'red.8' : undefined} data-alarm={alarm || undefined}>
        {value}
      </Text>
    </Stack>
  );
}

const fmt = (x: number | null | undefined) => (x === null || x === undefined ? '–' : String(Math.round(x)));

export function ChairCard({
  s,
  now,
  loadedAt,
  name,
  upcoming = [],
}: {
  s: BoardSession;
  now: number;
  /** When the board snapshot was taken (the server's `now`): a running infusion's progress ticks on from it. */
  loadedAt?: string;
  /** The chair record's name when the session is in one ("Spravato Room"); else "Chair <chair text>". */
  name?: string;
  /** The chair's appointments still to come today (the first is shown). */
  upcoming?: BoardUpcomingAppointment[];
}) {
  const v = s.latestVitals;
  const alarmed = new Set(s.alerts.map((a) => a.parameter));
  const spo2 = s.trend.map((x) => x.spo2).filter((x): x is number => x !== null);
  const hr = s.trend.map((x) => x.hr).filter((x): x is number => x !== null);
  const late = lateItems(s, now);
  const closed = s.status === 'discharged' || s.status === 'cancelled' || s.status === 'aborted';
  return (
    <Card
      withBorder
      padding={8}
      radius="md"
      style={s.alerts.length ? { borderColor: 'var(--mantine-color-red-7)', borderWidth: 3 } : undefined}
      opacity={closed ? 0.7 : undefined}
      data-testid={`chair-${s.chair}`}
    >
      <Group justify="space-between" wrap="nowrap" gap={4}>
        <Text fw={800} fz={20} lh={1.2} lineClamp={1}>
          {name ?? `Chair ${s.chair}`}
        </Text>
        <Badge color={PHASE_COLOR[s.status]} size="md">
          {PHASE_LABEL[s.status] ?? 'Unknown phase'}
        </Badge>
      </Group>
      <Group justify="space-between" wrap="nowrap" gap={4}>
        <RouterLink href={`/sessions/${s.id}`}>
          <Text fw={600} size="sm" lineClamp={1}>
            {shortName(s.patient)}
          </Text>
        </RouterLink>
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          {closed
            ? `${PHASE_LABEL[s.status]?.toLowerCase()} ${elapsed(s.dischargedAt ?? s.phaseSince, now)} ago`
            : s.doseStartedAt
              ? `dose +${elapsed(s.doseStartedAt, now)}`
              : `in phase ${elapsed(s.phaseSince ?? s.scheduledAt, now)}`}
        </Text>
      </Group>
      <Text size="xs" c="dimmed" lineClamp={1}>
        {s.protocol.name}
      </Text>
      <BoardDose s={s} now={now} loadedAt={loadedAt} />
      <Group justify="space-around" mt={2} wrap="nowrap" gap={4}>
        <VitalValue label="SpO₂ %" value={fmt(v?.spo2)} alarm={alarmed.has('spo2')} />
        <VitalValue label="HR" value={fmt(v?.hr)} alarm={alarmed.has('hr')} />
        <VitalValue
          label="BP"
          value={`${fmt(v?.sbp)}/${fmt(v?.dbp)}`}
          alarm={alarmed.has('sbp') || alarmed.has('dbp')}
        />
        <VitalValue label="RR" value={fmt(v?.rr)} alarm={alarmed.has('rr')} />
      </Group>
      <Group grow gap="xs" mt={2} aria-hidden inert>
        {spo2.length > 1 ? <Sparkline h={24} data={spo2} color="blue" /> : <div style={{ height: 24 }} />}
        {hr.length > 1 ? <Sparkline h={24} data={hr} color="grape" /> : <div style={{ height: 24 }} />}
      </Group>
      {late.length > 0 && (
        <Stack gap={2} mt={4} data-testid="board-late">
          {late.map((l) => (
            <Badge
              key={l.key}
              color={l.overdue ? 'red' : 'orange'}
              variant={l.overdue ? 'filled' : 'light'}
              size="sm"
              tt="none"
              fullWidth
              data-testid={l.key === 'vitals' ? 'board-vitals-overdue' : 'board-observation-due'}
            >
              {l.text}
            </Badge>
          ))}
        </Stack>
      )}
      {s.alerts.map((a) => (
        <Group
          key={a.id}
          gap={4}
          mt={4}
          px={6}
          py={2}
          wrap="nowrap"
          bg="red.8"
          c="white"
          style={{ borderRadius: 4 }}
          data-testid="board-alert"
          role="alert"
        >
          <IconAlertTriangle size={14} aria-hidden />
          <Text size="xs" fw={700} c="white" lineClamp={1}>
            {PARAM_LABEL[a.parameter ?? ''] ?? 'Alert'} {a.value}
            {a.escalatedAt ? ' · escalated to prescriber' : ''}
          </Text>
        </Group>
      ))}
      <NextUpcoming items={upcoming} />
    </Card>
  );
}
