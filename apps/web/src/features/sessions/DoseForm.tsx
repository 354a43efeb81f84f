/**
 * Records a dose. Pre-filled from the plan's prescribed dose and the shared dose
 * calculator (dose at the patient's weight, volume from the chosen container's concentration, pump rate
 * over the infusion's duration); the dose typed is checked live by the same calculator the server applies,
 * so a dose above the protocol maximum asks for the prescriber's override and a second clinician, and a
 * dose above a ceiling is shown as refused. A dose off the plan asks for a reason, as does a dose not
 * drawn from the register. Drawn from a register container, the register records the draw, the
 * administration and the witnessed waste of any remainder with it. Errors show beside the field the
 * server names; a refusal lists every failing item.
 */
import { Alert, Button, Group, List, NumberInput, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { unplacedFieldErrors } from '../../api/errors.ts';
import { useMe } from '../../app/auth.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useApiMutation } from '../../ui/useApiMutation.ts';
import { controlledKeys } from '../controlled/queries.ts';
import { recordDose, type SessionRecord } from './api.ts';
import { givenMg, liveCheckOf, prefillOf } from './doseOrder.ts';
import { EMPTY_OVERRIDE, OverrideFields, type OverrideValue, overrideBody } from './OverrideFields.tsx';
import {
  EMPTY_REGISTER_DOSE,
  RegisterDoseFields,
  type RegisterDoseValue,
  registerFields,
  useDoseStock,
} from './RegisterDoseFields.tsx';

const SHOWN = [
  'doseMg',
  'containerId',
  'drawnMl',
  'volumeMl',
  'wasteWitness',
  'lot',
  'expiry',
  'override',
  'doseChangeReason',
  'notFromRegisterReason',
  'durationMin',
  'rateMlPerHour',
];
const num = (v: number | string) => (v === '' ? Number.NaN : Number(v));

export function DoseForm({ s, onChange }: { s: SessionRecord; onChange: (s?: SessionRecord) => void }) {
  const me = useMe();
  const order = s.doseOrder ?? undefined;
  const iv = s.protocol.route === 'iv';
  const prefill = useMemo(() => prefillOf(order, new Date()), [order]);
  const already = givenMg(s.administrations);
  const [doseMg, setDoseMg] = useState<number | string>(
    already === 0 && prefill.doseMg !== null ? prefill.doseMg : s.protocol.drug === 'esketamine' ? 56 : '',
  );
  const [durationMin, setDurationMin] = useState<number | string>(prefill.durationMin ?? '');
  const [rate, setRate] = useState<number | string>('');
  const [lot, setLot] = useState('');
  const [expiry, setExpiry] = useState('');
  const [register, setRegister] = useState<RegisterDoseValue>(EMPTY_REGISTER_DOSE);
  const [override, setOverride] = useState<OverrideValue>(EMPTY_OVERRIDE);
  const [doseChangeReason, setDoseChangeReason] = useState('');
  const [notFromRegisterReason, setNotFromRegisterReason] = useState('');
  const recording = useApiMutation((body: Parameters<typeof recordDose>[1]) => recordDose(s.id, body), {
    // A dose drawn from the register moves stock: the register's balances and ledger refetch.
    invalidates: [controlledKeys.all],
  });
  const { error, busy } = recording;
  const stock = useDoseStock(s.protocol.drug);
  const container = stock.containers.find((c) => c.id === register.containerId);
  const errors = recording.fieldErrors;
  const conc =
    container?.unit === 'mL' && container.concentrationMgPerMl
      ? Number(container.concentrationMgPerMl)
      : null;
  const live = liveCheckOf(
    order,
    {
      doseMg: num(doseMg),
      alreadyMg: already,
      concentrationMgPerMl: conc,
      durationMin: iv ? num(durationMin) || null : null,
    },
    new Date(),
  );
  const calcVolume = live?.volumeMl;
  const calcRate = live?.rateMlPerHour;
  // The volume given follows the calculator (dose ÷ the container's concentration); the volume drawn
  // follows it too unless it was typed differently.
  const following = Boolean(live) && container?.unit === 'mL';
  useEffect(() => {
    if (!following) return;
    const v = calcVolume === undefined ? '' : String(calcVolume);
    setRegister((r) => ({
      ...r,
      volumeMl: v,
      drawnMl: !r.drawnMl || r.drawnMl === r.volumeMl ? v : r.drawnMl,
    }));
  }, [calcVolume, following]);
  const needsOverride = Boolean(live?.check.overrideWouldAllow || errors.override);
  const offPlan = prefill.plannedMg !== null && num(doseMg) + already !== prefill.plannedMg;

  const save = async () => {
    const rateValue = num(rate) > 0 ? num(rate) : calcRate;
    const result = await recording.run({
      doseMg: Number(doseMg),
      startedAt: new Date().toISOString(),
      ...(iv && num(durationMin) > 0 ? { durationMin: num(durationMin) } : {}),
      ...(iv && rateValue ? { rateMlPerHour: rateValue } : {}),
      ...(container
        ? registerFields(container, register)
        : {
            ...(lot.trim() ? { lot: lot.trim() } : {}),
            ...(expiry ? { expiry } : {}),
            ...(notFromRegisterReason.trim() ? { notFromRegisterReason: notFromRegisterReason.trim() } : {}),
          }),
      ...(doseChangeReason.trim() ? { doseChangeReason: doseChangeReason.trim() } : {}),
      ...overrideBody(override),
    });
    if (!result.ok) {
      // Witnesses and verifiers re-type their password for every attempt; it is never kept.
      setRegister((r) => ({ ...r, witness: { ...r.witness, password: '' } }));
      setOverride((o) => ({ ...o, verifierPassword: '' }));
      return;
    }
    setRegister(EMPTY_REGISTER_DOSE);
    setOverride(EMPTY_OVERRIDE);
    setDoseMg('');
    setRate('');
    setDoseChangeReason('');
    setNotFromRegisterReason('');
    setLot('');
    setExpiry('');
    onChange(result.data);
  };
  const refusal = error instanceof ApiError && error.code === 'validation_failed' ? error.details : [];

  return (
    <Stack gap="xs" data-testid="dose-form">
      {prefill.summary && (
        <Text size="sm" data-testid="dose-plan">
          {prefill.summary}
        </Text>
      )}
      <Group align="flex-start">
        <NumberInput
          label="Dose (mg)"
          value={doseMg}
          onChange={setDoseMg}
          w={120}
          hideControls
          error={errors.doseMg}
        />
        {iv && (
          <>
            <NumberInput
              label="Duration (min)"
              value={durationMin}
              onChange={setDurationMin}
              w={130}
              hideControls
              error={errors.durationMin}
            />
            <NumberInput
              label="Pump rate (mL/h)"
              value={rate}
              onChange={setRate}
              placeholder={calcRate !== undefined ? String(calcRate) : ''}
              description={calcRate !== undefined ? `Calculated: ${calcRate} mL/h` : ' '}
              w={150}
              hideControls
              error={errors.rateMlPerHour}
            />
          </>
        )}
      </Group>
      {live && <DoseCheckSummary live={live} already={already} />}
      {(stock.containers.length > 0 || register.containerId) && (
        <RegisterDoseFields
          containers={stock.containers}
          value={register}
          onChange={setRegister}
          errors={errors}
        />
      )}
      {!container && (
        <>
          <Group align="flex-end">
            <TextInput
              label="Lot"
              value={lot}
              onChange={(e) => setLot(e.currentTarget.value)}
              w={140}
              error={errors.lot}
            />
            <TextInput
              label="Expiry"
              type="date"
              value={expiry}
              onChange={(e) => setExpiry(e.currentTarget.value)}
              w={160}
              error={errors.expiry}
            />
          </Group>
          <Textarea
            label="Why is this dose not drawn from the register?"
            value={notFromRegisterReason}
            onChange={(e) => setNotFromRegisterReason(e.currentTarget.value)}
            autosize
            minRows={1}
            error={errors.notFromRegisterReason}
          />
        </>
      )}
      {(offPlan || errors.doseChangeReason) && (
        <Textarea
          label="Why does the dose differ from the plan?"
          value={doseChangeReason}
          onChange={(e) => setDoseChangeReason(e.currentTarget.value)}
          autosize
          minRows={1}
          error={errors.doseChangeReason}
        />
      )}
      {needsOverride &&
        (me.role === 'prescriber' ? (
          <OverrideFields value={override} onChange={setOverride} error={errors.override} />
        ) : (
          <Text size="sm" c="orange.9">
            A dose above the protocol maximum is recorded by a prescriber, with a reason and a second
            clinician’s verification.
          </Text>
        ))}
      <Group>
        <Button onClick={save} disabled={doseMg === ''} loading={busy}>
          Record dose
        </Button>
      </Group>
      {refusal.length > 1 ? (
        <Alert role="alert" color="red" variant="light" title="Dose not recorded">
          <List size="sm">
            {refusal.map((d) => (
              <List.Item key={`${d.field}:${d.message}`}>{d.message}</List.Item>
            ))}
          </List>
        </Alert>
      ) : (
        <ErrorAlert error={error} title="Dose not recorded" extra={unplacedFieldErrors(errors, SHOWN)} />
      )}
      <ErrorAlert error={stock.error} title="Could not load the register stock" />
    </Stack>
  );
}

/** The calculator's live verdict on the dose typed: per kg, volume and rate, or the limit it crosses. */
function DoseCheckSummary({
  live,
  already,
}: {
  live: NonNullable<ReturnType<typeof liveCheckOf>>;
  already: number;
}) {
  const r = live.check.result;
  const perKg = live.check.mgPerKg !== null ? `${live.check.mgPerKg} mg/kg` : null;
  const total = already > 0 ? ` (session total ${r.doseMg} mg)` : '';
  if (r.blocked)
    return (
      <Alert
        color={live.check.overrideWouldAllow ? 'orange' : 'red'}
        variant="light"
        title={
          live.check.overrideWouldAllow
            ? 'Above the protocol maximum: needs an override'
            : 'This dose cannot be given under this protocol'
        }
        data-testid="dose-check"
      >
        <List size="sm">
          {live.reasons.map((x) => (
            <List.Item key={x}>{x}</List.Item>
          ))}
        </List>
      </Alert>
    );
  const parts = [
    perKg,
    r.volumeMl !== undefined ? `${r.volumeMl} mL` : null,
    r.overridden ? 'overridden' : null,
  ];
  return (
    <Text size="sm" c="green.9" data-testid="dose-check">
      Within the protocol{total}: {parts.filter(Boolean).join(' · ') || 'allowed dose'}
    </Text>
  );
}
