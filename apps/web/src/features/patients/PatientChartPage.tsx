import { Anchor, Stack, Tabs, Text } from '@mantine/core';
import { Suspense } from 'react';
import { useMe } from '../../app/auth.tsx';
import { chartTabsFor, type RouteProps } from '../../app/registry.ts';
import { RouterLink, useNavigate } from '../../app/router.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { ChartHeader } from './ChartHeader.tsx';
import { usePatientQuery, useSetPatient } from './queries.ts';

/** `/patients/:id` and `/patients/:id/:tab`: the header and the registered chart tabs. */
export function PatientChartPage({ params }: RouteProps) {
  const id = params.id ?? '';
  const me = useMe();
  const navigate = useNavigate();
  const { data: patient, error } = usePatientQuery(id);
  const setPatient = useSetPatient();

  const tabs = chartTabsFor(me.role);
  const active = tabs.find((t) => t.id === params.tab) ?? tabs[0];

  if (error) {
    return (
      <Stack gap="sm">
        <Anchor component={RouterLink} href="/patients" size="sm">
          ← All patients
        </Anchor>
        <ErrorAlert error={error} title="Could not open this chart" />
      </Stack>
    );
  }
  if (!patient) return <LoadingState label="Loading chart…" />;

  const base = `/patients/${encodeURIComponent(patient.id)}`;
  return (
    <Stack gap="sm">
      <Anchor component={RouterLink} href="/patients" size="sm">
        ← All patients
      </Anchor>
      <ChartHeader patient={patient} />
      {active ? (
        <Tabs
          value={active.id}
          onChange={(value) => value && navigate(value === tabs[0]?.id ? base : `${base}/${value}`)}
          keepMounted={false}
        >
          <Tabs.List aria-label="Chart sections">
            {tabs.map((tab) => (
              <Tabs.Tab key={tab.id} value={tab.id}>
                {tab.label}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {tabs.map((tab) => (
            <Tabs.Panel key={tab.id} value={tab.id} pt="md">
              <Suspense fallback={<LoadingState label="Loading section…" />}>
                <tab.component patient={patient} onPatientChange={setPatient} />
              </Suspense>
            </Tabs.Panel>
          ))}
        </Tabs>
      ) : (
        <Text c="dimmed">No chart sections are available for your role.</Text>
      )}
    </Stack>
  );
}
