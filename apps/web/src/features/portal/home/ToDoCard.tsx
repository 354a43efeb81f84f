import { Anchor, Group, List, Text } from '@mantine/core';
import { RouterLink } from '../../../app/router.tsx';
import { consentKindLabel } from '../../../ui/labels.ts';
import { useCheckIns } from '../../measurement/queries.ts';
import { useIntakes, usePlans } from '../../plans/queries.ts';

/** Plans whose consents still matter (not finished or stopped). */
const OPEN_PLANS = new Set(['draft', 'approved', 'active']);

/**
 * What the clinic is waiting for from the patient: forms to fill in, consents to sign for their treatment
 * plan, and the intake when none was sent. Each links to its page; when nothing is due it says so.
 */
export function ToDoCard({ patientId }: { patientId: string }) {
  const checkIns = useCheckIns(patientId);
  const plans = usePlans(patientId);
  const intakes = useIntakes(patientId);
  const forms = checkIns.data?.items.length ?? 0;
  const consents = [
    ...new Set((plans.data ?? []).filter((p) => OPEN_PLANS.has(p.status)).flatMap((p) => p.missingConsents)),
  ];
  const noIntake = intakes.data !== undefined && intakes.data.length === 0;
  const loading = !checkIns.data && !checkIns.error;
  const todo: Array<{ key: string; href: string; text: string }> = [];
  if (forms > 0)
    todo.push({
      key: 'forms',
      href: '/check-ins',
      text: forms === 1 ? 'Fill in 1 form for your care team' : `Fill in ${forms} forms for your care team`,
    });
  if (noIntake) todo.push({ key: 'intake', href: '/intake', text: 'Complete your intake questions' });
  for (const kind of consents)
    todo.push({
      key: `consent-${kind}`,
      href: '/consents',
      text: `Read and sign: ${consentKindLabel(kind)}`,
    });
  return (
    <>
      {loading ? (
        <Text size="sm" c="dimmed">
          Checking what is due…
        </Text>
      ) : todo.length === 0 ? (
        <Text>Nothing to do right now. Thank you!</Text>
      ) : (
        <List spacing={6}>
          {todo.map((item) => (
            <List.Item key={item.key}>
              <Anchor component={RouterLink} href={item.href}>
                {item.text}
              </Anchor>
            </List.Item>
          ))}
        </List>
      )}
      <Group gap="md">
        <Anchor component={RouterLink} href="/intake" size="sm">
          My intake
        </Anchor>
        <Anchor component={RouterLink} href="/consents" size="sm">
          My consents
        </Anchor>
      </Group>
    </>
  );
}
