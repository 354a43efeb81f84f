/**
 * An infusion's progress (minutes infused against the planned duration, pauses, current rate, volume run
 * in — the shared `infusionProgress`) and its steps with their times: pause, resume, rate change, stop.
 * The server checks each step against the timeline and keeps who recorded it.
 */
import { Button, Group, NumberInput, Progress, Stack, Text } from '@mantine/core';
import { infusionProgress } from '@plasticity/clinical/dosing';
import type { AdministrationEventRequest } from '@plasticity/contracts';
import { useState } from 'react';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useApiMutation } from '../../ui/useApiMutation.ts';
import { type Administration, administrationEvent, type SessionRecord } from './api.ts';
import { useNow } from './useNow.ts';

const STATE_LABEL = { running: 'Running', paused: 'Paused', stopped: 'Stopped' } as const;

/** "Running · 20 of 40 min · 5.3 mL/h · 1.8 mL in" */
export function progressText(p: ReturnType<typeof infusionProgress>): string {
  const parts: string[] = [STATE_LABEL[p.state]];
  parts.push(p.plannedMin ? `${p.infusedMin} of ${p.plannedMin} min` : `${p.infusedMin} min`);
  if (p.pausedMin > 0) parts.push(`paused ${p.pausedMin} min`);
  if (p.rateMlPerHour !== null) parts.push(`${p.rateMlPerHour} mL/h`);
  if (p.volumeMl !== null) parts.push(`${p.volumeMl} mL in`);
  return parts.join(' · ');
}

/** Live progress at `now`; null when the administration has no recorded start. */
function progressOf(a: Administration, now: number) {
  if (!a.startedAt) return null;
  return infusionProgress(
    {
      startedAt: a.startedAt,
      stoppedAt: a.stoppedAt,
      durationMin: a.durationMin ?? null,
      rateMlPerHour: a.rateMlPerHour ?? null,
      events: a.events ?? [],
    },
    new Date(now),
  );
}

export function InfusionControls({
  s,
  a,
  canAct,
  onChange,
}: {
  s: SessionRecord;
  a: Administration;
  canAct: boolean;
  onChange: (s?: SessionRecord) => void;
}) {
  const now = useNow(15_000);
  const p = progressOf(a, now);
  const [rate, setRate] = useState<number | string>('');
  const recording = useApiMutation((body: AdministrationEventRequest) =>
    administrationEvent(s.id, a.id, body),
  );
  const { error, busy } = recording;
  const step = async (
    kind: AdministrationEventRequest['kind'],
    extra: Partial<AdministrationEventRequest> = {},
  ) => {
    const result = await recording.run({ at: new Date().toISOString(), kind, ...extra });
    if (!result.ok) return;
    onChange(result.data);
    setRate('');
  };
  if (!p) return null;
  return (
    <Stack gap={4} data-testid="infusion">
      <Text size="sm">Infusion: {progressText(p)}</Text>
      {p.percent !== null && (
        <Progress value={p.percent} w={240} aria-label="Infusion progress against the planned duration" />
      )}
      {canAct && p.state !== 'stopped' && (
        <Group gap="xs" align="flex-end">
          {p.state === 'running' ? (
            <Button size="xs" variant="default" loading={busy} onClick={() => step('pause')}>
              Pause infusion
            </Button>
          ) : (
            <Button size="xs" variant="default" loading={busy} onClick={() => step('resume')}>
              Resume infusion
            </Button>
          )}
          <NumberInput
            label="New rate (mL/h)"
            size="xs"
            w={130}
            value={rate}
            onChange={setRate}
            hideControls
          />
          <Button
            size="xs"
            variant="default"
            loading={busy}
            disabled={rate === '' || Number(rate) < 0}
            onClick={() => step('rate_change', { rateMlPerHour: Number(rate) })}
          >
            Change rate
          </Button>
          <Button size="xs" color="red" variant="outline" loading={busy} onClick={() => step('stop')}>
            Stop infusion
          </Button>
        </Group>
      )}
      <ErrorAlert error={error} title="Not recorded" />
    </Stack>
  );
}
