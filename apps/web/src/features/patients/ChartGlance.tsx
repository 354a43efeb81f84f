import { Badge, Group, Text } from '@mantine/core';
import type { ChartSummary } from '@plasticity/contracts';
import { useMe } from '../../app/auth.tsx';
import { formatDate } from '../../ui/format.ts';
import { instrumentLabel, routeLabel, severityLabel } from '../../ui/labels.ts';
import { PHASE_LABEL } from '../sessions/format.ts';
import { useChartSummaryQuery } from './queries.ts';

const ALERT_COLOR: Record<string, string> = { critical: 'red', high: 'red', medium: 'orange', low: 'gray' };

function Part({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Text size="sm" component="span">
      <Text span c="dimmed" size="sm">
        {label}{' '}
      </Text>
      {children}
    </Text>
  );
}

function Glance({ s, timeZone }: { s: ChartSummary; timeZone: string }) {
  const last = s.recentSessions[0];
  const worst = s.openAlerts[0];
  return (
    <Group gap="lg" mt={6} aria-label="At a glance" role="group">
      <Part label="Open alerts">
        {s.openAlertCount === 0 ? (
          <Text span fw={600} size="sm">
            None
          </Text>
        ) : (
          <Badge color={ALERT_COLOR[worst?.severity ?? 'high']} variant="light">
            {s.openAlertCount} open{worst ? ` · ${severityLabel(worst.severity)}: ${worst.title}` : ''}
          </Badge>
        )}
      </Part>
      <Part label="Plan">
        <Text span fw={600} size="sm">
          {s.activePlan
            ? `${s.activePlan.protocolName} (${routeLabel(s.activePlan.route)}, ${s.activePlan.plannedSessions} sessions)`
            : 'No active plan'}
        </Text>
      </Part>
      <Part label="Latest scores">
        <Text span fw={600} size="sm">
          {s.latestScores.length === 0
            ? 'None yet'
            : s.latestScores
                .map(
                  (x) =>
                    `${instrumentLabel(x.instrument)} ${x.total}${x.severity ? ` (${x.severity})` : ''}, ${formatDate(x.administeredAt, timeZone)}`,
                )
                .join(' · ')}
        </Text>
      </Part>
      <Part label="Last session">
        <Text span fw={600} size="sm">
          {last
            ? `${formatDate(last.scheduledAt, timeZone)}, ${PHASE_LABEL[last.status] ?? last.status}${last.totalDoseMg ? `, ${last.totalDoseMg} mg` : ''}`
            : 'None yet'}
        </Text>
      </Part>
    </Group>
  );
}

/** The clinical glance under the chart's name: for clinical readers only (the front desk sees demographics). */
export function ChartGlance({ patientId }: { patientId: string }) {
  const me = useMe();
  const clinical = me.role !== 'front_desk' && me.role !== 'patient';
  const { data } = useChartSummaryQuery(patientId, clinical);
  if (!clinical || !data) return null;
  return <Glance s={data} timeZone={me.clinic.timeZone} />;
}
