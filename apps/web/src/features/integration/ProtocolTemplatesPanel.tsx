/**
 * Protocol templates per indication in the protocol library: each with its evidence, cadence, therapy,
 * instruments and sources (what was verified and what was not); "Start a draft" makes a DRAFT protocol in the
 * clinic's library for the medical director to adapt and activate. Nothing is applied by itself.
 */
import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  List,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import type { ProtocolTemplateItem } from '@plasticity/contracts';
import { useState } from 'react';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { indicationLabel, instrumentLabel } from '../../ui/labels.ts';
import { useApiMutation } from '../../ui/useApiMutation.ts';
import { planKeys } from '../plans/queries.ts';
import { draftFromTemplate } from './api.ts';
import { useProtocolTemplates } from './queries.ts';

const EVIDENCE: Record<ProtocolTemplateItem['evidence'], { label: string; color: string }> = {
  randomized_trial: { label: 'Randomized trial', color: 'green.9' },
  open_label: { label: 'Open-label study', color: 'yellow.4' },
  weak: { label: 'Weak evidence', color: 'orange.3' },
};

const CADENCE: Record<string, string> = {
  before_each_session: 'before each session',
  weekly: 'weekly',
  monthly: 'monthly',
};

function TemplateCard({ t }: { t: ProtocolTemplateItem }) {
  const [name, setName] = useState('');
  const [made, setMade] = useState<string | null>(null);
  const drafting = useApiMutation(() => draftFromTemplate(t.key, name.trim() ? { name: name.trim() } : {}), {
    invalidates: [planKeys.protocols()],
    onSuccess: (p) => setMade(p.name),
  });
  const ev = EVIDENCE[t.evidence];
  return (
    <Card withBorder component="article" aria-label={t.title}>
      <Stack gap="xs">
        <Group justify="space-between" align="start" wrap="nowrap">
          <Title order={3} size="h5">
            {t.title}
          </Title>
          <Badge color={ev.color} variant="filled" autoContrast>
            {ev.label}
          </Badge>
        </Group>
        <Text size="xs" c="dimmed">
          {indicationLabel(t.indication)}
        </Text>
        <Text size="sm">{t.summary}</Text>
        <Text size="sm">
          <Text span fw={600}>
            Cadence:
          </Text>{' '}
          {t.cadence}
        </Text>
        <Text size="sm">
          <Text span fw={600}>
            Therapy:
          </Text>{' '}
          {t.therapy}
        </Text>
        <div>
          <Text size="sm" fw={600}>
            Measures
          </Text>
          <List size="sm">
            {t.instruments.map((i) => (
              <List.Item key={i.instrument}>
                {instrumentLabel(i.instrument)}, {CADENCE[i.cadence] ?? i.cadence}: {i.purpose}
              </List.Item>
            ))}
          </List>
        </div>
        <div>
          <Text size="sm" fw={600}>
            Sources
          </Text>
          <List size="xs" spacing={4}>
            {t.sources.map((s) => (
              <List.Item key={s.citation}>
                {s.url ? (
                  <Anchor href={s.url} target="_blank" rel="noopener noreferrer" size="xs">
                    {s.citation}
                  </Anchor>
                ) : (
                  s.citation
                )}
                <Text size="xs" c="dimmed">
                  Checked: {s.verified}
                </Text>
                {s.notVerified && (
                  <Text size="xs" c="dimmed">
                    Not checked: {s.notVerified}
                  </Text>
                )}
              </List.Item>
            ))}
          </List>
        </div>
        <Group align="end">
          <TextInput
            label="Name of the new draft"
            placeholder={String(t.protocol.name ?? t.title)}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            w={280}
          />
          <Button variant="light" onClick={() => void drafting.run(undefined)} loading={drafting.busy}>
            Start a draft
          </Button>
        </Group>
        {made && (
          <Text size="sm" role="status">
            Draft “{made}” is in the library above: edit it, then set its status to active.
          </Text>
        )}
        <ErrorAlert error={drafting.error} title="The draft was not created" />
      </Stack>
    </Card>
  );
}

export function ProtocolTemplatesPanel() {
  const q = useProtocolTemplates();
  return (
    <Stack gap="xs" component="section" aria-label="Templates per indication">
      <Title order={2} size="h3">
        Templates per indication
      </Title>
      <Text size="sm" c="dimmed">
        Starting points from published trials, for the medical director to adapt. A template becomes a draft
        in your library; it is never used until you edit and activate it.
      </Text>
      {q.error ? (
        <ErrorAlert error={q.error} title="Could not load the templates" />
      ) : !q.data ? (
        <LoadingState />
      ) : (
        <SimpleGrid cols={{ base: 1, lg: 2 }}>
          {q.data.map((t) => (
            <TemplateCard key={t.key} t={t} />
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}
