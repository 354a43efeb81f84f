import { useQuery } from '@tanstack/react-query';
import { listAllPatients } from '../../api/patients.ts';
import { patientKeys } from '../patients/queries.ts';
import { getConfig, listDiscrepancies, listExpiring, listLedger, listLosses, listStock } from './api.ts';

export type LedgerFilter = Parameters<typeof listLedger>[0];

/**
 * Query keys of the controlled-substance register. Every balance, count, discrepancy and loss derives
 * from the one append-only ledger, so every register change (and a dose drawn from the register)
 * invalidates `all`; only the clinic's configured lists (`config`) live apart.
 */
export const controlledKeys = {
  all: ['controlled'] as const,
  stock: () => [...controlledKeys.all, 'stock'] as const,
  expiring: () => [...controlledKeys.all, 'expiring'] as const,
  ledger: (filter: LedgerFilter) => [...controlledKeys.all, 'ledger', filter] as const,
  discrepancies: () => [...controlledKeys.all, 'discrepancies'] as const,
  losses: () => [...controlledKeys.all, 'losses'] as const,
  config: () => ['controlled-config'] as const,
  /** The clinic's patients for the register's pickers: a patient record change refreshes it. */
  patients: () => [...patientKeys.all, 'register-picker'] as const,
};

export function useStock() {
  return useQuery({ queryKey: controlledKeys.stock(), queryFn: ({ signal }) => listStock(signal) });
}

export function useExpiring() {
  return useQuery({ queryKey: controlledKeys.expiring(), queryFn: ({ signal }) => listExpiring(signal) });
}

export function useLedger(filter: LedgerFilter) {
  return useQuery({
    queryKey: controlledKeys.ledger(filter),
    queryFn: ({ signal }) => listLedger(filter, signal),
  });
}

export function useDiscrepancies() {
  return useQuery({
    queryKey: controlledKeys.discrepancies(),
    queryFn: ({ signal }) => listDiscrepancies(signal),
  });
}

export function useLosses() {
  return useQuery({ queryKey: controlledKeys.losses(), queryFn: ({ signal }) => listLosses(signal) });
}

export function useRegisterConfig() {
  return useQuery({ queryKey: controlledKeys.config(), queryFn: ({ signal }) => getConfig(signal) });
}

export function useRegisterPatients() {
  return useQuery({ queryKey: controlledKeys.patients(), queryFn: ({ signal }) => listAllPatients(signal) });
}
