import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { type InstrumentDefinition, scoreRange } from '@plasticity/clinical/instruments';
import type { ReactNode } from 'react';
import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceArea,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useClinicTime } from '../../ui/useClinicTime.ts';
import type { AssessmentListT } from './api.ts';

const BAND_COLORS = ['#d3f9d8', '#fff3bf', '#ffe8cc', '#ffd8a8', '#ffc9c9', '#ffa8a8'];

/** Outcome badges per the instrument's rules (docs/clinical-sources.md#outcome-definitions). */
function OutcomeBadges({ data }: { data: AssessmentListT }) {
  return (
    <Group gap="xs">
      {data.baseline !== null && (
        <Badge variant="light" color="gray">
          Baseline {data.baseline}
        </Badge>
      )}
      {data.latest !== null && (
        <Badge variant="light" color="indigo">
          Latest {data.latest}
        </Badge>
      )}
      {data.changePct !== null && (
        <Badge variant="light" color={data.changePct <= 0 ? 'green' : 'red'}>
          Change {data.changePct > 0 ? '+' : ''}
          {data.changePct} %
        </Badge>
      )}
      {data.response !== null && (
        <Badge color={data.response ? 'green' : 'gray'} variant={data.response ? 'filled' : 'outline'}>
          {data.response ? 'Response' : 'No response'}
        </Badge>
      )}
      {data.remission !== null && (
        <Badge color={data.remission ? 'green' : 'gray'} variant={data.remission ? 'filled' : 'outline'}>
          {data.remission ? 'Remission' : 'Not in remission'}
        </Badge>
      )}
    </Group>
  );
}

/** One instrument over time with its severity bands shaded, the baseline and the first dose marked. */
export function TrendChart({
  def,
  data,
  children,
}: {
  def: InstrumentDefinition;
  data: AssessmentListT;
  children?: ReactNode;
}) {
  const { date } = useClinicTime();
  const day = (t: number) => date(new Date(t).toISOString());
  const range = scoreRange(def);
  const points = data.items.map((a) => ({
    t: new Date(a.administeredAt).getTime(),
    total: a.total,
    severity: a.severity,
  }));
  const bands = def.bands ?? [];
  return (
    <Paper withBorder p="md" radius="md" data-testid={`trend-${def.id}`}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Title order={3} size="h4">
            {def.name}
          </Title>
          <OutcomeBadges data={data} />
        </Group>
        <div style={{ width: '100%', height: 240 }} aria-label={`${def.name} scores over time`} role="img">
          <ResponsiveContainer width="100%" height="100%">
            <LineChart data={points} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
              {bands.map((b, i) => (
                <ReferenceArea
                  key={b.label}
                  y1={b.min}
                  y2={b.max + (i === bands.length - 1 ? 0 : 1)}
                  fill={
                    BAND_COLORS[
                      bands.length > 1 ? Math.round((i * (BAND_COLORS.length - 1)) / (bands.length - 1)) : 0
                    ]
                  }
                  fillOpacity={0.6}
                  ifOverflow="extendDomain"
                  label={{ value: b.label, position: 'insideRight', fontSize: 10 }}
                />
              ))}
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis
                dataKey="t"
                type="number"
                scale="time"
                domain={['dataMin', 'dataMax']}
                tickFormatter={(t: number) => day(t).slice(5)}
              />
              <YAxis domain={[range.min, range.max]} allowDecimals={false} width={32} />
              <Tooltip labelFormatter={(t) => day(Number(t))} />
              {data.baseline !== null && (
                <ReferenceLine
                  y={data.baseline}
                  stroke="#495057"
                  strokeDasharray="4 4"
                  label={{ value: 'baseline', position: 'insideTopLeft', fontSize: 10 }}
                />
              )}
              {data.firstDoseAt && (
                <ReferenceLine
                  x={new Date(data.firstDoseAt).getTime()}
                  stroke="#364fc7"
                  label={{ value: 'first dose', position: 'insideTopRight', fontSize: 10 }}
                />
              )}
              <Line
                type="monotone"
                dataKey="total"
                stroke="#364fc7"
                strokeWidth={2}
                dot
                isAnimationActive={false}
              />
            </LineChart>
          </ResponsiveContainer>
        </div>
        <Text size="xs" c="dimmed">
          {data.items.length} score{data.items.length === 1 ? '' : 's'}
          {data.latest !== null && data.items.at(-1)?.severity
            ? ` · latest: ${data.items.at(-1)?.severity}`
            : ''}
        </Text>
        {children}
      </Stack>
    </Paper>
  );
}
