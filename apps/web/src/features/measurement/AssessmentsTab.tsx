import { Alert, Button, Group, MultiSelect, Paper, Stack, Text } from '@mantine/core';
import { IconDeviceTablet, IconPlus, IconSend } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { useMe } from '../../app/auth.tsx';
import type { ChartTabProps } from '../../app/registry.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { type AssessmentListT, handOverSelfReport, listAssessments, sendSelfReportLink } from './api.ts';
import { EnterAssessmentModal } from './EnterAssessmentModal.tsx';
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
  const [series, setSeries] = useState<Record<string, AssessmentListT> | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [entering, setEntering] = useState(false);
  const [sendIds, setSendIds] = useState<string[]>([]);
  const [sent, setSent] = useState<{ sentTo: string; expiresAt: string } | null>(null);
  const [linkError, setLinkError] = useState<unknown>(null);

  const load = useCallback(async () => {
    try {
      const all = await listAssessments(patient.id);
      const ids = [...new Set(all.items.map((a) => a.instrument))];
      const entries = await Promise.all(
        ids.map(async (id) => [id, await listAssessments(patient.id, id)] as const),
      );
      setSeries(Object.fromEntries(entries));
    } catch (e) {
      setError(e);
    }
  }, [patient.id]);
  useEffect(() => {
    void load();
  }, [load]);

  if (defsError || error) return <ErrorAlert error={defsError ?? error} title="Could not load assessments" />;
  if (!defs || !series) return <LoadingState label="Loading assessments…" />;
  const enterable = defs.filter((d) => d.kind === 'self_report' || CLINICIAN_RATERS.includes(me.role));
  const selfReport = defs.filter((d) => d.kind === 'self_report');
  const shown = defs.filter((d) => series[d.id]);

  const sendLink = async () => {
    setLinkError(null);
    setSent(null);
    try {
      setSent(await sendSelfReportLink(patient.id, sendIds));
    } catch (e) {
      setLinkError(e);
    }
  };
  // The form opens on this device for the patient; the server records who handed it over.
  const handOver = async () => {
    setLinkError(null);
    try {
      const made = await handOverSelfReport(patient.id, sendIds);
      window.location.assign(new URL(made.url, window.location.origin).toString());
    } catch (e) {
      setLinkError(e);
    }
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
            <ScoreTable def={d} data={data} patientId={patient.id} onChanged={() => void load()} />
          </TrendChart>
        ) : null;
      })}
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
              onClick={sendLink}
            >
              Email to patient
            </Button>
            {me.clinic.clinicDeviceSelfReport && (
              <Button
                variant="default"
                leftSection={<IconDeviceTablet size={16} aria-hidden />}
                disabled={sendIds.length === 0}
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
        onSaved={() => void load()}
      />
    </Stack>
  );
}
