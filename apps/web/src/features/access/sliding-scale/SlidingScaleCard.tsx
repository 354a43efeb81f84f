import {
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import type { SlidingScaleAssessment } from '@plasticity/contracts';
import { useState } from 'react';
import { useMe } from '../../../app/auth.tsx';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { LoadingState } from '../../../ui/LoadingState.tsx';
import { useApiMutation } from '../../../ui/useApiMutation.ts';
import { useClinicTime } from '../../../ui/useClinicTime.ts';
import { createAssessment, evaluateHousehold, markAssessmentEnteredInError } from './api.ts';
import { slidingScaleKeys, useGuidelineYears, useSlidingScaleAssessments } from './queries.ts';
import { dollarsFromCents, STATE_OPTIONS, STATUS_WORDS, stateName, wholeDollars } from './words.ts';

/** Who records an assessment (the server's policy); every staff member reads them. */
const RECORDERS = ['admin', 'front_desk'];

/**
 * A patient's sliding scale: the assessment in force (tier, discount, expiry) and, for the front desk and the
 * admin, the form to assess the household (size, income, state, guideline year, evidence seen, approval). Placed
 * in the patient's billing tab.
 */
export function SlidingScaleCard({ patientId }: { patientId: string }) {
  const me = useMe();
  const list = useSlidingScaleAssessments(patientId);
  const canRecord = RECORDERS.includes(me.role);
  return (
    <Card withBorder radius="md" component="section" aria-labelledby="sliding-scale-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="sliding-scale-title">
          Sliding scale
        </Title>
        {list.error ? (
          <ErrorAlert error={list.error} title="Could not load the sliding scale" />
        ) : !list.data ? (
          <LoadingState label="Loading the sliding scale…" />
        ) : (
          <>
            <Current item={list.data.items.find((i) => i.id === list.data.activeId) ?? null} />
            {canRecord && <AssessForm patientId={patientId} />}
            {list.data.items.length > 0 && (
              <History patientId={patientId} items={list.data.items} canRecord={canRecord} />
            )}
          </>
        )}
      </Stack>
    </Card>
  );
}

function Current({ item }: { item: SlidingScaleAssessment | null }) {
  const t = useClinicTime();
  if (!item) {
    return (
      <Text size="sm" c="dimmed">
        No sliding-scale discount is in force.
      </Text>
    );
  }
  return (
    <Stack gap={4}>
      <Group gap="xs">
        <Badge variant="filled" autoContrast color="teal.9">
          {item.discountPercent}% off
        </Badge>
        <Text fw={600}>{item.tierLabel}</Text>
      </Group>
      <Text size="sm">
        {item.percentOfPoverty}% of the {item.year} poverty guideline ({wholeDollars(item.guideline)} for a
        household of {item.householdSize} in {stateName(item.state)}); income{' '}
        {dollarsFromCents(item.annualIncomeCents)} a year.
      </Text>
      <Text size="sm" c="dimmed">
        Approved {t.date(item.approvedAt)}
        {item.approvedByName ? ` by ${item.approvedByName}` : ''}; expires {t.date(item.expiresAt)}. Evidence
        seen: {item.evidence}
      </Text>
    </Stack>
  );
}

function AssessForm({ patientId }: { patientId: string }) {
  const years = useGuidelineYears();
  const [householdSize, setHouseholdSize] = useState<number | string>(1);
  const [income, setIncome] = useState<number | string>('');
  const [state, setState] = useState<string | null>(null);
  const [year, setYear] = useState<string | null>(null);
  const [evidence, setEvidence] = useState('');
  const [approve, setApprove] = useState(false);
  const saving = useApiMutation(createAssessment, { invalidates: [slidingScaleKeys.patient(patientId)] });
  const checking = useApiMutation(evaluateHousehold);
  const yearOptions = (years.data ?? [])
    .map((y) => ({ value: String(y.year), label: String(y.year) }))
    .reverse();
  const chosenYear = year ?? yearOptions[0]?.value ?? null;
  const submit = async () => {
    if (!approve) return;
    const r = await saving.run({
      patientId,
      householdSize: Number(householdSize),
      annualIncomeCents: Math.round(Number(income) * 100),
      state: state ?? '',
      year: Number(chosenYear),
      evidence,
      approve: true,
    });
    if (r.ok) {
      setEvidence('');
      setApprove(false);
    }
  };
  const shown = ['householdSize', 'annualIncomeCents', 'state', 'year', 'evidence', 'approve'];
  return (
    <form
      aria-label="Assess for the sliding scale"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Stack gap="xs">
        <Title order={3} size="h5">
          Assess the household
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
          <NumberInput
            label="Household size"
            min={1}
            max={50}
            allowDecimal={false}
            value={householdSize}
            onChange={setHouseholdSize}
            error={saving.fieldErrors.householdSize}
            required
          />
          <NumberInput
            label="Annual household income"
            prefix="$"
            min={0}
            decimalScale={2}
            thousandSeparator=","
            value={income}
            onChange={setIncome}
            error={saving.fieldErrors.annualIncomeCents}
            required
          />
          <Select
            label="State"
            data={STATE_OPTIONS}
            searchable
            value={state}
            onChange={setState}
            error={saving.fieldErrors.state}
            required
          />
          <Select
            label="Guideline year"
            data={yearOptions}
            value={chosenYear}
            onChange={setYear}
            error={saving.fieldErrors.year}
            allowDeselect={false}
            required
          />
        </SimpleGrid>
        <Textarea
          label="Evidence seen"
          description="For example: last year's tax return, two recent pay stubs"
          autosize
          minRows={2}
          value={evidence}
          onChange={(e) => setEvidence(e.currentTarget.value)}
          error={saving.fieldErrors.evidence}
          required
        />
        <Checkbox
          label="I have seen this evidence and approve the assessment"
          checked={approve}
          onChange={(e) => setApprove(e.currentTarget.checked)}
          error={saving.fieldErrors.approve}
        />
        <ErrorAlert
          error={saving.error}
          title="Could not save the assessment"
          extra={saving.unplaced(shown)}
        />
        <ErrorAlert error={checking.error} title="Could not check the tier" extra={checking.unplaced([])} />
        {checking.data && (
          <Text size="sm" role="status">
            {checking.data.percentOfPoverty}% of the poverty guideline (
            {wholeDollars(checking.data.guideline)}): {checking.data.tier}, {checking.data.discountPercent}%
            off.
          </Text>
        )}
        <Group>
          <Button
            variant="default"
            loading={checking.busy}
            onClick={() =>
              void checking.run({
                householdSize: Number(householdSize),
                annualIncome: Number(income),
                state: state ?? '',
                year: Number(chosenYear),
              })
            }
          >
            Check the tier
          </Button>
          <Button type="submit" loading={saving.busy} disabled={!approve}>
            Save assessment
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function History({
  patientId,
  items,
  canRecord,
}: {
  patientId: string;
  items: SlidingScaleAssessment[];
  canRecord: boolean;
}) {
  const t = useClinicTime();
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Approved</Table.Th>
            <Table.Th>Tier</Table.Th>
            <Table.Th>Expires</Table.Th>
            <Table.Th>Status</Table.Th>
            {canRecord && <Table.Th>Correction</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((i) => (
            <Table.Tr key={i.id}>
              <Table.Td>{t.date(i.approvedAt)}</Table.Td>
              <Table.Td>
                {i.tierLabel}, {i.discountPercent}% off
              </Table.Td>
              <Table.Td>{t.date(i.expiresAt)}</Table.Td>
              <Table.Td>
                {STATUS_WORDS[i.status]}
                {i.enteredInErrorReason ? `: ${i.enteredInErrorReason}` : ''}
              </Table.Td>
              {canRecord && (
                <Table.Td>
                  {i.status !== 'entered_in_error' && (
                    <EnteredInError patientId={patientId} assessmentId={i.id} />
                  )}
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function EnteredInError({ patientId, assessmentId }: { patientId: string; assessmentId: string }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const marking = useApiMutation(markAssessmentEnteredInError, {
    invalidates: [slidingScaleKeys.patient(patientId)],
  });
  if (!open) {
    return (
      <Button size="xs" variant="subtle" c="red.9" onClick={() => setOpen(true)}>
        Entered in error
      </Button>
    );
  }
  return (
    <form
      aria-label="Mark the assessment entered in error"
      onSubmit={(e) => {
        e.preventDefault();
        void marking.run({ patientId, assessmentId, reason });
      }}
    >
      <Group gap="xs" align="flex-end">
        <TextInput
          size="xs"
          label="Reason"
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={marking.fieldErrors.reason}
          required
        />
        <Button size="xs" type="submit" color="red" loading={marking.busy}>
          Mark
        </Button>
        <Button size="xs" variant="default" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </Group>
      <ErrorAlert
        error={marking.error}
        title="Could not mark the assessment"
        extra={marking.unplaced(['reason'])}
      />
    </form>
  );
}
