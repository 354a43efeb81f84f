/**
 * The outcomes dashboard (admin, prescriber): patients treated, sessions, response and remission overall and
 * at each time point, time to response, measurement completion, safety and dropout, two charts and a CSV
 * download. Counts of 1 to 10 arrive as "<11" and read "Fewer than 11"; their rates are withheld.
 */
import { Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { instrumentLabel } from '../../ui/labels.ts';
import { useApiMutation } from '../../ui/useApiMutation.ts';
import { type OutcomesFilters as Filters, fetchOutcomesCsv } from './api.ts';
import { countText, rateText, TIME_POINT_LABELS } from './labels.ts';
import { DistributionChart, TrajectoryChart } from './OutcomesCharts.tsx';
import { OutcomesFilters } from './OutcomesFilters.tsx';
import { useOutcomes } from './queries.ts';

function download(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

function Card({ label, value, detail }: { label: string; value: string; detail?: string }) {
  return (
    <Paper withBorder p="sm" radius="md">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="xl">
        {value}
      </Text>
      {detail && <Text size="sm">{detail}</Text>}
    </Paper>
  );
}

export function OutcomesPage() {
  const [filters, setFilters] = useState<Filters>({});
  const report = useOutcomes(filters);
  const exporting = useApiMutation(fetchOutcomesCsv, {
    onSuccess: (blob) => download(blob, 'outcomes.csv'),
  });
  const r = report.data;
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={1}>Outcomes</Title>
        <Button
          variant="default"
          leftSection={<IconDownload size={16} aria-hidden />}
          loading={exporting.busy}
          onClick={async () => {
            await exporting.run(filters);
          }}
        >
          Download CSV
        </Button>
      </Group>
      <ErrorAlert error={exporting.error} title="The download failed" onClose={exporting.reset} />
      <OutcomesFilters value={filters} onChange={setFilters} />
      <ErrorAlert error={report.error} title="The dashboard could not be loaded" />
      {r && (
        <>
          <Text size="sm" c="dimmed">
            {r.instruments.length > 0
              ? `Measured on ${r.instruments.map(instrumentLabel).join(', ')}.`
              : 'No scale applies to this group.'}{' '}
            Groups of fewer than 11 patients are not shown, and neither is any figure they could be worked out
            from.
          </Text>
          <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }}>
            <Card label="Patients treated" value={countText(r.patients)} />
            <Card label="Sessions" value={countText(r.sessions)} />
            <Card
              label="Response"
              value={rateText(r.response.rate)}
              detail={`${countText(r.response.n)} of ${countText(r.evaluable.response)}`}
            />
            <Card
              label="Remission"
              value={rateText(r.remission.rate)}
              detail={`${countText(r.remission.n)} of ${countText(r.evaluable.remission)}`}
            />
            <Card
              label="Median days to response"
              value={r.timeToResponse.medianDays === null ? '—' : String(r.timeToResponse.medianDays)}
              detail={`${countText(r.timeToResponse.n)} responders`}
            />
            <Card
              label="Dropped out"
              value={rateText(r.dropout.rate)}
              detail={`${countText(r.dropout.n)} patients`}
            />
            <Card
              label="Measurements completed"
              value={rateText(r.measurementCompletion.rate)}
              detail={`${countText(r.measurementCompletion.completed)} of ${countText(r.measurementCompletion.due)}`}
            />
            <Card
              label="Adverse events per 100 sessions"
              value={r.adverseEvents.per100Sessions === null ? '—' : String(r.adverseEvents.per100Sessions)}
              detail={`${countText(r.adverseEvents.n)} events`}
            />
            <Card
              label="Alerts per 100 sessions"
              value={r.alerts.per100Sessions === null ? '—' : String(r.alerts.per100Sessions)}
              detail={`${countText(r.alerts.n)} alerts`}
            />
          </SimpleGrid>
          <Paper withBorder p="md" radius="md">
            <Title order={2} size="h5" mb="xs">
              Response and remission over time
            </Title>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Time point</Table.Th>
                  <Table.Th>Response</Table.Th>
                  <Table.Th>Remission</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {r.timePoints.map((t) => (
                  <Table.Tr key={t.key}>
                    <Table.Td>{TIME_POINT_LABELS[t.key] ?? t.key}</Table.Td>
                    <Table.Td>
                      {rateText(t.response.rate)} ({countText(t.response.n)} of{' '}
                      {countText(t.evaluableResponse)})
                    </Table.Td>
                    <Table.Td>
                      {rateText(t.remission.rate)} ({countText(t.remission.n)} of{' '}
                      {countText(t.evaluableRemission)})
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
          <SimpleGrid cols={{ base: 1, lg: 2 }}>
            <DistributionChart report={r} />
            <TrajectoryChart report={r} />
          </SimpleGrid>
        </>
      )}
    </Stack>
  );
}
