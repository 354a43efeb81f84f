/**
 * The chart's Sessions tab: every dosing session of the patient, newest first — date and time (clinic
 * zone), protocol, dose given, alerts raised, discharge time — each linking to its session record. A
 * session counts as given when a dose was recorded and not entered in error.
 */
import { Anchor, Badge, Table, Text } from '@mantine/core';
import type { ChartTabProps } from '../../app/registry.ts';
import { RouterLink } from '../../app/router.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { useClinicTime } from '../../ui/useClinicTime.ts';
import { PHASE_COLOR, PHASE_LABEL } from './format.ts';
import { usePatientSessions } from './queries.ts';

const DRUG_LABEL: Record<string, string> = { ketamine: 'ketamine', esketamine: 'esketamine' };
const ROUTE_LABEL: Record<string, string> = {
  iv: 'IV',
  im: 'IM',
  intranasal: 'intranasal',
  sublingual: 'sublingual',
  oral: 'oral',
};

export function SessionsTab({ patient }: ChartTabProps) {
  const { dateTime } = useClinicTime();
  const { data, error } = usePatientSessions(patient.id);
  if (!data)
    return error ? <ErrorAlert error={error} title="Could not load the sessions" /> : <LoadingState />;
  if (data.items.length === 0) return <Text c="dimmed">No dosing sessions yet.</Text>;
  const given = data.items.filter((s) => s.given).length;
  return (
    <>
      <Text size="sm" c="dimmed" mb="xs">
        {data.items.length} {data.items.length === 1 ? 'session' : 'sessions'}, {given} given (a dose recorded
        and not entered in error).
      </Text>
      <Table striped withTableBorder data-testid="patient-sessions">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Date</Table.Th>
            <Table.Th>Protocol</Table.Th>
            <Table.Th>Dose given</Table.Th>
            <Table.Th>Alerts</Table.Th>
            <Table.Th>Discharged</Table.Th>
            <Table.Th>Phase</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.items.map((s) => (
            <Table.Tr key={s.id} data-testid="patient-session">
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Anchor component={RouterLink} href={`/sessions/${encodeURIComponent(s.id)}`}>
                  {dateTime(s.doseStartedAt ?? s.scheduledAt)}
                </Anchor>
              </Table.Td>
              <Table.Td>{s.protocol.name}</Table.Td>
              <Table.Td>
                {s.totalDoseMg === null
                  ? 'None'
                  : `${s.totalDoseMg} mg ${DRUG_LABEL[s.protocol.drug] ?? ''} ${ROUTE_LABEL[s.protocol.route] ?? ''}`.trim()}
              </Table.Td>
              <Table.Td>
                {s.alerts.total === 0
                  ? 'None'
                  : `${s.alerts.total}${s.alerts.open ? ` (${s.alerts.open} open)` : ''}`}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {s.dischargedAt ? dateTime(s.dischargedAt) : '—'}
              </Table.Td>
              <Table.Td>
                <Badge color={PHASE_COLOR[s.status]} variant="light">
                  {PHASE_LABEL[s.status] ?? 'Unknown phase'}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}
