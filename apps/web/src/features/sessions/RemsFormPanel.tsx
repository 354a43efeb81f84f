/**
 * The SPRAVATO REMS Patient Monitoring Form on an esketamine session's page
 * (docs/clinical-sources.md#spravato-rems-requirements): what the session pre-fills (patient, REMS enrolment
 * and setting certification, treatment date, first device, dose and lots, monitoring minutes, BP pre-dose,
 * ~40 min (30–50 min after the first device) and before completion, vitals acceptable) shown read-only, times
 * in the clinic's zone; answers the nurse must check (e.g. no BP in the 40-minute window) flagged; the
 * clinician's fields (first treatment, enrolment, concomitant medicines as yes/no, monitoring clinician,
 * setting address, sedation, dissociation, respiratory depression, serious adverse events, minutes ready to
 * leave without the 2-hour rule) editable; "Mark submitted" once discharged. Only changed fields are sent, so
 * untouched ones keep following the session.
 */
import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  NumberInput,
  Radio,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import type { RemsFormUpdate } from '@plasticity/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { unplacedFieldErrors } from '../../api/errors.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { useApiMutation } from '../../ui/useApiMutation.ts';
import { type RemsForm, type SessionRecord, updateRemsForm } from './api.ts';
import { sessionKeys, useRemsFormQuery } from './queries.ts';

const CONCOMITANT = [
  ['benzodiazepines', 'Benzodiazepines'],
  ['nonBenzodiazepineHypnotics', 'Non-benzodiazepine hypnotics'],
  ['psychostimulants', 'Psychostimulants'],
  ['maois', 'MAOIs'],
  ['opioids', 'Opioids'],
] as const;
const OBSERVED = [
  ['sedation', 'Sedation observed'],
  ['dissociation', 'Dissociation observed'],
  ['respiratoryDepression', 'Respiratory depression observed'],
] as const;
const CLINICIAN = [
  ['name', 'Monitoring clinician'],
  ['phone', 'Clinician phone'],
  ['email', 'Clinician email'],
] as const;

type Draft = Omit<RemsFormUpdate, 'submitted'>;
const yesNo = (v: boolean | null) => (v === null ? '–' : v ? 'Yes' : 'No');
const bp = (v: RemsForm['bp']['preDose']) =>
  v
    ? `${v.sbp ?? '–'}/${v.dbp ?? '–'} at ${v.atLocal}${
        v.minutesAfterFirstDevice !== null && v.minutesAfterFirstDevice >= 0
          ? ` (${v.minutesAfterFirstDevice} min after first device)`
          : ''
      }${v.source === 'device' ? ` — bedside monitor, ${v.confirmed ? 'confirmed by a nurse' : 'not yet confirmed'}` : ''}`
    : '–';

