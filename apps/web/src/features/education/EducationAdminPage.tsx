import { Button, Card, Group, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { EDUCATION_TOPIC_LABELS } from '@plasticity/contracts';
import { useState } from 'react';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { useClinicTime } from '../../ui/useClinicTime.ts';
import { EducationEditor } from './EducationEditor.tsx';
import { useEducationPage, useEducationPages } from './queries.ts';

/**
 * Staff (admin and prescriber): the clinic's education pages. Each starts as Plasticity's default text;
 * an edit is saved as a new version and patients see that the page changed since they read it.
 */
export function EducationAdminPage() {
  const t = useClinicTime();
  const pages = useEducationPages();
  const [editing, setEditing] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const page = useEducationPage(editing);

  return (
    <Stack gap="md">
      <div>
        <Title order={1}>Patient education</Title>
        <Text size="sm" c="dimmed">
          The pages patients read in the portal. Saving an edit makes a new version; earlier versions are
          kept, and patients who read an earlier version see that the page changed.
        </Text>
      </div>
      <ErrorAlert error={pages.error ?? page.error} title="Could not load the pages" />
      {editing || creating ? (
        <Card withBorder>
          <Title order={2} size="h4" mb="sm">
            {creating ? 'New page' : (page.data?.title ?? 'Edit page')}
          </Title>
          {creating ? (
            <EducationEditor page={null} onDone={() => setCreating(false)} />
          ) : page.data ? (
            <EducationEditor
              key={`${page.data.slug}-${page.data.version}`}
              page={page.data}
              onDone={() => setEditing(null)}
            />
          ) : (
            <LoadingState />
          )}
        </Card>
      ) : (
        <>
          <Group>
            <Button onClick={() => setCreating(true)}>New page</Button>
          </Group>
          {!pages.data && !pages.error && <LoadingState />}
          {pages.data && (
            <Table withTableBorder striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Page</Table.Th>
                  <Table.Th>Topic</Table.Th>
                  <Table.Th>Version</Table.Th>
                  <Table.Th>Last saved</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>Actions</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {pages.data.map((p) => (
                  <Table.Tr key={p.slug}>
                    <Table.Td>{p.title}</Table.Td>
                    <Table.Td>{EDUCATION_TOPIC_LABELS[p.topic]}</Table.Td>
                    <Table.Td>{p.version}</Table.Td>
                    <Table.Td>{t.date(p.updatedAt)}</Table.Td>
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="light"
                        onClick={() => setEditing(p.slug)}
                        aria-label={`Edit ${p.title}`}
                      >
                        Edit
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </>
      )}
    </Stack>
  );
}
