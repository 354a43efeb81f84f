import { Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useMe } from '../../app/auth.tsx';
import type { ChartTabProps } from '../../app/registry.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { EligibilityPanel } from './EligibilityPanel.tsx';
import { IntakeForm } from './IntakeForm.tsx';
import { summariseIntake } from './intakeSummary.ts';
import { useEligibility, useIntakes, useProtocols } from './queries.ts';

/** Chart tab "Intake & eligibility": the latest intake, a new one, and the eligibility evaluation and signed decision. */
export function IntakeTab({ patient }: ChartTabProps) {
  const me = useMe();
  const [editing, setEditing] = useState(false);
  const intakes = useIntakes(patient.id);
  const decisions = useEligibility(patient.id);
  const protocols = useProtocols();
  const loadError = intakes.error ?? decisions.error ?? protocols.error;
  if (loadError) return <ErrorAlert error={loadError} title="Could not load the intake" />;
  if (!intakes.data || !decisions.data || !protocols.data) return <LoadingState />;
  const latest = intakes.data[0] ?? null;
  // Medicines and allergies from the intake are on the "Medications & allergies" tab.
  const summary = latest ? summariseIntake(latest.intake) : null;
  return (
    <Stack gap="lg">
      <Card withBorder>
        <Group justify="space-between" mb="xs">
          <Title order={3}>Intake</Title>
          {me.role !== 'therapist' && !editing && (
            <Button variant="default" onClick={() => setEditing(true)}>
              Record new intake
            </Button>
          )}
        </Group>
        {editing ? (
          <IntakeForm
            patientId={patient.id}
            onSaved={() => setEditing(false)}
            onCancel={() => setEditing(false)}
          />
        ) : !latest || !summary ? (
          <Text c="dimmed">No intake recorded yet.</Text>
        ) : (
          <Stack gap={4}>
            <Text size="sm" c="dimmed">
              Latest of {intakes.data.length}, submitted{' '}
              {formatDateTime(latest.createdAt, me.clinic.timeZone)} by{' '}
              {latest.submittedRole === 'patient' ? 'the patient (portal)' : latest.submittedRole}
            </Text>
            <Text size="sm">
              <b>Indications:</b> {summary.indications.join(', ') || 'none given'}
            </Text>
            <Text size="sm">
              <b>Answered yes:</b> {summary.yes.length ? '' : 'nothing'}
            </Text>
            {summary.yes.length > 0 && (
              <List size="sm">
                {summary.yes.map((y) => (
                  <List.Item key={y}>{y}</List.Item>
                ))}
              </List>
            )}
            {summary.priorTrials.length > 0 && (
              <>
                <Text size="sm">
                  <b>Antidepressants tried:</b>
                </Text>
                <List size="sm">
                  {summary.priorTrials.map((t, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: a stored list without ids
                    <List.Item key={i}>{t}</List.Item>
                  ))}
                </List>
              </>
            )}
            <Text size="sm">
              <b>Measurements:</b> {summary.measurements.join(' · ') || 'none'}
            </Text>
          </Stack>
        )}
      </Card>
      <Card withBorder>
        <EligibilityPanel
          patientId={patient.id}
          latest={decisions.data[0] ?? null}
          protocols={protocols.data}
          hasIntake={Boolean(latest)}
        />
      </Card>
    </Stack>
  );
}
