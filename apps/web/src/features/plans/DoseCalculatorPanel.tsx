import {
  Alert,
  Button,
  Card,
  Checkbox,
  Fieldset,
  Group,
  List,
  NativeSelect,
  PasswordInput,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import type { DoseCalculateRequest, DoseCalculateResponse, ProtocolItem } from '@plasticity/contracts';
import { type FormEvent, useState } from 'react';
import { useMe } from '../../app/auth.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useApiMutation } from '../../ui/useApiMutation.ts';
import { useClinicTime } from '../../ui/useClinicTime.ts';
import { calculateDose } from './api.ts';

type Dose = {
  kind?: string;
  allowedMg?: number[];
  defaultMgPerKg?: number;
  protocolMaxMgPerKg?: number;
  absoluteCeilingMgPerKg?: number;
  absoluteMaxMg?: number;
  defaultMg?: number;
  maxMg?: number;
};
const num = (s: string): number | undefined => {
  const t = s.trim();
  if (!t) return undefined;
  return (Number.isFinite(Number(t)) ? Number(t) : t) as number;
};

/**
 * The dose calculator (the shared pure `calculateDose` behind POST /api/v1/dose/calculate): units beside every
 * number, block reasons shown plainly. Above the protocol maximum a prescriber may override with a reason and a
 * second clinician's credentials; the absolute ceiling and the mg cap are never lifted. The result shows which
 * weight the dose was calculated on (actual, ideal or adjusted body weight) and why.
 */
export function DoseCalculatorPanel({
  protocols,
  patientId,
}: {
  protocols: ProtocolItem[];
  patientId?: string;
}) {
  const me = useMe();
  const [protocolId, setProtocolId] = useState<string | null>(
    protocols.find((p) => p.isDefault && p.route === 'iv')?.id ?? protocols[0]?.id ?? null,
  );
  const [useMeasured, setUseMeasured] = useState(Boolean(patientId));
  const [v, setV] = useState<Record<string, string>>({});
  const [fixedMg, setFixedMg] = useState('56');
  const [override, setOverride] = useState(false);
  const calculation = useApiMutation(calculateDose);
  const result = calculation.data ?? null;
  const failure = calculation.error;
  const busy = calculation.busy;
  const protocol = protocols.find((p) => p.id === protocolId);
  const dose = (protocol?.protocol.dose ?? {}) as Dose;
  const errors = calculation.fieldErrors;
  const field = (key: string, label: string, extra: Record<string, unknown> = {}) => (
    <TextInput
      label={label}
      inputMode="decimal"
      value={v[key] ?? ''}
      onChange={({ currentTarget: { value } }) => setV((s) => ({ ...s, [key]: value }))}
      error={errors[key]}
      {...extra}
    />
  );

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!protocolId) return;
    calculation.reset();
    const body: Record<string, unknown> = { protocolId };
    if (dose.kind === 'weight_based') {
      if (useMeasured && patientId) body.patientId = patientId;
      else body.weightKg = num(v.weightKg ?? '');
      body.mgPerKg = num(v.mgPerKg ?? '');
      body.heightCm = num(v.heightCm ?? '');
      if (!patientId && v.sex) body.sex = v.sex;
    } else if (dose.kind === 'fixed') body.fixedMg = Number(fixedMg);
    else body.fixedMg = num(v.fixedMg ?? '');
    if (patientId && dose.kind !== 'weight_based') body.patientId = patientId;
    if (!patientId || (!useMeasured && dose.kind === 'weight_based')) body.ageYears = num(v.ageYears ?? '');
    if (dose.kind !== 'fixed') {
      body.concentrationMgPerMl = num(v.concentrationMgPerMl ?? '');
      if (protocol?.route === 'iv') {
        body.durationMin = num(v.durationMin ?? '');
        body.bagVolumeMl = num(v.bagVolumeMl ?? '');
      }
    }
    if (override)
      body.override = {
        reason: v.reason ?? '',
        verifierEmail: v.verifierEmail ?? '',
        ...(v.verifierTotp
          ? { verifierTotp: v.verifierTotp }
          : { verifierPassword: v.verifierPassword ?? '' }),
      };
    for (const k of Object.keys(body)) if (body[k] === undefined) delete body[k];
    await calculation.run(body as DoseCalculateRequest);
    // The verifier's secret is never kept after a request, whatever its outcome.
    setV((s) => ({ ...s, verifierPassword: '', verifierTotp: '' }));
  };

  return (
    <Card withBorder component="section" aria-label="Dose calculator">
      <Title order={3} size="h4" mb="xs">
        Dose calculator
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <NativeSelect
            label="Protocol"
            data={protocols.map((p) => ({ value: p.id, label: `${p.name} (v${p.version})` }))}
            value={protocolId ?? ''}
            onChange={(e) => {
              setProtocolId(e.currentTarget.value);
              calculation.reset();
            }}
          />
          {dose.kind === 'weight_based' && (
            <Text size="xs" c="dimmed">
              Default {dose.defaultMgPerKg} mg/kg · protocol maximum {dose.protocolMaxMgPerKg} mg/kg ·
              absolute ceiling {dose.absoluteCeilingMgPerKg} mg/kg
              {dose.absoluteMaxMg !== undefined ? ` · never above ${dose.absoluteMaxMg} mg` : ''}
            </Text>
          )}
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            {dose.kind === 'weight_based' && (
              <>
                {patientId && (
                  <Checkbox
                    mt="lg"
                    label="Use the latest measured weight"
                    checked={useMeasured}
                    onChange={(e) => setUseMeasured(e.currentTarget.checked)}
                  />
                )}
                {(!patientId || !useMeasured) && field('weightKg', 'Weight (kg)')}
                {field('mgPerKg', 'Dose (mg/kg)', { placeholder: String(dose.defaultMgPerKg ?? '') })}
                {field('heightCm', patientId ? 'Height (cm, if the chart has none)' : 'Height (cm)')}
                {!patientId && (
                  <NativeSelect
                    label="Sex (for ideal body weight)"
                    data={[
                      { value: '', label: 'Not given' },
                      { value: 'female', label: 'Female' },
                      { value: 'male', label: 'Male' },
                    ]}
                    value={v.sex ?? ''}
                    onChange={({ currentTarget: { value } }) => setV((s) => ({ ...s, sex: value }))}
                  />
                )}
              </>
            )}
            {dose.kind === 'fixed' && (
              <div>
                <Text size="sm" fw={500}>
                  Dose (mg)
                </Text>
                <SegmentedControl
                  aria-label="Dose (mg)"
                  data={(dose.allowedMg ?? []).map((m) => ({ value: String(m), label: `${m} mg` }))}
                  value={fixedMg}
                  onChange={setFixedMg}
                />
              </div>
            )}
            {dose.kind === 'flat_range' &&
              field('fixedMg', 'Dose (mg)', { placeholder: String(dose.defaultMg ?? '') })}
            {(!patientId || (!useMeasured && dose.kind === 'weight_based')) &&
              field('ageYears', 'Age (years)')}
            {dose.kind !== 'fixed' && field('concentrationMgPerMl', 'Concentration (mg/mL)')}
            {protocol?.route === 'iv' &&
              field('durationMin', 'Infusion duration (min)', {
                placeholder: String(protocol.protocol.durationMin ?? ''),
              })}
            {protocol?.route === 'iv' && field('bagVolumeMl', 'Bag volume (mL, optional)')}
          </SimpleGrid>
          {me.role === 'prescriber' && dose.kind !== 'fixed' && (
            <Checkbox
              label="Override the protocol maximum (needs a reason and a second clinician)"
              checked={override}
              onChange={(e) => setOverride(e.currentTarget.checked)}
            />
          )}
          {override && (
            <Fieldset legend="Override and second-clinician verification">
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                {field('reason', 'Reason for exceeding the protocol maximum')}
                {field('verifierEmail', 'Verifying clinician’s email', {
                  inputMode: 'email',
                  autoComplete: 'off',
                })}
                <PasswordInput
                  label="Verifying clinician’s password"
                  value={v.verifierPassword ?? ''}
                  onChange={({ currentTarget: { value } }) =>
                    setV((s) => ({ ...s, verifierPassword: value }))
                  }
                  autoComplete="off"
                />
                {field('verifierTotp', 'or their authenticator code (6 digits)', { autoComplete: 'off' })}
              </SimpleGrid>
            </Fieldset>
          )}
          <Group>
            <Button type="submit" loading={busy} disabled={!protocolId}>
              Calculate
            </Button>
          </Group>
        </Stack>
      </form>
      <ErrorAlert
        error={failure}
        title="Could not calculate"
        extra={Object.entries(errors).map(([k, m]) => `${k}: ${m}`)}
      />
      {result && <DoseResult r={result} />}
    </Card>
  );
}

