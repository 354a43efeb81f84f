import { Alert, DataList, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useAuth, useMe } from '../../app/auth.tsx';
import { roleLabel } from '../../ui/format.ts';
import { HandoverCard } from '../notes/HandoverCard.tsx';
import { MfaSetup } from './MfaSetup.tsx';

export function AccountPage() {
  const me = useMe();
  const { refresh } = useAuth();
  const [justEnabled, setJustEnabled] = useState(false);

  const finish = () => {
    setJustEnabled(true);
    // Re-read /me so mfaEnabled (and the reminder banner) update; a failure is harmless here.
    refresh().catch(() => {});
  };

  return (
    <Stack gap="md" maw={640}>
      <Title order={1}>Account</Title>
      <Paper withBorder p="md">
        <Title order={2} mb="xs">
          Profile
        </Title>
        <DataList size="sm" gap={6}>
          <DataList.Item>
            <DataList.ItemLabel>Name</DataList.ItemLabel>
            <DataList.ItemValue>{me.displayName}</DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>Email</DataList.ItemLabel>
            <DataList.ItemValue>{me.email}</DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>Role</DataList.ItemLabel>
            <DataList.ItemValue>{roleLabel(me.role)}</DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>Clinic</DataList.ItemLabel>
            <DataList.ItemValue>{me.clinic.name}</DataList.ItemValue>
          </DataList.Item>
        </DataList>
      </Paper>
      <Paper withBorder p="md">
        <Title order={2} mb="xs">
          Two-step verification
        </Title>
        {me.mfaEnabled || justEnabled ? (
          <Alert color="green" variant="light" role="status">
            Two-step verification is on. You will be asked for a code from your authenticator app when you
            sign in. If you lose your phone and your recovery codes, ask a clinic admin to reset it.
          </Alert>
        ) : (
          <Stack gap="xs">
            {me.mfaRequired && (
              <Text size="sm" fw={600}>
                Your role requires two-step verification.
              </Text>
            )}
            <MfaSetup onDone={finish} />
          </Stack>
        )}
      </Paper>
      <HandoverCard />
    </Stack>
  );
}
