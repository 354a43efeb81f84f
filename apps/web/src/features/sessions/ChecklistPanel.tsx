/**
 * The pre-dose checklist: every item with its state and why it fails; attested items are set
 * here (escort with name and phone; pregnancy test may be "not applicable"; prescriber on site for REMS;
 * REMS enrolment with the patient's REMS enrolment identifier and date — the setting's certification comes
 * from clinic settings). A plan, eligibility decision or consent for another drug or route is marked as one
 * no override passes.
 */
import { Badge, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconCheck, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { unplacedFieldErrors } from '../../api/errors.ts';
import { useMe } from '../../app/auth.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useApiMutation } from '../../ui/useApiMutation.ts';
import { type SessionRecord, setChecklist } from './api.ts';

export function ChecklistPanel({ s, onChange }: { s: SessionRecord; onChange: (s: SessionRecord) => void }) {
  const me = useMe();
  const [escortName, setEscortName] = useState(s.escort?.name ?? '');
  const [escortPhone, setEscortPhone] = useState(s.escort?.phone ?? '');
  const [remsId, setRemsId] = useState('');
  const [remsDate, setRemsDate] = useState('');
  const update = useApiMutation(
    ({ key, body }: { key: string; body: Parameters<typeof setChecklist>[2] }) =>
      setChecklist(s.id, key, body),
    { onSuccess: onChange },
  );
  const error = update.error;
  const fe = update.fieldErrors;
  const editable = s.checklistApplies && (me.role === 'nurse' || me.role === 'prescriber');
  const set = async (key: string, body: Parameters<typeof setChecklist>[2]) => {
    await update.run({ key, body });
  };
  /** The button that sent the pending change shows loading; every checklist button waits for it. */
  const pending = (key: string, status = 'done') => ({
    loading: update.busy && update.variables?.key === key && update.variables.body.status === status,
    disabled: update.busy,
  });
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="xs">
        Pre-dose checklist
      </Title>
      <Stack gap={6}>
        {s.checklist.map((i) => (
          <Group
            key={i.key}
            justify="space-between"
            wrap="nowrap"
            align="flex-start"
            data-testid={`check-${i.key}`}
          >
            <Group gap={8} wrap="nowrap" align="flex-start">
              {i.passed ? (
                <IconCheck size={18} color="var(--mantine-color-green-7)" aria-label="passed" />
              ) : (
                <IconX size={18} color="var(--mantine-color-red-7)" aria-label="failing" />
              )}
              <div>
                <Text size="sm" fw={500}>
                  {i.label}
                </Text>
                <Text size="xs" c={i.passed ? 'dimmed' : 'red.8'}>
                  {i.message}
                </Text>
                {!i.passed && i.overridable === false && (
                  <Badge size="xs" color="red" variant="outline" mt={2}>
                    Cannot be overridden
                  </Badge>
                )}
              </div>
            </Group>
            {editable && i.attested && !i.passed && i.key !== 'escort' && i.key !== 'rems_enrolled' && (
              <Group gap={4} wrap="nowrap">
                <Button
                  size="xs"
                  variant="light"
                  onClick={() =>
                    set(
                      i.key,
                      i.key === 'prescriber_on_site' && me.role === 'prescriber'
                        ? { status: 'done', prescriberOnSiteId: me.id }
                        : { status: 'done' },
                    )
                  }
                  aria-label={`Confirm ${i.label}`}
                  {...pending(i.key)}
                >
                  {i.key === 'prescriber_on_site' ? 'I am on site' : 'Confirm'}
                </Button>
                {i.allowNotApplicable && (
                  <Button
                    size="xs"
                    variant="subtle"
                    onClick={() => set(i.key, { status: 'not_applicable' })}
                    {...pending(i.key, 'not_applicable')}
                  >
                    Not applicable
                  </Button>
                )}
              </Group>
            )}
            {i.attested && i.passed && (
              <Badge variant="light" color="green">
                {i.attestation?.status === 'not_applicable' ? 'n/a' : 'done'}
              </Badge>
            )}
          </Group>
        ))}
        {editable && s.checklist.some((i) => i.key === 'rems_enrolled' && !i.passed) && (
          <Group align="flex-start" data-testid="rems-enrolment-form">
            <TextInput
              label="Patient REMS enrolment ID"
              value={remsId}
              onChange={(e) => setRemsId(e.currentTarget.value)}
              error={fe.remsEnrolmentId}
              required
            />
            <TextInput
              label="REMS enrolment date"
              type="date"
              value={remsDate}
              onChange={(e) => setRemsDate(e.currentTarget.value)}
              error={fe.remsEnrolledOn}
              required
            />
            <Button
              variant="light"
              mt={24}
              {...pending('rems_enrolled')}
              onClick={() =>
                set('rems_enrolled', {
                  status: 'done',
                  ...(remsId.trim() ? { remsEnrolmentId: remsId.trim() } : {}),
                  ...(remsDate ? { remsEnrolledOn: remsDate } : {}),
                })
              }
            >
              Record REMS enrolment
            </Button>
          </Group>
        )}
        {editable && !s.checklist.find((i) => i.key === 'escort')?.passed && (
          <Group align="flex-end">
            <TextInput
              label="Escort name"
              error={fe.escortName}
              value={escortName}
              onChange={(e) => setEscortName(e.currentTarget.value)}
            />
            <TextInput
              label="Escort phone"
              error={fe.escortPhone}
              value={escortPhone}
              onChange={(e) => setEscortPhone(e.currentTarget.value)}
            />
            <Button
              variant="light"
              {...pending('escort')}
              onClick={() => set('escort', { status: 'done', escortName, escortPhone })}
            >
              Confirm escort
            </Button>
          </Group>
        )}
        <ErrorAlert
          error={error}
          title="Could not update the checklist"
          extra={
            error instanceof ApiError && error.code === 'validation_failed'
              ? unplacedFieldErrors(fe, ['remsEnrolmentId', 'remsEnrolledOn', 'escortName', 'escortPhone'])
              : []
          }
        />
      </Stack>
    </Card>
  );
}
