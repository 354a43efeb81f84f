import {
  Alert,
  Badge,
  Button,
  Group,
  NativeSelect,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import type { EligibilityDecision, ProtocolItem } from '@plasticity/contracts';
import { useState } from 'react';
import { useMe } from '../../app/auth.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { severityLabel } from '../../ui/labels.ts';
import { SourceCitation } from '../../ui/SourceCitation.tsx';
import { useApiMutation } from '../../ui/useApiMutation.ts';
import { sessionKeys } from '../sessions/queries.ts';
import { evaluateEligibility, signEligibility } from './api.ts';
import { planKeys } from './queries.ts';

const OUTCOME = {
  yes: { color: 'green.9', text: 'Eligible' },
  review: { color: 'yellow.4', text: 'Prescriber review required' },
  no: { color: 'red.9', text: 'Not eligible (absolute contraindication)' },
} as const;
const SEVERITY_COLOR = { absolute: 'red.9', relative: 'yellow.4', caution: 'gray.7' } as const;

interface Props {
  patientId: string;
  latest: EligibilityDecision | null;
  protocols: ProtocolItem[];
  hasIntake: boolean;
}

/** Evaluates the latest intake against the clinic's rules; the prescriber signs the decision (override of an absolute needs a reason). */
export function EligibilityPanel({ patientId, latest, protocols, hasIntake }: Props) {
  const me = useMe();
  const [protocolId, setProtocolId] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const change = useApiMutation((fn: () => Promise<unknown>) => fn(), {
    // A session's checklist asks for an approved eligibility decision.
    invalidates: [planKeys.eligibility(patientId), sessionKeys.details()],
  });
  const failure = change.error;
  const busy = change.busy;
  const run = async (fn: () => Promise<unknown>) => {
    if ((await change.run(fn)).ok) setReason('');
  };
  const canEvaluate = ['prescriber', 'nurse', 'therapist'].includes(me.role);
  const d = latest;
  return (
    <Stack gap="sm">
      <Title order={3}>Eligibility</Title>
      {canEvaluate && (
        <Group align="end">
          <NativeSelect
            label="Protocol under consideration"
            data={[
              { value: '', label: 'All rules (no protocol)' },
              ...protocols
                .filter((p) => p.active)
                .map((p) => ({ value: p.id, label: `${p.name} (v${p.version})` })),
            ]}
            value={protocolId ?? ''}
            onChange={(e) => setProtocolId(e.currentTarget.value || null)}
            w={360}
          />
          <Button
            onClick={() => run(() => evaluateEligibility(patientId, protocolId ?? undefined))}
            loading={busy}
            disabled={!hasIntake}
          >
            Evaluate eligibility
          </Button>
        </Group>
      )}
      {!d ? (
        <Text c="dimmed" size="sm">
          {hasIntake ? 'Not evaluated yet.' : 'Record an intake first.'}
        </Text>
      ) : (
        <Stack gap="xs" data-testid="eligibility-result">
          <Group>
            <Badge size="lg" variant="filled" autoContrast color={OUTCOME[d.eligible].color}>
              {OUTCOME[d.eligible].text}
            </Badge>
            <Text size="sm" c="dimmed">
              Rule set v{d.ruleSetVersion} · evaluated {formatDateTime(d.evaluatedAt, me.clinic.timeZone)} ·
              age {d.ageYears} years
            </Text>
          </Group>
          {d.hits.length > 0 && (
            <Table striped aria-label="Rules that fired">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Severity</Table.Th>
                  <Table.Th>Finding</Table.Th>
                  <Table.Th>Source</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {d.hits.map((h) => (
                  <Table.Tr key={h.ruleId}>
                    <Table.Td miw={110}>
                      <Badge
                        color={SEVERITY_COLOR[h.severity]}
                        variant="filled"
                        autoContrast
                        style={{ overflow: 'visible' }}
                        miw={90}
                      >
                        {severityLabel(h.severity)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{h.message}</Table.Td>
                    <Table.Td>
                      <SourceCitation source={h.source} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {d.decision ? (
            <Alert
              color={d.decision === 'approved' ? 'green' : 'red'}
              variant="light"
              title={
                d.decision === 'approved'
                  ? d.override
                    ? 'Approved by prescriber override'
                    : 'Approved by prescriber'
                  : 'Declined by prescriber'
              }
            >
              Signed {d.decidedAt ? formatDateTime(d.decidedAt, me.clinic.timeZone) : ''}
              {d.decisionReason ? ` — ${d.decisionReason}` : ''}
            </Alert>
          ) : me.role === 'prescriber' ? (
            <Stack gap="xs">
              <Textarea
                label={
                  d.eligible === 'no'
                    ? 'Reason for overriding the absolute contraindication (required to approve)'
                    : 'Review note'
                }
                value={reason}
                onChange={(e) => setReason(e.currentTarget.value)}
                rows={2}
              />
              <Group>
                <Button
                  color={d.eligible === 'no' ? 'red.9' : 'green.9'}
                  loading={busy}
                  onClick={() =>
                    run(() => signEligibility(patientId, d.id, 'approved', reason.trim() || undefined))
                  }
                >
                  {d.eligible === 'no' ? 'Override and approve' : 'Sign: approve eligibility'}
                </Button>
                <Button
                  variant="default"
                  loading={busy}
                  onClick={() =>
                    run(() => signEligibility(patientId, d.id, 'declined', reason.trim() || undefined))
                  }
                >
                  Sign: decline
                </Button>
              </Group>
            </Stack>
          ) : (
            <Text size="sm" c="dimmed">
              Awaiting the prescriber&apos;s signed decision.
            </Text>
          )}
        </Stack>
      )}
      <ErrorAlert error={failure} />
    </Stack>
  );
}
