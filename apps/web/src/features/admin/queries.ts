import { useQuery } from '@tanstack/react-query';
import { getClinicSettings, listUsers } from '../../api/admin.ts';

/** Query keys of the admin screens: the clinic's user accounts and its settings. */
export const adminKeys = {
  all: ['admin'] as const,
  users: () => [...adminKeys.all, 'users'] as const,
  settings: () => [...adminKeys.all, 'settings'] as const,
};

export function useUsers() {
  return useQuery({ queryKey: adminKeys.users(), queryFn: ({ signal }) => listUsers(signal) });
}

export function useClinicSettings() {
  return useQuery({ queryKey: adminKeys.settings(), queryFn: ({ signal }) => getClinicSettings(signal) });
}
