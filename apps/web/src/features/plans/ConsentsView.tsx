import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  ScrollArea,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import type { ConsentDocument, ConsentSignature } from '@plasticity/contracts';
import { useState } from 'react';
import { useMe } from '../../app/auth.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { useApiMutation } from '../../ui/useApiMutation.ts';
import { sessionKeys } from '../sessions/queries.ts';
import { consentPdfUrl, sha256Hex, signConsent, signConsentOnClinicDevice, withdrawConsent } from './api.ts';
import { planKeys, useConsents } from './queries.ts';

interface Props {
  patientId: string;
  /** The patient signs; staff see the status, download PDFs and record withdrawals. */
  mode: 'patient' | 'staff';
  canWithdraw: boolean;
  /** Staff may hand the patient a clinic device to sign here (clinic setting and role). */
  canHandDevice?: boolean;
}

/** Consent documents shown whole, the patient's signatures (with PDF), signing in the portal and withdrawal. */
export function ConsentsView({ patientId, mode, canWithdraw, canHandDevice = false }: Props) {
  const data = useConsents(patientId);
  if (data.error) return <ErrorAlert error={data.error} title="Could not load consents" />;
  if (!data.data) return <LoadingState />;
  const { documents, signatures } = data.data;
  return (
    <Stack gap="md">
      {documents.map((doc) => (
        <ConsentCard
          key={doc.id}
          patientId={patientId}
          doc={doc}
          signatures={signatures.filter((s) => s.kind === doc.kind)}
          mode={mode}
          canWithdraw={canWithdraw}
          canHandDevice={canHandDevice}
        />
      ))}
    </Stack>
  );
}

function ConsentCard({
  patientId,
  doc,
  signatures,
  mode,
  canWithdraw,
  canHandDevice,
}: {
  patientId: string;
  doc: ConsentDocument;
  signatures: ConsentSignature[];
  mode: Props['mode'];
  canWithdraw: boolean;
  canHandDevice: boolean;
}) {
  const me = useMe();
  const timeZone = me.clinic.timeZone;
  const active = signatures.find((s) => !s.withdrawnAt);
  const [open, setOpen] = useState(false);
  /** Signing on a clinic device handed to the patient (staff), rather than in the patient's portal. */
  const onDevice = mode === 'staff';
  const [typedName, setTypedName] = useState('');
  const [agree, setAgree] = useState(false);
  const [reason, setReason] = useState('');
  const [withdrawing, setWithdrawing] = useState(false);
  // A consent change makes the patient's consents, plans (missing consents) and sessions' checklists stale.
  const invalidates = [planKeys.patient(patientId), sessionKeys.details()];
  const signing = useApiMutation(
    async () => {
      const hash = await sha256Hex(doc.body);
      const body = {
        documentId: doc.id,
        typedName,
        agree: true as const,
        ...(hash ? { textSha256: hash } : {}),
      };
      return onDevice ? signConsentOnClinicDevice(patientId, body) : signConsent(patientId, body);
    },
    { invalidates },
  );
  const withdrawal = useApiMutation(
    (signatureId: string) => withdrawConsent(patientId, signatureId, reason),
    { invalidates },
  );
  const failure = signing.error ?? withdrawal.error;
  const busy = signing.busy || withdrawal.busy;
  const nameError = signing.fieldErrors.typedName;

  const sign = async () => {
    withdrawal.reset();
    if (!(await signing.run(undefined)).ok) return;
    setTypedName('');
    setAgree(false);
    setOpen(false);
  };
  const withdraw = async () => {
    if (!active) return;
    signing.reset();
    if (!(await withdrawal.run(active.id)).ok) return;
    setWithdrawing(false);
    setReason('');
  };

  return (
    <Card withBorder component="section" aria-label={doc.title}>
      <Group justify="space-between">
        <Title order={3} size="h4">
          {doc.title}
        </Title>
        {active ? (
          <Badge color="green.9" variant="filled">
            Signed
          </Badge>
        ) : (
          <Badge color="gray.7" variant="filled">
            Not signed
          </Badge>
        )}
      </Group>
      <Text size="xs" c="dimmed">
        Version {doc.version}
      </Text>
      {signatures.map((s) => (
        <Text key={s.id} size="sm" mt={4}>
          {s.withdrawnAt ? 'Withdrawn' : 'Signed'} — typed name “{s.typedName}”,{' '}
          {formatDateTime(s.signedAt, timeZone)}, version {s.documentVersion},{' '}
          {s.signedVia === 'clinic_device'
            ? `in the clinic on a clinic device handed over by ${s.handedBy?.name ?? 'staff'}`
            : 'in the patient portal'}
          {s.withdrawnAt
            ? `; withdrawn ${formatDateTime(s.withdrawnAt, timeZone)} (${s.withdrawnReason ?? ''})`
            : ''}{' '}
          ·{' '}
          <Anchor href={consentPdfUrl(patientId, s.id)} target="_blank" rel="noopener">
            PDF
          </Anchor>
        </Text>
      ))}
      {mode === 'patient' && !active && !open && (
        <Button mt="sm" onClick={() => setOpen(true)}>
          Read and sign
        </Button>
      )}
      {mode === 'staff' && canHandDevice && !active && !open && (
        <Button mt="sm" variant="default" onClick={() => setOpen(true)}>
          Sign on this device with the patient
        </Button>
      )}
      {open && (
        <Stack mt="sm" gap="sm">
          {onDevice && (
            <Alert color="blue" variant="light" title="Hand this device to the patient">
              The patient reads the document, ticks the box and types their own full name. It is recorded as
              signed in the clinic on a clinic device handed over by you.
            </Alert>
          )}
          <ScrollArea.Autosize
            mah={360}
            type="auto"
            offsetScrollbars
            viewportProps={{ tabIndex: 0, 'aria-label': `Full text: ${doc.title}`, role: 'document' }}
          >
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="consent-text">
              {doc.body}
            </Text>
          </ScrollArea.Autosize>
          <Checkbox
            label="I have read this document in full and I agree to it."
            checked={agree}
            onChange={(e) => setAgree(e.currentTarget.checked)}
          />
          <TextInput
            label={onDevice ? 'Patient: type your full name to sign' : 'Type your full name to sign'}
            value={typedName}
            onChange={(e) => setTypedName(e.currentTarget.value)}
            error={nameError}
            autoComplete="off"
          />
          <Group>
            <Button onClick={sign} loading={busy} disabled={!agree || typedName.trim().length === 0}>
              Sign electronically
            </Button>
            <Button variant="default" onClick={() => setOpen(false)}>
              Cancel
            </Button>
          </Group>
        </Stack>
      )}
      {active && canWithdraw && !withdrawing && (
        <Button mt="sm" variant="subtle" color="red.9" onClick={() => setWithdrawing(true)}>
          Withdraw consent
        </Button>
      )}
      {withdrawing && (
        <Stack mt="sm" gap="xs">
          <Alert color="yellow" variant="light">
            A plan that needs this consent cannot start or continue until it is signed again.
          </Alert>
          <Textarea
            label="Reason for withdrawal"
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
          <Group>
            <Button color="red.9" onClick={withdraw} loading={busy} disabled={!reason.trim()}>
              Confirm withdrawal
            </Button>
            <Button variant="default" onClick={() => setWithdrawing(false)}>
              Cancel
            </Button>
          </Group>
        </Stack>
      )}
      <ErrorAlert error={nameError ? null : failure} />
    </Card>
  );
}
