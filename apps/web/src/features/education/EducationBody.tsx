import { List, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

type Block =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; items: string[] };

/**
 * An education page's plain-text body in blocks: "## " lines are headings, "- " lines list items, other
 * lines paragraphs (consecutive lines join). Nothing is interpreted as HTML or markup beyond that.
 */
export function parseEducationBody(body: string): Block[] {
  const blocks: Block[] = [];
  let para: string[] = [];
  const flush = () => {
    if (para.length > 0) blocks.push({ kind: 'paragraph', text: para.join(' ') });
    para = [];
  };
  for (const raw of body.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '') {
      flush();
    } else if (line.startsWith('## ')) {
      flush();
      blocks.push({ kind: 'heading', text: line.slice(3).trim() });
    } else if (line.startsWith('- ')) {
      flush();
      const last = blocks[blocks.length - 1];
      if (last?.kind === 'list') last.items.push(line.slice(2).trim());
      else blocks.push({ kind: 'list', items: [line.slice(2).trim()] });
    } else {
      para.push(line);
    }
  }
  flush();
  return blocks;
}

/** Renders a page body as text (React escapes it); headings start at `headingOrder`. */
export function EducationBody({ body, headingOrder = 2 }: { body: string; headingOrder?: 2 | 3 }) {
  const out: ReactNode[] = parseEducationBody(body).map((b, i) => {
    const key = `${b.kind}-${i}`;
    if (b.kind === 'heading')
      return (
        <Title key={key} order={headingOrder} size="h4" mt="xs">
          {b.text}
        </Title>
      );
    if (b.kind === 'paragraph') return <Text key={key}>{b.text}</Text>;
    return (
      <List key={key} spacing={4}>
        {b.items.map((item, j) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: list lines have no identity of their own
          <List.Item key={j}>{item}</List.Item>
        ))}
      </List>
    );
  });
  return <Stack gap="sm">{out}</Stack>;
}
