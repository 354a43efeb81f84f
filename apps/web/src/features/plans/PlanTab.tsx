import { Button, Card, Checkbox, Group, NativeSelect, NumberInput, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useMe } from '../../app/auth.tsx';
import type { ChartTabProps } from '../../app/registry.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { useApiMutation } from '../../ui/useApiMutation.ts';
import { PreparationCard } from '../integration/PreparationCard.tsx';
import { createPlan } from './api.ts';
import { DoseCalculatorPanel } from './DoseCalculatorPanel.tsx';
import { PlanCard } from './PlanCard.tsx';
import { planKeys, usePlans, useProtocols } from './queries.ts';

const INDICATIONS = [
  { value: 'trd', label: 'Treatment-resistant depression' },
  { value: 'mdd_with_suicidal_ideation', label: 'MDD with suicidal ideation' },
  { value: 'depression', label: 'Depression' },
  { value: 'anxiety', label: 'Anxiety' },
  { value: 'ptsd', label: 'PTSD' },
  { value: 'alcohol_use_disorder', label: 'Alcohol use disorder' },
  { value: 'opioid_use_disorder', label: 'Opioid use disorder' },
];

/** Chart tab "Treatment plan": the patient's plans, a new draft, and the dose calculator. */
export function PlanTab({ patient }: ChartTabProps) {
  const me = useMe();
  const plans = usePlans(patient.id);
  const protocols = useProtocols();
  const [protocolId, setProtocolId] = useState<string | null>(null);
  const [indications, setIndications] = useState<string[]>([]);
  const [planned, setPlanned] = useState<number | string>('');
  const creating = useApiMutation((body: Parameters<typeof createPlan>[1]) => createPlan(patient.id, body), {
    invalidates: [planKeys.plans(patient.id)],
  });
  const loadError = plans.error ?? protocols.error;
  if (loadError) return <ErrorAlert error={loadError} title="Could not load plans" />;
  if (!plans.data || !protocols.data) return <LoadingState />;
  const active = protocols.data.filter((p) => p.active);
  const clinician = me.role === 'prescriber' || me.role === 'nurse';

  const create = async () => {
    if (!protocolId) return;
    const result = await creating.run({
      protocolId,
      indications,
      ...(typeof planned === 'number' ? { plannedSessions: planned } : {}),
    });
    if (!result.ok) return;
    setIndications([]);
    setPlanned('');
  };

  return (
    <Stack gap="lg">
      {plans.data.length === 0 && <Text c="dimmed">No treatment plan yet.</Text>}
      {plans.data.map((plan) => (
        <PlanCard key={plan.id} patientId={patient.id} plan={plan} />
      ))}
      <PreparationCard patientId={patient.id} planId={plans.data[0]?.id ?? null} />
      {clinician && (
        <Card withBorder component="section" aria-label="New draft plan">
          <Title order={3} size="h4" mb="xs">
            New draft plan
          </Title>
          <Group align="end">
            <NativeSelect
              label="Protocol"
              data={[
                { value: '', label: 'Choose a protocol' },
                ...active.map((p) => ({ value: p.id, label: `${p.name} (v${p.version})` })),
              ]}
              value={protocolId ?? ''}
              onChange={(e) => setProtocolId(e.currentTarget.value || null)}
              w={340}
            />
            <Checkbox.Group label="Indications" value={indications} onChange={setIndications}>
              <Group gap="xs" mt={4}>
                {INDICATIONS.map((i) => (
                  <Checkbox key={i.value} value={i.value} label={i.label} />
                ))}
              </Group>
            </Checkbox.Group>
            <NumberInput
              label="Planned sessions"
              min={1}
              max={200}
              value={planned}
              onChange={setPlanned}
              w={150}
              description="Blank: protocol default"
            />
            <Button
              onClick={create}
              loading={creating.busy}
              disabled={!protocolId || indications.length === 0}
            >
              Create draft
            </Button>
          </Group>
          <ErrorAlert error={creating.error} title="The plan was not created" />
        </Card>
      )}
      {clinician && <DoseCalculatorPanel protocols={active} patientId={patient.id} />}
    </Stack>
  );
}
