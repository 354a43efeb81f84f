import { Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useMe } from '../../app/auth.tsx';
import type { ChartTabProps } from '../../app/registry.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { listEligibility, listIntakes, listProtocols } from './api.ts';
import { EligibilityPanel } from './EligibilityPanel.tsx';
import { IntakeForm } from './IntakeForm.tsx';
import { summariseIntake } from './intakeSummary.ts';
import { useLoad } from './useLoad.ts';

/** Chart tab "Intake & eligibility": the latest intake, a new one, and the eligibility evaluation and signed decision. */
export function IntakeTab({ patient }: ChartTabProps) {
  const me = useMe();
  const [editing, setEditing] = useState(false);
  const data = useLoad(
    async (signal) => {
      const [intakes, decisions, protocols] = await Promise.all([
        listIntakes(patient.id, signal),
        listEligibility(patient.id, signal),
        listProtocols(false, signal),
      ]);
      return { intakes, decisions, protocols };
    },
    [patient.id],
  );
  if (data.error) return <ErrorAlert error={data.error} title="Could not load the intake" />;
  if (!data.data) return <LoadingState />;
  const latest = data.data.intakes[0] ?? null;
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
            onSaved={() => {
              setEditing(false);
              data.reload();
            }}
            onCancel={() => setEditing(false)}
          />
        ) : !latest || !summary ? (
          <Text c="dimmed">No intake recorded yet.</Text>
        ) : (
          <Stack gap={4}>
            <Text size="sm" c="dimmed">
              Latest of {data.data.intakes.length}, submitted {new Date(latest.createdAt).toLocaleString()} by{' '}
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
          latest={data.data.decisions[0] ?? null}
          protocols={data.data.protocols}
          hasIntake={Boolean(latest)}
          onChange={data.reload}
        />
      </Card>
    </Stack>
  );
}
