/**
 * Book one appointment: patient (search), type (the clinic's labels), date and time in the clinic's zone,
 * length (the type's default when left empty; dosing: from the protocol), chair or room, clinician and, for a
 * dosing visit, the protocol and plan. A clash answers 409 naming the chair or clinician and the time: shown
 * as it comes, with everything typed kept.
 */
import { Button, Group, Modal, NumberInput, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { defaultProtocols } from '@plasticity/clinical/protocols';
import type { AppointmentTypeKey, BookAppointmentRequest } from '@plasticity/contracts';
import { useState } from 'react';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useApiMutation } from '../../ui/useApiMutation.ts';
import { useClinicTime } from '../../ui/useClinicTime.ts';
import { usePatientSearchQuery } from '../patients/queries.ts';
import { bookAppointment } from './api.ts';
import { localToIso } from './clinicClock.ts';
import { scheduleKeys, useAppointmentTypes, useChairs, useClinicians } from './queries.ts';

const PROTOCOLS = defaultProtocols().map((p) => ({ value: p.id, label: p.name }));

export interface BookingDefaults {
  date: string;
  time?: string;
  chairId?: string;
  clinicianId?: string;
  /** A patient chosen already (the integration worklist's Book action), shown by this label. */
  patient?: { id: string; label: string };
  type?: AppointmentTypeKey;
}

function BookingForm({
  defaults,
  onClose,
  onBooked,
}: {
  defaults: BookingDefaults;
  onClose: () => void;
  onBooked?: () => void;
}) {
  const { timeZone } = useClinicTime();
  const [term, setTerm] = useState('');
  const [patientId, setPatientId] = useState<string | null>(defaults.patient?.id ?? null);
  const [type, setType] = useState<AppointmentTypeKey>(defaults.type ?? 'consultation');
  const [date, setDate] = useState(defaults.date);
  const [time, setTime] = useState(defaults.time ?? '09:00');
  const [duration, setDuration] = useState<number | string>('');
  const [chairId, setChairId] = useState<string | null>(defaults.chairId ?? null);
  const [clinicianId, setClinicianId] = useState<string | null>(defaults.clinicianId ?? null);
  const [protocolId, setProtocolId] = useState<string | null>(PROTOCOLS[0]?.value ?? null);
  const [notes, setNotes] = useState('');
  const search = usePatientSearchQuery(term);
  const types = useAppointmentTypes();
  const chairs = useChairs();
  const clinicians = useClinicians();
  const booking = useApiMutation(bookAppointment, { invalidates: [scheduleKeys.appointments()] });
  const setting = types.data?.find((t) => t.type === type);
  const chairOptions = (chairs.data ?? [])
    .filter((c) => !setting?.chairKind || c.kind === setting.chairKind)
    .map((c) => ({ value: c.id, label: c.name }));
  const clinicianOptions = (clinicians.data ?? [])
    .filter((c) => !setting || c.roles.some((r) => setting.roles.some((allowed) => allowed === r)))
    .map((c) => ({ value: c.userId, label: c.displayName }));
  const found = (search.data ?? []).map((p) => ({
    value: p.id,
    label: `${p.lastName}, ${p.firstName} (${p.mrn})`,
  }));
  const preset = defaults.patient;
  const patients =
    preset && !found.some((p) => p.value === preset.id)
      ? [{ value: preset.id, label: preset.label }, ...found]
      : found;

  const submit = async () => {
    if (!patientId) return;
    const body: BookAppointmentRequest = { patientId, type, start: localToIso(date, time, timeZone) };
    if (typeof duration === 'number') body.durationMin = duration;
    if (chairId) body.chairId = chairId;
    if (clinicianId) body.clinicianId = clinicianId;
    if (type === 'dosing' && protocolId) body.protocolId = protocolId;
    if (notes.trim()) body.notes = notes.trim();
    if ((await booking.run(body)).ok) {
      onBooked?.();
      onClose();
    }
  };
  const f = booking.fieldErrors;
  const shown = [
    'patientId',
    'type',
    'start',
    'durationMin',
    'chairId',
    'clinicianId',
    'protocolId',
    'notes',
  ];
  return (
    <Stack gap="xs">
      <Select
        label="Patient"
        required
        searchable
        data={patients}
        value={patientId}
        onChange={setPatientId}
        searchValue={term}
        onSearchChange={setTerm}
        filter={({ options }) => options}
        nothingFoundMessage="No patient found"
        error={f.patientId}
      />
      <Select
        label="Type"
        required
        allowDeselect={false}
        data={(types.data ?? []).map((t) => ({ value: t.type, label: t.label }))}
        value={type}
        onChange={(v) => v && setType(v as AppointmentTypeKey)}
        error={f.type}
      />
      <Group grow gap="xs">
        <TextInput
          type="date"
          label="Date"
          required
          value={date}
          onChange={(e) => setDate(e.currentTarget.value)}
          error={f.start}
        />
        <TextInput
          type="time"
          label="Time"
          required
          value={time}
          onChange={(e) => setTime(e.currentTarget.value)}
        />
        <NumberInput
          label="Minutes"
          placeholder={
            setting?.durationMin ? String(setting.durationMin) : type === 'dosing' ? 'From protocol' : ''
          }
          value={duration}
          onChange={setDuration}
          min={5}
          max={600}
          step={15}
          error={f.durationMin}
        />
      </Group>
      <Group grow gap="xs">
        <Select
          label="Chair or room"
          clearable
          data={chairOptions}
          value={chairId}
          onChange={setChairId}
          error={f.chairId}
        />
        <Select
          label="Clinician"
          clearable
          data={clinicianOptions}
          value={clinicianId}
          onChange={setClinicianId}
          error={f.clinicianId}
        />
      </Group>
      {type === 'dosing' && (
        <Select
          label="Protocol"
          data={PROTOCOLS}
          value={protocolId}
          onChange={setProtocolId}
          allowDeselect={false}
          error={f.protocolId}
        />
      )}
      <Textarea label="Notes" value={notes} onChange={(e) => setNotes(e.currentTarget.value)} autosize />
      <ErrorAlert error={search.error} title="Could not search patients" />
      <ErrorAlert
        error={booking.error}
        title="The appointment was not booked"
        extra={booking.unplaced(shown)}
      />
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          Close
        </Button>
        <Button onClick={submit} loading={booking.busy} disabled={!patientId || !date || !time}>
          Book
        </Button>
      </Group>
    </Stack>
  );
}

export function BookAppointmentModal({
  defaults,
  onClose,
  onBooked,
}: {
  defaults: BookingDefaults | null;
  onClose: () => void;
  /** Called after a booking succeeds (e.g. to refresh a list the booking changes). */
  onBooked?: () => void;
}) {
  return (
    <Modal
      opened={defaults !== null}
      onClose={onClose}
      title="Book appointment"
      size="lg"
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      {defaults && <BookingForm defaults={defaults} onClose={onClose} onBooked={onBooked} />}
    </Modal>
  );
}
