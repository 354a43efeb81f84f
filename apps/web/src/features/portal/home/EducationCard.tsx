import { Anchor, List, Text } from '@mantine/core';
import { RouterLink } from '../../../app/router.tsx';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { useEducationPages } from '../../education/queries.ts';
import { readLabel } from '../../education/ReadBadge.tsx';

/** Education on the home: how many pages are read, and the next ones to read (new or changed). */
export function EducationCard() {
  const pages = useEducationPages();
  if (pages.error) return <ErrorAlert error={pages.error} title="Could not load the pages" />;
  if (!pages.data)
    return (
      <Text size="sm" c="dimmed">
        Loading…
      </Text>
    );
  const read = pages.data.filter((p) => p.read?.current).length;
  const toRead = pages.data.filter((p) => !p.read?.current);
  return (
    <>
      <Text size="sm">
        You have read {read} of {pages.data.length} pages.
      </Text>
      {toRead.length > 0 && (
        <List spacing={6}>
          {toRead.slice(0, 3).map((p) => (
            <List.Item key={p.slug}>
              <Anchor component={RouterLink} href={`/learn/${p.slug}`}>
                {p.title}
              </Anchor>{' '}
              <Text span size="xs" c="dimmed">
                ({readLabel(p.read).toLowerCase()})
              </Text>
            </List.Item>
          ))}
        </List>
      )}
      <Anchor component={RouterLink} href="/learn" size="sm">
        All pages
      </Anchor>
    </>
  );
}
