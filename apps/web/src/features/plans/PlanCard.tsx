import { Badge, Button, Card, Group, Progress, Stack, Text, Textarea, Title } from '@mantine/core';
import type { TreatmentPlan } from '@plasticity/contracts';
import { useState } from 'react';
import { useMe } from '../../app/auth.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { consentKindLabel, indicationLabel, instrumentLabel, statusLabel } from '../../ui/labels.ts';
import { useApiMutation } from '../../ui/useApiMutation.ts';
import { CoursePanel } from '../scheduling/CoursePanel.tsx';
import { sessionKeys } from '../sessions/queries.ts';
import { transitionPlan } from './api.ts';
import { planKeys } from './queries.ts';

const STATUS_COLOR = {
  draft: 'gray.7',
  approved: 'blue.9',
  active: 'green.9',
  completed: 'teal.9',
  stopped: 'red.9',
} as const;

const ROUTE_LABEL: Record<string, string> = {
  iv: 'intravenous',
  im: 'intramuscular',
  sublingual: 'sublingual',
  oral: 'oral',
  intranasal: 'intranasal',
};

/** "0.5 mg/kg intravenous over 40 min, 2–3 a week" */
function doseText(d: NonNullable<TreatmentPlan['prescribedDose']>): string {
  const amount = d.mgPerKg !== null ? `${d.mgPerKg} mg/kg` : `${d.fixedMg} mg`;
  const over = d.durationMin !== null ? ` over ${d.durationMin} min` : '';
  return `${amount} ${ROUTE_LABEL[d.route] ?? d.route}${over}, ${d.frequency}`;
}

/** One treatment plan: status, progress against the planned series, missing consents and the allowed next steps. */
export function PlanCard({ patientId, plan }: { patientId: string; plan: TreatmentPlan }) {
  const me = useMe();
  const [reason, setReason] = useState('');
  const transition = useApiMutation(
    (to: 'approved' | 'active' | 'completed' | 'stopped') =>
      transitionPlan(patientId, plan.id, to, reason.trim() || undefined),
    // A session's checklist asks for an active plan.
    { invalidates: [planKeys.plans(patientId), sessionKeys.details()] },
  );
  const failure = transition.error;
  const busy = transition.busy;
  const go = async (to: 'approved' | 'active' | 'completed' | 'stopped') => {
    if ((await transition.run(to)).ok) setReason('');
  };
  const clinician = me.role === 'prescriber' || me.role === 'nurse';
  const open = plan.status === 'draft' || plan.status === 'approved' || plan.status === 'active';
  return (
    <Card withBorder component="section" aria-label={`Plan: ${plan.protocolName}`}>
      <Group justify="space-between">
        <Title order={3} size="h4">
          {plan.protocolName}{' '}
          <Text span size="sm" c="dimmed">
            (protocol v{plan.protocolVersion})
          </Text>
        </Title>
        <Badge color={STATUS_COLOR[plan.status]} variant="filled" size="lg" data-testid="plan-status">
          {statusLabel(plan.status)}
        </Badge>
      </Group>
      <Text size="sm">
        Indications: {plan.indications.map(indicationLabel).join(', ')} · Target instruments:{' '}
        {plan.targetInstruments.map(instrumentLabel).join(', ')}
      </Text>
      <Group gap="xs" mt="xs">
        <Text size="sm">
          Sessions: {plan.sessionsCompleted} of {plan.plannedSessions} planned
        </Text>
        <Progress value={plan.progressPct} w={200} aria-label="Progress against the planned series" />
      </Group>
      {plan.prescribedDose && (
        <Text size="sm" data-testid="plan-dose">
          Prescribed dose: {doseText(plan.prescribedDose)}
          {plan.prescribedDose.approvedAt
            ? ' (approved by the prescriber)'
            : ' (approved when the plan is approved)'}
        </Text>
      )}
      {plan.statusReason && <Text size="sm">Reason: {plan.statusReason}</Text>}
      {plan.approvedAt && (
        <Text size="sm">
          Approved (signed) by the prescriber {formatDateTime(plan.approvedAt, me.clinic.timeZone)}
        </Text>
      )}
      {plan.missingConsents.length > 0 && open && (
        <Text size="sm" c="orange.9">
          Consents still needed before the plan can start:{' '}
          {plan.missingConsents.map((k) => consentKindLabel(k)).join(', ')}
        </Text>
      )}
      {clinician && open && (
        <Stack gap="xs" mt="sm">
          <Textarea
            label="Reason or note (required to stop)"
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            rows={1}
          />
          <Group>
            {plan.status === 'draft' && me.role === 'prescriber' && (
              <Button onClick={() => go('approved')} loading={busy}>
                Approve and sign plan
              </Button>
            )}
            {plan.status === 'approved' && (
              <Button onClick={() => go('active')} loading={busy}>
                Start plan
              </Button>
            )}
            {plan.status === 'active' && (
              <Button variant="default" onClick={() => go('completed')} loading={busy}>
                Mark completed
              </Button>
            )}
            <Button
              variant="subtle"
              color="red.9"
              onClick={() => go('stopped')}
              loading={busy}
              disabled={!reason.trim()}
            >
              Stop plan
            </Button>
          </Group>
        </Stack>
      )}
      <ErrorAlert error={failure} title="The plan was not changed" />
      {open && <CoursePanel patientId={patientId} plan={plan} />}
    </Card>
  );
}
