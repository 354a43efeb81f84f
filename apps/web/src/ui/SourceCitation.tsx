import { Anchor, List, Text } from '@mantine/core';
import { citationText, sourceForDisplay } from '@plasticity/clinical/citations';

/**
 * A clinical default's source as a person reads it: the source in words and its publications as
 * citations (title, year, link); a value no publication fixes says it is a clinic default for the medical
 * director to confirm. Developer notes in the stored text never show.
 */
export function SourceCitation({ source }: { source: string }) {
  const d = sourceForDisplay(source);
  return (
    <div>
      <Text size="xs">{d.text}</Text>
      {d.clinicDefault && (
        <Text size="xs" c="dimmed">
          Clinic default, for the medical director to confirm.
        </Text>
      )}
      {d.citations.length > 0 && (
        <List size="xs" mt={2}>
          {d.citations.map((c) => (
            <List.Item key={c.title}>
              {c.url ? (
                <Anchor href={c.url} target="_blank" rel="noopener noreferrer" size="xs">
                  {citationText(c)}
                </Anchor>
              ) : (
                citationText(c)
              )}
            </List.Item>
          ))}
        </List>
      )}
    </div>
  );
}
