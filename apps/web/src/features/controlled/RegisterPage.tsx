import { Stack, Tabs, Title } from '@mantine/core';
import { useMe } from '../../app/auth.tsx';
import type { RouteProps } from '../../app/registry.ts';
import { useNavigate } from '../../app/router.tsx';
import { CountPanel } from './CountPanel.tsx';
import { DiscrepanciesPanel } from './DiscrepanciesPanel.tsx';
import { LedgerPanel } from './LedgerPanel.tsx';
import { LossPanel } from './LossPanel.tsx';
import { ReportsPanel } from './ReportsPanel.tsx';
import { StockPanel } from './StockPanel.tsx';

export const REGISTER_TABS = [
  { id: 'stock', label: 'Stock' },
  { id: 'ledger', label: 'Ledger' },
  { id: 'count', label: 'Count', movers: true },
  { id: 'discrepancies', label: 'Discrepancies' },
  { id: 'reports', label: 'Reports' },
  { id: 'loss', label: 'Theft or loss' },
] as const;

/** The controlled-substance register (DEA Schedule III): stock, ledger, counts, discrepancies, reports, losses. */
export function RegisterPage({ params }: RouteProps) {
  const me = useMe();
  const navigate = useNavigate();
  const canMove = me.role === 'prescriber' || me.role === 'nurse';
  const tabs = REGISTER_TABS.filter((t) => !('movers' in t) || canMove);
  const tab = tabs.some((t) => t.id === params.tab) ? (params.tab as string) : 'stock';
  return (
    <Stack gap="sm">
      <Title order={1}>Controlled substances</Title>
      <Tabs value={tab} onChange={(v) => v && navigate(`/controlled/${v}`)} keepMounted={false}>
        <Tabs.List>
          {tabs.map((t) => (
            <Tabs.Tab key={t.id} value={t.id}>
              {t.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="stock" pt="sm">
          <StockPanel canMove={canMove} timeZone={me.clinic.timeZone} />
        </Tabs.Panel>
        <Tabs.Panel value="ledger" pt="sm">
          <LedgerPanel timeZone={me.clinic.timeZone} />
        </Tabs.Panel>
        {canMove && (
          <Tabs.Panel value="count" pt="sm">
            <CountPanel />
          </Tabs.Panel>
        )}
        <Tabs.Panel value="discrepancies" pt="sm">
          <DiscrepanciesPanel canMove={canMove} />
        </Tabs.Panel>
        <Tabs.Panel value="reports" pt="sm">
          <ReportsPanel />
        </Tabs.Panel>
        <Tabs.Panel value="loss" pt="sm">
          <LossPanel canMove={canMove} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
