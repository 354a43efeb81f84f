import { Alert, List } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { describeError } from '../api/errors.ts';

interface Props {
  error: unknown;
  title?: string;
  /** Extra lines, e.g. field errors no field on the page can show. */
  extra?: string[];
  onClose?: () => void;
}

/** The calm error box used for every error that does not belong beside a field. */
export function ErrorAlert({ error, title = 'Could not complete the request', extra = [], onClose }: Props) {
  if (!error) return null;
  return (
    <Alert
      role="alert"
      color="red"
      variant="light"
      title={title}
      icon={<IconAlertCircle size={18} aria-hidden />}
      withCloseButton={Boolean(onClose)}
      closeButtonLabel="Dismiss"
      onClose={onClose}
    >
      {describeError(error)}
      {extra.length > 0 && (
        <List size="sm" mt={4}>
          {extra.map((line) => (
            <List.Item key={line}>{line}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
