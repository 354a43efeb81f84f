/** Book a dosing session: patient (search), protocol (clinic defaults), chair; scheduled now. */
import { Button, Modal, Select, Stack, TextInput } from '@mantine/core';
import { defaultProtocols } from '@plasticity/clinical/protocols';
import { useState } from 'react';
import { useNavigate } from '../../app/router.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useApiMutation } from '../../ui/useApiMutation.ts';
import { usePatientSearchQuery } from '../patients/queries.ts';
import { createSession } from './api.ts';
import { sessionKeys } from './queries.ts';

const PROTOCOLS = defaultProtocols().map((p) => ({ value: p.id, label: p.name }));

export function NewSessionModal({
  opened,
  onClose,
  onCreated,
}: {
  opened: boolean;
  onClose: () => void;
  onCreated: () => void;
}) {
  const navigate = useNavigate();
  const [term, setTerm] = useState('');
  const [patientId, setPatientId] = useState<string | null>(null);
  const [protocolId, setProtocolId] = useState<string | null>(PROTOCOLS[0]?.value ?? null);
  const [chair, setChair] = useState('');
  const search = usePatientSearchQuery(term, opened);
  const patients = (search.data ?? []).map((p) => ({
    value: p.id,
    label: `${p.lastName}, ${p.firstName} (${p.mrn})`,
  }));
  const creating = useApiMutation(createSession, { invalidates: [sessionKeys.all] });
  const { error, busy } = creating;
  const submit = async () => {
    if (!patientId || !protocolId) return;
    const result = await creating.run({
      patientId,
      protocolId,
      chair: chair.trim(),
      scheduledAt: new Date().toISOString(),
    });
    if (!result.ok) return;
    onCreated();
    onClose();
    navigate(`/sessions/${result.data.id}`);
  };
  return (
    <Modal opened={opened} onClose={onClose} title="New dosing session">
      <Stack>
        <Select
          label="Patient"
          searchable
          data={patients}
          value={patientId}
          onChange={setPatientId}
          searchValue={term}
          onSearchChange={setTerm}
          filter={({ options }) => options}
          nothingFoundMessage="No patient found"
        />
        <Select
          label="Protocol"
          data={PROTOCOLS}
          value={protocolId}
          onChange={setProtocolId}
          allowDeselect={false}
        />
        <TextInput label="Chair" value={chair} onChange={(e) => setChair(e.currentTarget.value)} required />
        <ErrorAlert error={search.error} title="Could not search patients" />
        <ErrorAlert error={error} title="Could not book the session" />
        <Button onClick={submit} loading={busy} disabled={!patientId || !protocolId || !chair.trim()}>
          Book session
        </Button>
      </Stack>
    </Modal>
  );
}
