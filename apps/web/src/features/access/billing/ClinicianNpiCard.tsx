/** The admin sets each clinician's NPI, printed as the rendering provider on superbills. */

import { Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import type { RenderingClinician } from '@plasticity/contracts';
import { useState } from 'react';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { roleLabel } from '../../../ui/format.ts';
import { LoadingState } from '../../../ui/LoadingState.tsx';
import { useApiMutation } from '../../../ui/useApiMutation.ts';
import { setClinicianNpi } from './api.ts';
import { billingKeys, useRenderingClinicians } from './queries.ts';

function NpiRow({ clinician }: { clinician: RenderingClinician }) {
  const [npi, setNpi] = useState(clinician.npi ?? '');
  const saving = useApiMutation((value: string | null) => setClinicianNpi(clinician.id, value), {
    invalidates: [billingKeys.clinicians()],
  });
  return (
    <Group align="end" wrap="wrap">
      <TextInput
        label={`${clinician.name} (${roleLabel(clinician.role)})`}
        description="National Provider Identifier, ten digits"
        inputMode="numeric"
        value={npi}
        onChange={(e) => setNpi(e.currentTarget.value)}
        error={saving.fieldErrors.npi}
        w={320}
      />
      <Button
        variant="light"
        loading={saving.busy}
        onClick={() => saving.run(npi.trim() ? npi.trim() : null)}
      >
        Save NPI
      </Button>
      <ErrorAlert error={saving.error} title="The NPI was not saved" extra={saving.unplaced(['npi'])} />
    </Group>
  );
}

export function ClinicianNpiCard() {
  const q = useRenderingClinicians();
  if (q.error) return <ErrorAlert error={q.error} title="Could not load the clinicians" />;
  if (!q.data) return <LoadingState />;
  return (
    <Card withBorder component="section" aria-label="Clinicians on superbills">
      <Title order={3} size="h4" mb="xs">
        Clinicians on superbills
      </Title>
      {q.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          No clinicians yet.
        </Text>
      ) : (
        <Stack gap="sm">
          {q.data.map((c) => (
            <NpiRow key={c.id} clinician={c} />
          ))}
        </Stack>
      )}
    </Card>
  );
}
