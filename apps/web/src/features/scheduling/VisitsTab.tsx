/**
 * The chart's "Visits" tab: where the front desk (and the clinicians) book a course of dosing visits from the
 * patient's treatment plan — each plan a course can be booked from, with what is planned and booked, and its
 * course panel. The plan itself (doses, eligibility) stays on the clinicians' "Treatment plan" tab.
 */
import { Badge, Card, Group, Stack, Text } from '@mantine/core';
import type { ChartTabProps } from '../../app/registry.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { CoursePanel } from './CoursePanel.tsx';
import { useCoursePlans } from './queries.ts';

const STATUS_LABELS = { draft: 'Approval pending', approved: 'Approved', active: 'Active' } as const;

export function VisitsTab({ patient }: ChartTabProps) {
  const plans = useCoursePlans(patient.id);
  return (
    <Stack gap="sm">
      <ErrorAlert error={plans.error} title="Could not load the treatment plans" />
      {plans.isPending && <LoadingState label="Loading treatment plans…" />}
      {plans.data?.length === 0 && (
        <Text size="sm">
          No treatment plan to book a course from yet: a prescriber writes the plan first.
        </Text>
      )}
      {(plans.data ?? []).map((p) => (
        <Card key={p.id} withBorder padding="sm" component="section" aria-label={p.protocolName}>
          <Group justify="space-between" wrap="nowrap">
            <Text fw={600}>{p.protocolName}</Text>
            <Badge variant="filled" autoContrast color={p.status === 'draft' ? 'orange.9' : 'blue.9'}>
              {STATUS_LABELS[p.status]}
            </Badge>
          </Group>
          <Text size="sm">
            {p.plannedSessions} sessions planned · {p.bookedVisits} dosing{' '}
            {p.bookedVisits === 1 ? 'visit' : 'visits'} booked
          </Text>
          <CoursePanel patientId={patient.id} plan={p} />
        </Card>
      ))}
    </Stack>
  );
}
