/**
 * Discharge: the protocol's criteria with what still fails, the nurse's observations (gait,
 * nausea, escort; sedation and dissociation resolved and respiratory depression, which the SPRAVATO REMS
 * requires before an esketamine patient leaves), and a printable instruction sheet for the patient, printed
 * once with the clinic's name, phone and the date in the clinic's time zone. Sources: no driving until the next
 * day after a restful sleep (SPRAVATO US label); go home with the escort (discharge practice); the alcohol,
 * fluids and expected-effects lines are common practice wording with no primary source — a clinic should review them; 988
 * is the US Suicide & Crisis Lifeline.
 */
import { Button, Card, Checkbox, Group, List, NativeSelect, Select, Stack, Text, Title } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { createPortal } from 'react-dom';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { useApiMutation } from '../../ui/useApiMutation.ts';
import { type SessionRecord, setDischargeAssessment } from './api.ts';
import classes from './print.module.css';
import { sessionKeys } from './queries.ts';

/** The sheet's content (also rendered in tests); printed from a portal under <body>. */
function DischargeSheet({ s }: { s: SessionRecord }) {
  const tz = s.clinic.timeZone;
  const when = formatDateTime(s.doseStartedAt ?? s.scheduledAt, tz);
  return (
    <div data-testid="discharge-sheet">
      <p>
        <strong>{s.clinic.name}</strong>
        {s.clinic.phone ? ` · ${s.clinic.phone}` : ''}
      </p>
      <h2>After your treatment today</h2>
      <p>
        {s.patient.firstName} {s.patient.lastName} — {s.protocol.name}, {when.slice(0, 10)} at{' '}
        {when.slice(11)} ({tz}).
      </p>
      <ul>
        <li>Do not drive, cycle or operate machinery until the next day, after a restful sleep.</li>
        <li>
          Go home with your escort{s.escort ? ` (${s.escort.name})` : ''}; rest for the remainder of the day.
        </li>
        <li>Avoid alcohol and sedating medicines today unless your prescriber told you otherwise.</li>
        <li>Drink clear fluids first; eat light food once any nausea has settled.</li>
        <li>Dizziness, feeling "detached" or mild nausea can occur for a few hours and should pass.</li>
        <li>
          Call the clinic{s.clinic.phone ? ` (${s.clinic.phone})` : ''} for anything that worries you; call
          911 for chest pain, trouble breathing, or thoughts of harming yourself (988 Suicide &amp; Crisis
          Lifeline).
        </li>
      </ul>
    </div>
  );
}

/** The sheet, once, directly under <body>: hidden on screen, the only thing printed. */
function PrintableSheet({ s }: { s: SessionRecord }) {
  if (typeof document === 'undefined') return null;
  return createPortal(
    <div className={classes.printRoot} data-testid="discharge-print">
      <DischargeSheet s={s} />
    </div>,
    document.body,
  );
}

export function DischargePanel({ s }: { s: SessionRecord }) {
  const a = s.dischargeAssessment ?? {};
  const saving = useApiMutation(
    (patch: Parameters<typeof setDischargeAssessment>[1]) => setDischargeAssessment(s.id, patch),
    {
      invalidates: [sessionKeys.detail(s.id)],
    },
  );
  const error = saving.error;
  // Change handlers cannot await: `run` never throws and the panel shows its error, so nothing is lost by
  // not waiting.
  const update = (patch: Parameters<typeof setDischargeAssessment>[1]) => {
    void saving.run(patch);
  };
  const open = !s.lockedAt;
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="xs">
        Discharge
      </Title>
      <Stack gap="xs">
        {s.discharge.ready ? (
          <Text c="green.8" fw={600}>
            Discharge criteria met.
          </Text>
        ) : (
          <>
            <Text size="sm" fw={600}>
              Not yet:
            </Text>
            <List size="sm" data-testid="discharge-failing">
              {s.discharge.failing.map((f) => (
                <List.Item key={f.key}>{f.message}</List.Item>
              ))}
            </List>
          </>
        )}
        {s.discharge.earliestAt && (
          <Text size="sm">
            Earliest discharge: {formatDateTime(s.discharge.earliestAt, s.clinic.timeZone)}
          </Text>
        )}
        {open && (
          <Group align="flex-end">
            <Select
              label="Gait"
              data={[
                { value: 'steady', label: 'Steady' },
                { value: 'unsteady', label: 'Unsteady' },
                { value: 'not_assessed', label: 'Not assessed' },
              ]}
              value={a.gait ?? null}
              onChange={(v) => v && update({ gait: v })}
              w={150}
            />
            <Select
              label="Nausea"
              data={[
                { value: 'none', label: 'None' },
                { value: 'controlled', label: 'Controlled' },
                { value: 'uncontrolled', label: 'Uncontrolled' },
              ]}
              value={a.nausea ?? null}
              onChange={(v) => v && update({ nausea: v })}
              w={150}
            />
            <Checkbox
              label="Escort present"
              checked={a.escortPresent === true}
              onChange={(e) => update({ escortPresent: e.currentTarget.checked })}
            />
          </Group>
        )}
        {open && (
          <Group align="flex-end">
            <Checkbox
              label="Sedation resolved"
              checked={a.sedationResolved === true}
              onChange={(e) => update({ sedationResolved: e.currentTarget.checked })}
            />
            <Checkbox
              label="Dissociation resolved"
              checked={a.dissociationResolved === true}
              onChange={(e) => update({ dissociationResolved: e.currentTarget.checked })}
            />
            <NativeSelect
              label="Respiratory depression"
              data={[
                { value: '', label: 'Not assessed' },
                { value: 'no', label: 'None' },
                { value: 'yes', label: 'Observed' },
              ]}
              value={a.respiratoryDepression === undefined ? '' : a.respiratoryDepression ? 'yes' : 'no'}
              onChange={(e) => {
                const v = e.currentTarget.value;
                if (v) update({ respiratoryDepression: v === 'yes' });
              }}
              w={170}
            />
          </Group>
        )}
        <Group>
          <Button
            variant="default"
            leftSection={<IconPrinter size={16} aria-hidden />}
            onClick={() => window.print()}
          >
            Print discharge instructions
          </Button>
        </Group>
        <ErrorAlert error={error} title="Not saved" />
        <PrintableSheet s={s} />
      </Stack>
    </Card>
  );
}
