/** Book a dosing session: patient (search), protocol (clinic defaults), chair; scheduled now. */
import { Button, Modal, Select, Stack, TextInput } from '@mantine/core';
import { defaultProtocols } from '@plasticity/clinical/protocols';
import { useEffect, useState } from 'react';
import { searchPatients } from '../../api/patients.ts';
import { useNavigate } from '../../app/router.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { createSession } from './api.ts';

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
  const [patients, setPatients] = useState<Array<{ value: string; label: string }>>([]);
  const [patientId, setPatientId] = useState<string | null>(null);
  const [protocolId, setProtocolId] = useState<string | null>(PROTOCOLS[0]?.value ?? null);
  const [chair, setChair] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!opened) return;
    const ctrl = new AbortController();
    searchPatients(term, ctrl.signal)
      .then((items) =>
        setPatients(items.map((p) => ({ value: p.id, label: `${p.lastName}, ${p.firstName} (${p.mrn})` }))),
      )
      .catch(() => {});
    return () => ctrl.abort();
  }, [term, opened]);
  const submit = async () => {
    if (!patientId || !protocolId) return;
    setBusy(true);
    setError(null);
    try {
      const s = await createSession({
        patientId,
        protocolId,
        chair: chair.trim(),
        scheduledAt: new Date().toISOString(),
      });
      onCreated();
      onClose();
      navigate(`/sessions/${s.id}`);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
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
        <ErrorAlert error={error} title="Could not book the session" />
        <Button onClick={submit} loading={busy} disabled={!patientId || !protocolId || !chair.trim()}>
          Book session
        </Button>
      </Stack>
    </Modal>
  );
}
