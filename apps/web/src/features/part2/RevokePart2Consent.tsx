import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import type { Part2Consent, RevokePart2ConsentRequest } from '@plasticity/contracts';
import { useState } from 'react';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useApiMutation } from '../../ui/useApiMutation.ts';
import { part2Keys, revokePart2Consent } from './api.ts';

type Kind = RevokePart2ConsentRequest['kind'];

const WORDS: Record<Kind, { button: string; title: string; confirm: string; explain: string }> = {
  revoked: {
    button: 'Record revocation',
    title: 'Record that the patient revoked this consent',
    confirm: 'Confirm revocation',
    explain:
      'From now on the recipient receives none of the patient’s records under this consent. Releases already made stay in the accounting of disclosures.',
  },
  entered_in_error: {
    button: 'Mark entered in error',
    title: 'Mark this consent as entered in error',
    confirm: 'Confirm entered in error',
    explain:
      'The consent was recorded by mistake: no release is made under it from now on. It stays in the record, marked.',
  },
};

/** Revoking a consent, or marking it entered in error, after a confirmation with a reason (never deleted). */
export function RevokePart2Consent({
  patientId,
  consent,
  kind,
}: {
  patientId: string;
  consent: Part2Consent;
  kind: Kind;
}) {
  const words = WORDS[kind];
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const revoking = useApiMutation(
    (r: string) => revokePart2Consent(patientId, consent.id, { kind, reason: r }),
    {
      invalidates: [part2Keys.patient(patientId)],
      onSuccess: () => {
        setOpen(false);
        setReason('');
      },
    },
  );
  return (
    <>
      <Button size="compact-sm" variant="default" onClick={() => setOpen(true)}>
        {words.button}
      </Button>
      <Modal
        opened={open}
        onClose={() => setOpen(false)}
        title={words.title}
        closeButtonProps={{ 'aria-label': 'Close' }}
      >
        <Stack gap="sm">
          <Text size="sm">
            Consent to disclose to {consent.recipientName} for: {consent.purpose}
          </Text>
          <Text size="sm">{words.explain}</Text>
          <Textarea
            label="Reason"
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={revoking.fieldErrors.reason}
          />
          <ErrorAlert error={revoking.fieldErrors.reason ? null : revoking.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button
              color="red.9"
              onClick={() => void revoking.run(reason.trim())}
              loading={revoking.busy}
              disabled={!reason.trim()}
            >
              {words.confirm}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
