import { Alert, Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import type { InstrumentDefinition } from '@plasticity/clinical/instruments';
import { useState } from 'react';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useApiMutation } from '../../ui/useApiMutation.ts';
import { type Answers, type AssessmentCreatedT, createAssessment } from './api.ts';
import { CrisisResources } from './CrisisResources.tsx';
import { answersToSend, emptyAnswers, InstrumentForm, unanswered } from './InstrumentForm.tsx';
import { measurementKeys } from './queries.ts';

interface Props {
  patientId: string;
  defs: InstrumentDefinition[];
  opened: boolean;
  onClose: () => void;
}

/** Staff enter a completed form; the server scores it (the same pure rules) and raises alerts. */
export function EnterAssessmentModal({ patientId, defs, opened, onClose }: Props) {
  const [id, setId] = useState<string | null>(null);
  const [answers, setAnswers] = useState<Answers>([]);
  const entering = useApiMutation(
    (body: Parameters<typeof createAssessment>[1]) => createAssessment(patientId, body),
    { invalidates: [measurementKeys.patient(patientId)] },
  );
  const { error, busy } = entering;
  const result: AssessmentCreatedT | null = entering.data ?? null;
  const [missing, setMissing] = useState<number[]>([]);
  const def = defs.find((d) => d.id === id);

  const reset = () => {
    setId(null);
    setAnswers([]);
    entering.reset();
    setMissing([]);
  };
  const close = () => {
    reset();
    onClose();
  };
  const submit = async () => {
    if (!def) return;
    const r = await entering.run({ instrument: def.id, answers: answersToSend(def, answers) });
    if (!r.ok) setMissing(unanswered(def, answers));
  };

  return (
    <Modal opened={opened} onClose={close} title="Enter an assessment" size="lg">
      {result ? (
        <Stack>
          <Alert
            color={result.flags.includes('suicide_risk') ? 'red' : 'green'}
            variant="light"
            title={`${def?.name ?? result.instrument}: ${result.total}${result.severity ? ` (${result.severity})` : ''}`}
          >
            {result.flags.includes('suicide_risk')
              ? 'Suicide risk: an alert was raised for the care team. Follow the clinic’s safety protocol now.'
              : 'Saved.'}
            {result.warnings.length > 0 && <Text size="sm">{result.warnings.join(' ')}</Text>}
          </Alert>
          {result.crisis && <CrisisResources />}
          <Group justify="flex-end">
            <Button variant="default" onClick={reset}>
              Enter another
            </Button>
            <Button onClick={close}>Done</Button>
          </Group>
        </Stack>
      ) : (
        <Stack>
          <Select
            label="Instrument"
            placeholder="Choose an instrument"
            data={defs.map((d) => ({
              value: d.id,
              label: `${d.name}${d.kind === 'clinician' ? ' (clinician-rated)' : ''}`,
            }))}
            value={id}
            onChange={(v) => {
              setId(v);
              const d = defs.find((x) => x.id === v);
              setAnswers(d ? emptyAnswers(d) : []);
              setMissing([]);
            }}
            searchable
          />
          {def && <InstrumentForm def={def} answers={answers} onChange={setAnswers} missing={missing} />}
          <ErrorAlert error={error} title="Not saved" />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button onClick={submit} loading={busy} disabled={!def}>
              Save and score
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
