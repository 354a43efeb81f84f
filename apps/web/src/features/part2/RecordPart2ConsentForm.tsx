import { Button, Checkbox, Group, Radio, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { PART2_RESOURCE_TYPES, type Part2ResourceType } from '@plasticity/contracts';
import { useState } from 'react';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useApiMutation } from '../../ui/useApiMutation.ts';
import { useClinicTime } from '../../ui/useClinicTime.ts';
import { clinicToday } from '../scheduling/clinicClock.ts';
import { part2Keys, recordPart2Consent, usePart2Recipients } from './api.ts';
import { RESOURCE_TYPE_LABELS } from './labels.ts';

/** The form's fields: their errors (from the server's 400) show on them, the rest in the error box. */
const SHOWN = [
  'recipientClientId',
  'purpose',
  'resourceTypes',
  'information',
  'expiresOn',
  'expiryEvent',
  'signedByName',
  'signedOn',
];
const isUnder = (key: string, field: string) => key === field || key.startsWith(`${field}.`);
const errorUnder = (errors: Record<string, string>, field: string) =>
  Object.entries(errors).find(([k]) => isUnder(k, field))?.[1];

/**
 * Records a patient's signed 42 CFR Part 2 disclosure consent, with the elements of 42 CFR 2.31(a): the
 * recipient (one of the clinic's system clients), the purpose, the information, the expiry date or event, who
 * signed and when. The server checks every rule and names the field it refuses.
 */
export function RecordPart2ConsentForm({ patientId, onDone }: { patientId: string; onDone: () => void }) {
  const recipients = usePart2Recipients();
  const [recipientClientId, setRecipient] = useState<string | null>(null);
  const [purpose, setPurpose] = useState('');
  const [scope, setScope] = useState<'all' | 'some'>('all');
  const [types, setTypes] = useState<Part2ResourceType[]>([]);
  const [information, setInformation] = useState('');
  const [expiresOn, setExpiresOn] = useState('');
  const [expiryEvent, setExpiryEvent] = useState('');
  const [signedByName, setSignedByName] = useState('');
  // The clinic's date, not the browser's: the server refuses a signature dated after the clinic's today.
  const { timeZone } = useClinicTime();
  const [signedOn, setSignedOn] = useState(() => clinicToday(timeZone));
  const recording = useApiMutation(
    () =>
      recordPart2Consent(patientId, {
        recipientClientId: recipientClientId ?? '',
        purpose,
        resourceTypes: scope === 'all' ? null : types,
        information,
        expiresOn: expiresOn || null,
        expiryEvent: expiryEvent.trim() ? expiryEvent : null,
        signedByName,
        signedOn,
      }),
    { invalidates: [part2Keys.patient(patientId)], onSuccess: onDone },
  );
  const errors = recording.fieldErrors;
  const noRecipients = recipients.data?.length === 0;

  return (
    <Stack gap="sm" mt="sm" component="form" onSubmit={(e) => e.preventDefault()}>
      <Select
        label="Recipient"
        description={
          noRecipients
            ? 'The clinic has no system client yet: an administrator registers one under System clients.'
            : 'The organization’s system client that will receive the records'
        }
        data={(recipients.data ?? []).map((r) => ({ value: r.id, label: r.name }))}
        value={recipientClientId}
        onChange={setRecipient}
        error={errors.recipientClientId}
        disabled={!recipients.data}
      />
      <ErrorAlert error={recipients.error} title="Could not load the system clients" />
      <Textarea
        label="Purpose of the disclosure"
        value={purpose}
        onChange={(e) => setPurpose(e.currentTarget.value)}
        error={errors.purpose}
      />
      <Radio.Group
        label="Records covered"
        value={scope}
        onChange={(v) => setScope(v === 'some' ? 'some' : 'all')}
        error={scope === 'all' ? errorUnder(errors, 'resourceTypes') : undefined}
      >
        <Group mt={4}>
          <Radio value="all" label="All records" />
          <Radio value="some" label="Only these kinds" />
        </Group>
      </Radio.Group>
      {scope === 'some' && (
        <Checkbox.Group
          label="Kinds of record"
          value={types}
          onChange={(v) => setTypes(PART2_RESOURCE_TYPES.filter((t) => v.includes(t)))}
          error={errorUnder(errors, 'resourceTypes')}
        >
          <Group mt={4}>
            {PART2_RESOURCE_TYPES.map((t) => (
              <Checkbox key={t} value={t} label={RESOURCE_TYPE_LABELS[t]} />
            ))}
          </Group>
        </Checkbox.Group>
      )}
      <Textarea
        label="Information to be disclosed, as written on the signed form"
        value={information}
        onChange={(e) => setInformation(e.currentTarget.value)}
        error={errors.information}
      />
      <Group grow align="flex-start">
        <TextInput
          type="date"
          label="Expires on"
          value={expiresOn}
          onChange={(e) => setExpiresOn(e.currentTarget.value)}
          error={errors.expiresOn}
        />
        <TextInput
          label="Or expires upon (event)"
          value={expiryEvent}
          onChange={(e) => setExpiryEvent(e.currentTarget.value)}
          error={errors.expiryEvent}
        />
      </Group>
      <Group grow align="flex-start">
        <TextInput
          label="Signed by (patient or authorized person)"
          value={signedByName}
          onChange={(e) => setSignedByName(e.currentTarget.value)}
          error={errors.signedByName}
          autoComplete="off"
        />
        <TextInput
          type="date"
          label="Date signed"
          value={signedOn}
          onChange={(e) => setSignedOn(e.currentTarget.value)}
          error={errors.signedOn}
        />
      </Group>
      <ErrorAlert
        error={recording.error}
        title="The consent was not recorded"
        extra={recording.unplaced(Object.keys(errors).filter((k) => SHOWN.some((f) => isUnder(k, f))))}
      />
      <Group>
        <Button type="submit" onClick={() => void recording.run(undefined)} loading={recording.busy}>
          Record consent
        </Button>
        <Button variant="default" onClick={onDone}>
          Cancel
        </Button>
      </Group>
    </Stack>
  );
}
