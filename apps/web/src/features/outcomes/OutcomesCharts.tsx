/**
 * The dashboard's two charts: how far patients' scores fell (response, partial, less than 25 %) and the
 * cohort's mean change from baseline week by week. Suppressed bars and points are left out and said so.
 */
import { Paper, Stack, Text, Title } from '@mantine/core';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { OutcomesReportT } from './api.ts';
import { CATEGORY_LABELS } from './labels.ts';

export function DistributionChart({ report }: { report: OutcomesReportT }) {
  const data = report.distribution.map((d) => ({
    label: CATEGORY_LABELS[d.category] ?? d.category,
    patients: d.n === '<11' ? null : d.n,
  }));
  const hidden = report.distribution.filter((d) => d.n === '<11').length;
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="xs">
        <Title order={2} size="h5">
          Change in score from baseline
        </Title>
        <div role="img" aria-label="Bar chart: patients by how far their score fell">
          <ResponsiveContainer width="100%" height={220}>
            <BarChart data={data} margin={{ top: 8, right: 16, left: 0, bottom: 8 }}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="label" tick={{ fontSize: 12 }} />
              <YAxis allowDecimals={false} />
              <Tooltip />
              <Bar dataKey="patients" name="Patients" fill="#4263eb" isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </div>
        {hidden > 0 && (
          <Text size="sm" c="dimmed">
            Bars for fewer than 11 patients are not shown.
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

export function TrajectoryChart({ report }: { report: OutcomesReportT }) {
  const data = report.trajectory.map((t) => ({ week: t.week, change: t.meanChangePct }));
  const shown = data.filter((d) => d.change !== null).length;
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="xs">
        <Title order={2} size="h5">
          Mean change from baseline by week since the first dose
        </Title>
        {shown === 0 ? (
          <Text size="sm" c="dimmed">
            Not enough patients in any week to show a trend.
          </Text>
        ) : (
          <div role="img" aria-label="Line chart: mean percent change from baseline by week">
            <ResponsiveContainer width="100%" height={240}>
              <LineChart data={data} margin={{ top: 8, right: 16, left: 0, bottom: 8 }}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="week" tick={{ fontSize: 12 }} />
                <YAxis unit=" %" />
                <ReferenceLine y={-50} stroke="#2f9e44" strokeDasharray="4 4" />
                <Tooltip />
                <Line
                  dataKey="change"
                  name="Mean change (%)"
                  stroke="#4263eb"
                  connectNulls={false}
                  isAnimationActive={false}
                />
              </LineChart>
            </ResponsiveContainer>
          </div>
        )}
        <Text size="sm" c="dimmed">
          The dashed line is a 50 % fall (response). Weeks with fewer than 11 patients are left out.
        </Text>
      </Stack>
    </Paper>
  );
}
