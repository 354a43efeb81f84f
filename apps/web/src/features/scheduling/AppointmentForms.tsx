/**
 * The forms of an appointment's details: move it (date, time, length, chair, clinician — the keyboard
 * alternative to dragging), cancel with a reason, mark a no-show. Each shows the server's answer (a clash
 * names the chair or clinician and the time) and keeps what was typed after a failure.
 */
import { Button, Checkbox, Group, NumberInput, Select, Stack, Textarea, TextInput } from '@mantine/core';
import type { Appointment, RescheduleAppointmentRequest } from '@plasticity/contracts';
import { useState } from 'react';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useClinicTime } from '../../ui/useClinicTime.ts';
import { isoToLocal, localToIso } from './clinicClock.ts';
import { useChairs, useClinicians } from './queries.ts';
import { useCancelAppointment, useNoShow, useReschedule } from './useAppointmentActions.ts';

const NONE = '';

export function RescheduleForm({ appointment: a, onDone }: { appointment: Appointment; onDone: () => void }) {
  const { timeZone } = useClinicTime();
  const start = isoToLocal(a.start, timeZone);
  const [date, setDate] = useState(start.date);
  const [time, setTime] = useState(start.time);
  const [duration, setDuration] = useState<number | string>(a.durationMin);
  const [chairId, setChairId] = useState<string>(a.chairId ?? NONE);
  const [clinicianId, setClinicianId] = useState<string>(a.clinicianId ?? NONE);
  const [reason, setReason] = useState('');
  const chairs = useChairs();
  const clinicians = useClinicians();
  const moving = useReschedule();
  const submit = async () => {
    const body: RescheduleAppointmentRequest = { start: localToIso(date, time, timeZone) };
    if (typeof duration === 'number' && duration !== a.durationMin) body.durationMin = duration;
    if (chairId !== (a.chairId ?? NONE)) body.chairId = chairId || null;
    if (clinicianId !== (a.clinicianId ?? NONE)) body.clinicianId = clinicianId || null;
    if (reason.trim()) body.reason = reason.trim();
    if ((await moving.run({ id: a.id, body })).ok) onDone();
  };
  return (
    <Stack gap="xs">
      <Group grow gap="xs">
        <TextInput type="date" label="Date" value={date} onChange={(e) => setDate(e.currentTarget.value)} />
        <TextInput type="time" label="Time" value={time} onChange={(e) => setTime(e.currentTarget.value)} />
        <NumberInput label="Minutes" value={duration} onChange={setDuration} min={5} max={600} step={15} />
      </Group>
      <Group grow gap="xs">
        <Select
          label="Chair or room"
          value={chairId}
          onChange={(v) => setChairId(v ?? NONE)}
          data={[
            { value: NONE, label: 'No chair' },
            ...(chairs.data ?? []).map((c) => ({ value: c.id, label: c.name })),
          ]}
        />
        <Select
          label="Clinician"
          value={clinicianId}
          onChange={(v) => setClinicianId(v ?? NONE)}
          data={[
            { value: NONE, label: 'No clinician' },
            ...(clinicians.data ?? []).map((c) => ({ value: c.userId, label: c.displayName })),
          ]}
        />
      </Group>
      <TextInput
        label="Reason (optional)"
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
      />
      <ErrorAlert error={moving.error} title="The appointment was not moved" />
      <Group>
        <Button onClick={submit} loading={moving.busy} disabled={!date || !time}>
          Move appointment
        </Button>
      </Group>
    </Stack>
  );
}

export function CancelForm({ appointment: a, onDone }: { appointment: Appointment; onDone: () => void }) {
  const [reason, setReason] = useState('');
  const [late, setLate] = useState(false);
  const cancelling = useCancelAppointment();
  const submit = async () => {
    const body = { reason: reason.trim(), ...(late ? { late: true } : {}) };
    if ((await cancelling.run({ id: a.id, body })).ok) onDone();
  };
  return (
    <Stack gap="xs">
      <Textarea
        label="Reason for cancelling"
        required
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={cancelling.fieldErrors.reason}
        autosize
        minRows={2}
      />
      <Checkbox
        label="Late cancellation (inside the clinic’s notice period)"
        checked={late}
        onChange={(e) => setLate(e.currentTarget.checked)}
      />
      <ErrorAlert error={cancelling.error} title="The appointment was not cancelled" />
      <Group>
        <Button color="red.9" onClick={submit} loading={cancelling.busy} disabled={!reason.trim()}>
          Cancel appointment
        </Button>
      </Group>
    </Stack>
  );
}

export function NoShowForm({ appointment: a, onDone }: { appointment: Appointment; onDone: () => void }) {
  const [note, setNote] = useState('');
  const marking = useNoShow();
  const submit = async () => {
    const body = note.trim() ? { note: note.trim() } : {};
    if ((await marking.run({ id: a.id, body })).ok) onDone();
  };
  return (
    <Stack gap="xs">
      <TextInput label="Note (optional)" value={note} onChange={(e) => setNote(e.currentTarget.value)} />
      <ErrorAlert error={marking.error} title="The no-show was not recorded" />
      <Group>
        <Button color="orange.9" onClick={submit} loading={marking.busy}>
          Mark no-show
        </Button>
      </Group>
    </Stack>
  );
}
