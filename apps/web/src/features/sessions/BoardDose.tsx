/**
 * A chair's dose line on the live board: the dose given so far and, for an infusion, its progress as the
 * server computed it at load (`infusionProgress`), ticking on with the clock while it runs.
 */
import { Progress, Text } from '@mantine/core';
import type { BoardSession } from './api.ts';
import { progressText } from './InfusionControls.tsx';

export function BoardDose({
  s,
  now,
  loadedAt,
}: {
  s: BoardSession;
  now: number;
  loadedAt: string | undefined;
}) {
  const d = s.dose;
  if (!d) return null;
  const p = d.infusion;
  if (!p)
    return (
      <Text size="sm" data-testid="board-dose">
        Given {d.givenMg} mg
      </Text>
    );
  const since = loadedAt ? Math.max(0, (now - Date.parse(loadedAt)) / 60_000) : 0;
  const infusedMin =
    p.state === 'running'
      ? Math.round(Math.min(p.infusedMin + since, p.plannedMin ?? Infinity) * 10) / 10
      : p.infusedMin;
  const live = {
    ...p,
    infusedMin,
    percent: p.plannedMin ? Math.min(100, Math.round((infusedMin / p.plannedMin) * 100)) : null,
  };
  return (
    <>
      <Text size="sm" data-testid="board-dose">
        Given {d.givenMg} mg · {progressText(live)}
      </Text>
      {live.percent !== null && (
        <Progress
          value={live.percent}
          size="sm"
          color={p.state === 'paused' ? 'orange' : undefined}
          aria-label="Infusion progress"
        />
      )}
    </>
  );
}
