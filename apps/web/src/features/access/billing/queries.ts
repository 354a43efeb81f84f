import { useQuery } from '@tanstack/react-query';
import { getBalance, getCharges, getClinicians, getPayments, getPrices } from './api.ts';

/**
 * Query keys of billing: the clinic's price list and each patient's charges, payments and balance (under one
 * prefix, so any change to a patient's bill invalidates all three).
 */
export const billingKeys = {
  all: ['billing'] as const,
  prices: () => [...billingKeys.all, 'prices'] as const,
  clinicians: () => [...billingKeys.all, 'clinicians'] as const,
  patient: (patientId: string) => [...billingKeys.all, 'patient', patientId] as const,
  charges: (patientId: string) => [...billingKeys.patient(patientId), 'charges'] as const,
  payments: (patientId: string) => [...billingKeys.patient(patientId), 'payments'] as const,
  balance: (patientId: string) => [...billingKeys.patient(patientId), 'balance'] as const,
};

export function usePrices() {
  return useQuery({ queryKey: billingKeys.prices(), queryFn: ({ signal }) => getPrices(signal) });
}
export function useCharges(patientId: string) {
  return useQuery({
    queryKey: billingKeys.charges(patientId),
    queryFn: ({ signal }) => getCharges(patientId, signal),
  });
}
export function usePayments(patientId: string) {
  return useQuery({
    queryKey: billingKeys.payments(patientId),
    queryFn: ({ signal }) => getPayments(patientId, signal),
  });
}
export function useBalance(patientId: string) {
  return useQuery({
    queryKey: billingKeys.balance(patientId),
    queryFn: ({ signal }) => getBalance(patientId, signal),
  });
}
export function useRenderingClinicians() {
  return useQuery({ queryKey: billingKeys.clinicians(), queryFn: ({ signal }) => getClinicians(signal) });
}
