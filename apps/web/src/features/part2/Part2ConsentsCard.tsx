import { Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { Part2Consent } from '@plasticity/contracts';
import { useState } from 'react';
import { useMe } from '../../app/auth.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { useClinicTime } from '../../ui/useClinicTime.ts';
import { part2ConsentPdfUrl, usePart2Consents } from './api.ts';
import { DisclosuresTable } from './DisclosuresTable.tsx';
import { STATUS_LABELS, scopeLabel, statusOf } from './labels.ts';
import { RecordPart2ConsentForm } from './RecordPart2ConsentForm.tsx';
import { RevokePart2Consent } from './RevokePart2Consent.tsx';

/** The roles shown the accounting of disclosures (as the server's route allows). */
const ACCOUNTING_READERS = ['admin', 'prescriber'];

const TITLE = 'Disclosure consents (42 CFR Part 2)';

/**
 * The patient's written consents to disclose their substance use disorder records to a named system client
 * (42 CFR 2.31), whether each is in force, with its PDF; recording one, revoking it or marking it entered in
 * error; and, for the admin and prescribers, the accounting of disclosures made under them (42 CFR 2.25).
 */
export function Part2ConsentsCard({ patientId }: { patientId: string }) {
  const me = useMe();
  const data = usePart2Consents(patientId);
  const [recording, setRecording] = useState(false);
  return (
    <Card withBorder component="section" aria-label={TITLE}>
      <Title order={3} size="h4">
        {TITLE}
      </Title>
      <Text size="sm" c="dimmed">
        A system client receives this patient’s records only under a consent in force that names it.
      </Text>
      {data.error ? (
        <ErrorAlert error={data.error} title="Could not load the disclosure consents" />
      ) : !data.data ? (
        <LoadingState />
      ) : data.data.length === 0 ? (
        <Text size="sm" mt="sm">
          No disclosure consent recorded.
        </Text>
      ) : (
        <Stack gap="xs" mt="sm">
          {data.data.map((c) => (
            <ConsentRow key={c.id} patientId={patientId} consent={c} />
          ))}
        </Stack>
      )}
      {recording ? (
        <RecordPart2ConsentForm patientId={patientId} onDone={() => setRecording(false)} />
      ) : (
        <Group mt="sm">
          <Button variant="default" onClick={() => setRecording(true)}>
            Record a disclosure consent
          </Button>
        </Group>
      )}
      {ACCOUNTING_READERS.includes(me.role) && <DisclosuresTable patientId={patientId} />}
    </Card>
  );
}

function ConsentRow({ patientId, consent: c }: { patientId: string; consent: Part2Consent }) {
  const time = useClinicTime();
  const status = STATUS_LABELS[statusOf(c)];
  const open = !c.revokedAt && !c.enteredInErrorAt;
  const expiry = [c.expiresOn ? time.date(c.expiresOn) : null, c.expiryEvent]
    .filter(Boolean)
    .join(' or upon ');
  return (
    <Card
      withBorder
      padding="sm"
      component="article"
      aria-label={`Consent to disclose to ${c.recipientName}`}
    >
      <Group justify="space-between" wrap="nowrap">
        <Text fw={600}>To {c.recipientName}</Text>
        <Badge color={status.color} variant="filled">
          {status.label}
        </Badge>
      </Group>
      <Text size="sm">Purpose: {c.purpose}</Text>
      <Text size="sm">
        Information: {c.information} ({scopeLabel(c.resourceTypes)})
      </Text>
      <Text size="sm">Expires: {expiry}</Text>
      <Text size="sm">
        Signed by {c.signedByName} on {time.date(c.signedOn)}
        {c.recordedByName ? `, recorded by ${c.recordedByName}` : ''} ·{' '}
        <Anchor href={part2ConsentPdfUrl(patientId, c.id)} target="_blank" rel="noopener">
          PDF
        </Anchor>
      </Text>
      {c.revokedAt && (
        <Text size="sm">
          Revoked {time.date(c.revokedAt)}: {c.revokedReason}
        </Text>
      )}
      {c.enteredInErrorAt && (
        <Text size="sm">
          Entered in error, marked {time.date(c.enteredInErrorAt)}: {c.enteredInErrorReason}
        </Text>
      )}
      {open && (
        <Group gap="xs" mt={4}>
          <RevokePart2Consent patientId={patientId} consent={c} kind="revoked" />
          <RevokePart2Consent patientId={patientId} consent={c} kind="entered_in_error" />
        </Group>
      )}
    </Card>
  );
}