const BASIS_LABEL: Record<string, string> = {
  actual: 'actual body weight',
  ideal: 'ideal body weight',
  adjusted: 'adjusted body weight',
};

function DoseResult({ r }: { r: DoseCalculateResponse }) {
  const { dateTime } = useClinicTime();
  const rows: Array<[string, number | null | undefined, string]> = [
    [r.blocked ? 'Requested dose (refused)' : 'Dose', r.doseMg, 'mg'],
    ['Volume', r.volumeMl, 'mL'],
    ['Pump rate', r.rateMlPerHour, 'mL/h'],
    ['Devices (28 mg each)', r.devices, 'devices'],
    ['Measured weight', r.weightKg, 'kg'],
    ['Dose per kg', r.mgPerKg, 'mg/kg'],
  ];
  const w = r.dosingWeight;
  return (
    <Stack gap="xs" mt="md" data-testid="dose-result">
      {r.blocked ? (
        <Alert color="red" title="Dose refused — do not give" role="alert">
          <List size="sm">
            {r.reasons.map((x) => (
              <List.Item key={x}>{x}</List.Item>
            ))}
          </List>
        </Alert>
      ) : (
        <Alert
          color={r.overridden ? 'orange' : 'green'}
          title={r.overridden ? 'Calculated under a verified override' : 'Calculated'}
        />
      )}
      <Table aria-label="Calculated dose" w="fit-content">
        <Table.Tbody>
          {rows
            .filter(([, value]) => value !== undefined && value !== null)
            .map(([label, value, unit]) => (
              <Table.Tr key={label}>
                <Table.Th>{label}</Table.Th>
                <Table.Td>
                  {value} {unit}
                </Table.Td>
              </Table.Tr>
            ))}
          {w && (
            <Table.Tr>
              <Table.Th>Weight used for the dose</Table.Th>
              <Table.Td data-testid="dosing-weight">
                {w.kg} kg — {BASIS_LABEL[w.basis]}
                <Text size="xs" c="dimmed">
                  {w.reason}
                  {w.bmi !== null ? ` · BMI ${w.bmi}` : ''}
                  {w.heightCm !== null
                    ? ` · height ${w.heightCm} cm${r.heightFrom === 'intake' ? ' (from the intake)' : ''}`
                    : ''}
                  {w.idealKg !== null ? ` · ideal ${w.idealKg} kg` : ''}
                  {w.adjustedKg !== null ? ` · adjusted ${w.adjustedKg} kg` : ''}
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
        </Table.Tbody>
      </Table>
      {r.warnings.length > 0 && (
        <List size="sm" c="dimmed">
          {r.warnings.map((w) => (
            <List.Item key={w}>{w}</List.Item>
          ))}
        </List>
      )}
      <Text size="xs" c="dimmed">
        Protocol version {r.protocolVersion}
        {r.weightMeasuredAt ? ` · weight measured ${dateTime(r.weightMeasuredAt)}` : ''}
      </Text>
    </Stack>
  );
}