function Prefilled({ f }: { f: RemsForm }) {
  const e = f.enrolment;
  const flag40 = f.flags.find((x) => x.field === 'bp.at40Min')?.message;
  const rows: Array<[string, string]> = [
    ['Patient', `${f.patient.name}, born ${f.patient.dateOfBirth}, ${f.patient.sex}`],
    [
      'REMS enrolment',
      e
        ? `Patient ${e.patientEnrolmentId} (enrolled ${e.enrolledOn}) · setting certification ${e.settingCertificationId} (certified ${e.settingCertifiedOn})`
        : 'Not recorded on the checklist',
    ],
    ['Treatment date', f.treatmentDate ?? '–'],
    ['First device', f.firstDeviceAtLocal ?? '–'],
    [
      'Dose',
      f.dose.mg === null
        ? '–'
        : `${f.dose.mg} mg (${f.dose.category}) · lot ${f.dose.lots.join(', ') || '–'}`,
    ],
    ['Minutes from first device to end of monitoring', f.totalMonitoringMin?.toString() ?? 'after discharge'],
    [
      'Vitals acceptable pre-dose / at completion',
      `${yesNo(f.vitalsAcceptablePreDose)} / ${yesNo(f.vitalsAcceptableAtCompletion)}`,
    ],
    ['BP pre-dose', bp(f.bp.preDose)],
    [
      'BP about 40 min after the dose (30–50 min)',
      f.bp.at40Min ? bp(f.bp.at40Min) : `– (${flag40 ?? 'none'})`,
    ],
    ['BP before completion', bp(f.bp.beforeCompletion)],
  ];
  return (
    <Table withTableBorder fz="sm" data-testid="rems-prefilled">
      <Table.Tbody>
        {rows.map(([k, v]) => (
          <Table.Tr key={k}>
            <Table.Th w={300} fw={500} c="dimmed">
              {k}
            </Table.Th>
            <Table.Td>{v}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
      <Table.Caption>Times in {f.timeZone}</Table.Caption>
    </Table>
  );
}

const answer = (v: boolean | null | undefined) => (v === true ? 'yes' : v === false ? 'no' : null);

export function RemsFormPanel({ s }: { s: SessionRecord }) {
  const queries = useQueryClient();
  const { data, error } = useRemsFormQuery(s.id);
  const [draft, setDraft] = useState<Draft>({});
  const saving = useApiMutation((body: Parameters<typeof updateRemsForm>[1]) => updateRemsForm(s.id, body), {
    invalidates: [sessionKeys.remsPending()],
    onSuccess: (form) => queries.setQueryData(sessionKeys.remsForm(s.id), form),
  });
  const { busy } = saving;
  const saveError = saving.error;
  if (!data)
    return error ? <ErrorAlert error={error} title="Could not load the REMS form" /> : <LoadingState />;
  const f = data;
  const fe = saving.fieldErrors;
  const value = <K extends keyof Draft>(k: K) =>
    (draft[k] ?? f[k as keyof RemsForm]) as NonNullable<Draft[K]>;
  const set = (patch: Draft) => setDraft((d) => ({ ...d, ...patch }));
  const dirty = Object.keys(draft).length > 0;
  const send = async (submitted?: boolean) => {
    if ((await saving.run({ ...draft, ...(submitted ? { submitted: true } : {}) })).ok) setDraft({});
  };
  const concomitant = { ...f.concomitant, ...draft.concomitant };
  const clinician = value('monitoringClinician');
  const shown = [
    'firstTreatment',
    'enrolmentConfirmed',
    'settingAddress',
    'seriousAdverseEvents',
    'readyToLeaveMin',
    ...CONCOMITANT.map(([k]) => `concomitant.${k}`),
    ...CLINICIAN.map(([k]) => `monitoringClinician.${k}`),
    ...OBSERVED.map(([k]) => k),
  ];
  return (
    <Card withBorder data-testid="rems-form">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4">
          REMS Patient Monitoring Form
        </Title>
        <Group gap="xs">
          <Badge color={f.status === 'final' ? 'green' : 'gray'}>{f.status}</Badge>
          {f.submittedAtLocal && <Badge color="green">submitted {f.submittedAtLocal}</Badge>}
        </Group>
      </Group>
      <Stack gap="sm">
        <Prefilled f={f} />
        {f.flags.length > 0 && (
          <Alert color="yellow" title="Check before submitting" data-testid="rems-flags">
            {f.flags.map((x) => (
              <Text key={x.field} size="sm">
                {x.message}
              </Text>
            ))}
          </Alert>
        )}
        <Group>
          <Checkbox
            label="First treatment"
            checked={value('firstTreatment')}
            onChange={(e) => set({ firstTreatment: e.currentTarget.checked })}
            error={fe.firstTreatment}
          />
          <Checkbox
            label="REMS enrollment confirmed"
            checked={value('enrolmentConfirmed')}
            onChange={(e) => set({ enrolmentConfirmed: e.currentTarget.checked })}
            error={fe.enrolmentConfirmed}
          />
        </Group>
        <div>
          <Text size="sm" fw={500}>
            Concomitant medicines
          </Text>
          <SimpleGrid cols={{ base: 2, md: 5 }} mt={4} spacing="xs">
            {CONCOMITANT.map(([k, label]) => (
              <Radio.Group
                key={k}
                label={label}
                value={answer(concomitant[k])}
                onChange={(v) => set({ concomitant: { ...draft.concomitant, [k]: v === 'yes' } })}
                error={fe[`concomitant.${k}`]}
              >
                <Group gap="xs" mt={2}>
                  <Radio value="yes" label="Yes" />
                  <Radio value="no" label="No" />
                </Group>
              </Radio.Group>
            ))}
          </SimpleGrid>
        </div>
        <SimpleGrid cols={{ base: 1, md: 3 }} spacing="xs">
          {CLINICIAN.map(([k, label]) => (
            <TextInput
              key={k}
              label={label}
              value={clinician[k] ?? ''}
              onChange={(e) => set({ monitoringClinician: { ...clinician, [k]: e.currentTarget.value } })}
              error={fe[`monitoringClinician.${k}`]}
            />
          ))}
        </SimpleGrid>
        <TextInput
          label="Setting address"
          value={value('settingAddress')}
          onChange={(e) => set({ settingAddress: e.currentTarget.value })}
          error={fe.settingAddress}
        />
        <Group>
          {OBSERVED.map(([k, label]) => (
            <Checkbox
              key={k}
              label={label}
              checked={value(k)}
              onChange={(e) => set({ [k]: e.currentTarget.checked })}
              error={fe[k]}
            />
          ))}
        </Group>
        <Group align="flex-start">
          <Textarea
            label="Serious adverse events"
            value={value('seriousAdverseEvents')}
            onChange={(e) => set({ seriousAdverseEvents: e.currentTarget.value })}
            error={fe.seriousAdverseEvents}
            autosize
            minRows={1}
            style={{ flex: 1 }}
          />
          <NumberInput
            label="Ready to leave without the 2-hour rule (min)"
            value={draft.readyToLeaveMin ?? f.readyToLeaveMin ?? ''}
            onChange={(v) => set({ readyToLeaveMin: typeof v === 'number' ? v : undefined })}
            error={fe.readyToLeaveMin}
            w={300}
            hideControls
          />
        </Group>
        <Group>
          <Button onClick={() => send()} disabled={!dirty} loading={busy}>
            Save REMS form
          </Button>
          {!f.submittedAt && (
            <Button
              variant="outline"
              onClick={() => send(true)}
              disabled={s.status !== 'discharged'}
              loading={busy}
              title={s.status !== 'discharged' ? 'The form is submitted after discharge' : undefined}
            >
              Mark submitted
            </Button>
          )}
          {s.status !== 'discharged' && (
            <Text size="sm" c="dimmed">
              Draft until discharge; submit it after discharge.
            </Text>
          )}
        </Group>
        <ErrorAlert error={saveError} title="REMS form not saved" extra={unplacedFieldErrors(fe, shown)} />
      </Stack>
    </Card>
  );
}
