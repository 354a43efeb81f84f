import { Button, Group, Select, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { EDUCATION_TOPIC_LABELS, type EducationTopic, SaveEducationPageRequest } from '@plasticity/contracts';
import { useState } from 'react';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { issuesToFieldErrors } from '../../ui/forms.ts';
import { useApiMutation } from '../../ui/useApiMutation.ts';
import { useClinicTime } from '../../ui/useClinicTime.ts';
import { type EducationPageT, saveEducationPage } from './api.ts';
import { educationKeys } from './queries.ts';

const TOPICS = Object.entries(EDUCATION_TOPIC_LABELS).map(([value, label]) => ({ value, label }));
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

interface Fields {
  slug: string;
  title: string;
  summary: string;
  topic: EducationTopic;
  body: string;
  changeNote: string;
}

const fieldsOf = (p: EducationPageT | null): Fields => ({
  slug: p?.slug ?? '',
  title: p?.title ?? '',
  summary: p?.summary ?? '',
  topic: p?.topic ?? 'treatment',
  body: p?.body ?? '',
  changeNote: '',
});

/**
 * Edits one education page (or starts a new one when `page` is null): saving makes a new version, the old
 * one stays in the list below. The body is plain text: "## " starts a heading, "- " a list line.
 */
export function EducationEditor({ page, onDone }: { page: EducationPageT | null; onDone: () => void }) {
  const t = useClinicTime();
  const [f, setF] = useState<Fields>(() => fieldsOf(page));
  const [local, setLocal] = useState<Record<string, string>>({});
  const saving = useApiMutation(
    (v: Fields) =>
      saveEducationPage(v.slug, {
        title: v.title,
        summary: v.summary,
        topic: v.topic,
        body: v.body,
        ...(v.changeNote.trim() ? { changeNote: v.changeNote.trim() } : {}),
      }),
    { invalidates: [educationKeys.all] },
  );
  const set = (k: keyof Fields) => (value: string) => setF((x) => ({ ...x, [k]: value }));
  const errorFor = (k: string) => local[k] ?? saving.fieldErrors[k];

  const save = async () => {
    const errors: Record<string, string> = {};
    if (!page && !SLUG.test(f.slug))
      errors.slug = 'Use lower-case words joined by hyphens, like parking-and-arrival';
    const parsed = SaveEducationPageRequest.safeParse({
      title: f.title,
      summary: f.summary,
      topic: f.topic,
      body: f.body,
    });
    if (!parsed.success) Object.assign(errors, issuesToFieldErrors(parsed.error.issues));
    setLocal(errors);
    if (Object.keys(errors).length > 0) return;
    const r = await saving.run(f);
    if (r.ok) onDone();
  };

  return (
    <Stack gap="sm">
      <ErrorAlert error={saving.error} title="Could not save the page" />
      {!page && (
        <TextInput
          label="Web address name"
          description="Lower-case words joined by hyphens; it cannot be changed later."
          value={f.slug}
          onChange={(e) => set('slug')(e.currentTarget.value)}
          error={errorFor('slug')}
          required
        />
      )}
      <TextInput
        label="Title"
        value={f.title}
        onChange={(e) => set('title')(e.currentTarget.value)}
        error={errorFor('title')}
        required
      />
      <Textarea
        label="Summary"
        description="One or two sentences shown in the list of pages."
        value={f.summary}
        onChange={(e) => set('summary')(e.currentTarget.value)}
        error={errorFor('summary')}
        autosize
        minRows={2}
      />
      <Select
        label="Topic"
        data={TOPICS}
        value={f.topic}
        onChange={(v) => v && set('topic')(v)}
        allowDeselect={false}
        error={errorFor('topic')}
      />
      <Textarea
        label="Text"
        description='Plain text. Start a line with "## " for a heading and "- " for a list item; leave a blank line between paragraphs.'
        value={f.body}
        onChange={(e) => set('body')(e.currentTarget.value)}
        error={errorFor('body')}
        autosize
        minRows={12}
        maxRows={30}
        required
      />
      <TextInput
        label="What changed (optional)"
        value={f.changeNote}
        onChange={(e) => set('changeNote')(e.currentTarget.value)}
        error={errorFor('changeNote')}
      />
      <Group>
        <Button onClick={save} loading={saving.busy}>
          {page ? 'Save as a new version' : 'Create page'}
        </Button>
        <Button variant="default" onClick={onDone}>
          Cancel
        </Button>
      </Group>
      {page && page.versions.length > 0 && (
        <>
          <Title order={3} size="h5" mt="md">
            Versions
          </Title>
          <Table withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Version</Table.Th>
                <Table.Th>Saved</Table.Th>
                <Table.Th>By</Table.Th>
                <Table.Th>What changed</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {page.versions.map((v) => (
                <Table.Tr key={v.version}>
                  <Table.Td>
                    {v.version}
                    {v.status === 'current' ? ' (current)' : ''}
                  </Table.Td>
                  <Table.Td>{t.dateTime(v.createdAt)}</Table.Td>
                  <Table.Td>{v.editedByName ?? 'Plasticity default'}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{v.changeNote ?? ''}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </Stack>
  );
}
