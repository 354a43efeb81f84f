/**
 * Good-faith estimates in the patient's chart: the coverage status (self-pay and uninsured patients are owed an
 * estimate), the estimates with their status, deadline, total and the $400 flag per provider (45 CFR 149.620), and
 * for the front desk, admin and prescribers: record coverage, write, issue, download and enter in error.
 */
import { Alert, Badge, Button, Card, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import type { CoverageStatus, Estimate } from '@plasticity/contracts';
import { useState } from 'react';
import { useMe } from '../../../app/auth.tsx';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { LoadingState } from '../../../ui/LoadingState.tsx';
import { useApiMutation } from '../../../ui/useApiMutation.ts';
import { downloadEstimatePdf, enterEstimateInError, issueEstimate, setCoverage } from './api.ts';
import { EstimateForm } from './EstimateForm.tsx';
import { estimateKeys, usePatientEstimates } from './queries.ts';
import { COVERAGE_LABELS, calendarDate, dollars, STATUS } from './words.ts';

const WRITERS = new Set(['admin', 'front_desk', 'prescriber']);

/**
 * The $400 flag (45 CFR 149.620(a)(2)(ii)): which provider's billed charges are $400 or more above its expected
 * charges on the estimate, and by how much.
 */
function DisputeFlag({ estimate: e }: { estimate: Estimate }) {
  const over = e.byProvider.filter((p) => p.exceedsByDisputeThreshold);
  return (
    <Alert color="red" mt="xs" title="Billed $400 or more above this estimate">
      <Stack gap={4}>
        {over.map((p) => (
          <Text size="sm" key={p.providerUserId ?? 'clinic'} data-testid="estimate-over">
            {p.providerName}: billed {dollars(p.billedCents)} against {dollars(p.expectedCents)} estimated,{' '}
            {dollars(p.overByCents)} over.
          </Text>
        ))}
        <Text size="sm">
          The patient may dispute the bill for {over.length === 1 ? 'this provider' : 'these providers'}.
        </Text>
      </Stack>
    </Alert>
  );
}

function EstimateRow({ estimate: e, canWrite }: { estimate: Estimate; canWrite: boolean }) {
  const issuing = useApiMutation(issueEstimate, { invalidates: [estimateKeys.all] });
  const erring = useApiMutation((reason: string) => enterEstimateInError(e.id, reason), {
    invalidates: [estimateKeys.all],
  });
  const downloading = useApiMutation(downloadEstimatePdf);
  const [reason, setReason] = useState<string | null>(null);
  const s = STATUS[e.status];
  return (
    <Card withBorder padding="sm" data-testid="estimate">
      <Group justify="space-between" align="start">
        <div>
          <Text fw={600} td={e.status === 'entered_in_error' ? 'line-through' : undefined}>
            {e.primaryService}
          </Text>
          <Text size="sm" c="dimmed">
            Covers {calendarDate(e.periodFrom)} to {calendarDate(e.periodTo)}
            {e.scheduledOn ? ` · scheduled ${calendarDate(e.scheduledOn)}` : ''}
          </Text>
          <Text size="sm">
            Total {dollars(e.totalCents)} · {e.lines.length} {e.lines.length === 1 ? 'line' : 'lines'}
            {e.status === 'draft' && e.dueBy ? ` · due by ${calendarDate(e.dueBy)}` : ''}
          </Text>
        </div>
        <Badge color={s.color} variant="filled" autoContrast style={{ minWidth: 'max-content' }}>
          {s.label}
        </Badge>
      </Group>
      {e.exceedsByDisputeThreshold && <DisputeFlag estimate={e} />}
      {e.enteredInErrorReason && (
        <Text size="sm" c="dimmed">
          Entered in error: {e.enteredInErrorReason}
        </Text>
      )}
      <Group gap="xs" mt="xs">
        <Button
          size="xs"
          variant="default"
          loading={downloading.busy}
          onClick={() => void downloading.run(e.id)}
        >
          Download PDF
        </Button>
        {canWrite && e.status === 'draft' && (
          <Button size="xs" loading={issuing.busy} onClick={() => void issuing.run(e.id)}>
            Issue
          </Button>
        )}
        {canWrite && e.status !== 'entered_in_error' && reason === null && (
          <Button size="xs" variant="subtle" c="red.9" onClick={() => setReason('')}>
            Entered in error
          </Button>
        )}
      </Group>
      {reason !== null && (
        <Group align="end" mt="xs">
          <TextInput
            label="Reason"
            value={reason}
            onChange={(ev) => setReason(ev.currentTarget.value)}
            error={erring.fieldErrors.reason}
          />
          <Button
            size="xs"
            variant="light"
            color="red"
            c="red.9"
            loading={erring.busy}
            onClick={async () => {
              const r = await erring.run(reason);
              if (r.ok) setReason(null);
            }}
          >
            Mark entered in error
          </Button>
        </Group>
      )}
      <ErrorAlert
        error={issuing.error ?? erring.error ?? downloading.error}
        title="The estimate was not changed"
        extra={erring.unplaced(['reason'])}
      />
    </Card>
  );
}

export function EstimatesCard({ patientId }: { patientId: string }) {
  const me = useMe();
  const q = usePatientEstimates(patientId);
  const [writing, setWriting] = useState(false);
  const covering = useApiMutation((status: CoverageStatus) => setCoverage(patientId, status), {
    invalidates: [estimateKeys.all],
  });
  const canWrite = WRITERS.has(me.role);
  if (q.error) return <ErrorAlert error={q.error} title="Could not load the estimates" />;
  if (!q.data) return <LoadingState />;
  const { coverage, items } = q.data;
  return (
    <Card withBorder component="section" aria-label="Good-faith estimates">
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h4">
          Good-faith estimates
        </Title>
        {canWrite && !writing && (
          <Button variant="light" size="xs" onClick={() => setWriting(true)}>
            New estimate
          </Button>
        )}
      </Group>
      <Stack gap="sm">
        <Group align="end">
          <Select
            label="Coverage"
            placeholder="Not recorded"
            data={Object.entries(COVERAGE_LABELS).map(([value, label]) => ({ value, label }))}
            value={coverage?.status ?? null}
            disabled={!canWrite || covering.busy}
            onChange={(v) => {
              if (v) void covering.run(v as CoverageStatus);
            }}
            allowDeselect={false}
          />
          {coverage && (
            <Text size="sm" c="dimmed">
              {coverage.estimateRequired
                ? 'A good-faith estimate is owed for scheduled services and on request.'
                : 'No good-faith estimate is required.'}
            </Text>
          )}
        </Group>
        <ErrorAlert error={covering.error} title="The coverage was not saved" />
        {writing && <EstimateForm patientId={patientId} onDone={() => setWriting(false)} />}
        {items.length === 0 ? (
          <Text size="sm" c="dimmed">
            No estimates yet.
          </Text>
        ) : (
          items.map((e) => <EstimateRow key={e.id} estimate={e} canWrite={canWrite} />)
        )}
      </Stack>
    </Card>
  );
}
