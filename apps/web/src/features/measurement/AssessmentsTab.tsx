import { Alert, Button, Group, MultiSelect, Paper, Stack, Text } from '@mantine/core';
import { IconDeviceTablet, IconPlus, IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { useMe } from '../../app/auth.tsx';
import type { ChartTabProps } from '../../app/registry.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { useApiMutation } from '../../ui/useApiMutation.ts';
import { MoodTrendCard } from '../journal/MoodTrendCard.tsx';
import { handOverSelfReport, sendSelfReportLink } from './api.ts';
import { EnterAssessmentModal } from './EnterAssessmentModal.tsx';
import { useAssessmentSeries } from './queries.ts';
import { ScheduleCard } from './ScheduleCard.tsx';
import { ScoreTable } from './ScoreTable.tsx';
import { TrendChart } from './TrendChart.tsx';
import { useInstruments } from './useInstruments.ts';

/** Roles that may enter clinician-rated scales (server rule: definitions.ts CLINICIAN_RATED_ENTRY_ROLES). */
const CLINICIAN_RATERS = ['prescriber', 'nurse'];
const ENTERS = ['prescriber', 'nurse', 'therapist'];

/** Chart tab "Assessments": a trend per instrument with bands, baseline, change, response and remission. */
export function AssessmentsTab({ patient }: ChartTabProps) {
  const me = useMe();
  const { defs, error: defsError } = useInstruments();
  const { data: series, error } = useAssessmentSeries(patient.id);
  const [entering, setEntering] = useState(false);
  const [sendIds, setSendIds] = useState<string[]>([]);
  const sending = useApiMutation((ids: string[]) => sendSelfReportLink(patient.id, ids));
  const handing = useApiMutation((ids: string[]) => handOverSelfReport(patient.id, ids));
  const sent = sending.data ?? null;
  const linkError = sending.error ?? handing.error;

  if (defsError || error) return <ErrorAlert error={defsError ?? error} title="Could not load assessments" />;
  if (!defs || !series) return <LoadingState label="Loading assessments…" />;
  const enterable = defs.filter((d) => d.kind === 'self_report' || CLINICIAN_RATERS.includes(me.role));
  const selfReport = defs.filter((d) => d.kind === 'self_report');
  const shown = defs.filter((d) => series[d.id]);

  const sendLink = async () => {
    handing.reset();
    await sending.run(sendIds);
  };
  // The form opens on this device for the patient; the server records who handed it over.
  const handOver = async () => {
    sending.reset();
    const made = await handing.run(sendIds);
    if (made.ok) window.location.assign(new URL(made.data.url, window.location.origin).toString());
  };

  return (
    <Stack>
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          Baseline is the last score before the first dose; response is a drop of 50 % or more; remission per
          each instrument’s rule.
        </Text>
        {ENTERS.includes(me.role) && (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEntering(true)}>
            Enter assessment
          </Button>
        )}
      </Group>
      {shown.length === 0 && <Alert variant="light">No assessments yet.</Alert>}
      {shown.map((d) => {
        const data = series[d.id];
        return data ? (
          <TrendChart key={d.id} def={d} data={data}>
            <ScoreTable def={d} data={data} patientId={patient.id} />
          </TrendChart>
        ) : null;
      })}
      <MoodTrendCard patientId={patient.id} />
      <Paper withBorder p="md" radius="md">
        <Stack gap="xs">
          <Text fw={600}>Forms for the patient to answer</Text>
          <Group align="flex-end">
            <MultiSelect
              label="Forms"
              data={selfReport.map((d) => ({ value: d.id, label: d.name }))}
              value={sendIds}
              onChange={setSendIds}
              style={{ flex: 1 }}
            />
            <Button
              leftSection={<IconSend size={16} aria-hidden />}
              disabled={sendIds.length === 0}
              loading={sending.busy}
              onClick={sendLink}
            >
              Email to patient
            </Button>
            {me.clinic.clinicDeviceSelfReport && (
              <Button
                variant="default"
                leftSection={<IconDeviceTablet size={16} aria-hidden />}
                disabled={sendIds.length === 0}
                loading={handing.busy}
                onClick={handOver}
              >
                Hand to patient on this device
              </Button>
            )}
          </Group>
          <ErrorAlert error={linkError} title="The forms were not sent" />
          {sent && (
            <Alert variant="light" color="green">
              Sent to {sent.sentTo}. The link works once, for the patient only, until{' '}
              {formatDateTime(sent.expiresAt, me.clinic.timeZone)}.
            </Alert>
          )}
        </Stack>
      </Paper>
      <ScheduleCard patientId={patient.id} defs={defs} canEdit={ENTERS.includes(me.role)} />
      <EnterAssessmentModal
        patientId={patient.id}
        defs={enterable}
        opened={entering}
        onClose={() => setEntering(false)}
      />
    </Stack>
  );
}
