/**
 * The SPRAVATO REMS Patient Monitoring Form on an esketamine session's page (issue 6 §8; REFERENCE.md §3):
 * what the session pre-fills (patient, treatment date, dose and lots, monitoring minutes, BP pre-dose, ~40 min
 * and before completion, vitals acceptable) shown read-only; the clinician's fields (first treatment,
 * enrolment, concomitant medicines, monitoring clinician, setting address, sedation, dissociation,
 * respiratory depression, serious adverse events, minutes ready to leave without the 2-hour rule) editable;
 * "Mark submitted" once discharged. Only changed fields are sent, so untouched ones keep following the session.
 */
import {
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  NumberInput,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import type { RemsFormUpdate } from '@plasticity/contracts';
import { useState } from 'react';
import { fieldErrorsOf, unplacedFieldErrors } from '../../api/errors.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { useLoad } from '../../ui/useLoad.ts';
import { getRemsForm, type RemsForm, type SessionRecord, updateRemsForm } from './api.ts';
import { time } from './format.ts';

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
const bp = (v: RemsForm['bp']['preDose']) => (v ? `${v.sbp ?? '–'}/${v.dbp ?? '–'} at ${time(v.at)}` : '–');

function Prefilled({ f }: { f: RemsForm }) {
  const rows: Array<[string, string]> = [
    ['Patient', `${f.patient.name}, born ${f.patient.dateOfBirth}, ${f.patient.sex}`],
    ['Treatment date', f.treatmentDate ?? '–'],
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
    [
      'BP pre-dose · ~40 min · before completion',
      [f.bp.preDose, f.bp.at40Min, f.bp.beforeCompletion].map(bp).join(' · '),
    ],
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
    </Table>
  );
}

export function RemsFormPanel({ s }: { s: SessionRecord }) {
  const { data, error, setData } = useLoad((signal) => getRemsForm(s.id, signal), [s.id, s.status]);
  const [draft, setDraft] = useState<Draft>({});
  const [saveError, setSaveError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  if (!data)
    return error ? <ErrorAlert error={error} title="Could not load the REMS form" /> : <LoadingState />;
  const f = data;
  const fe = fieldErrorsOf(saveError);
  const value = <K extends keyof Draft>(k: K) =>
    (draft[k] ?? f[k as keyof RemsForm]) as NonNullable<Draft[K]>;
  const set = (patch: Draft) => setDraft((d) => ({ ...d, ...patch }));
  const dirty = Object.keys(draft).length > 0;
  const send = async (submitted?: boolean) => {
    setBusy(true);
    setSaveError(null);
    try {
      setData(await updateRemsForm(s.id, { ...draft, ...(submitted ? { submitted: true } : {}) }));
      setDraft({});
    } catch (e) {
      setSaveError(e);
    } finally {
      setBusy(false);
    }
  };
  const concomitant = value('concomitant');
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
          {f.submittedAt && (
            <Badge color="green">submitted {new Date(f.submittedAt).toLocaleDateString()}</Badge>
          )}
        </Group>
      </Group>
      <Stack gap="sm">
        <Prefilled f={f} />
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
          <Group mt={4}>
            {CONCOMITANT.map(([k, label]) => (
              <Checkbox
                key={k}
                label={label}
                checked={concomitant[k] === true}
                onChange={(e) => set({ concomitant: { ...concomitant, [k]: e.currentTarget.checked } })}
                error={fe[`concomitant.${k}`]}
              />
            ))}
          </Group>
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
