import { useQuery } from '@tanstack/react-query';
import { fetchHealth, getLinkInfo } from '../../api/auth.ts';

/** Query keys of the signed-out screens: the server's health (demo or not) and a one-time link's state. */
const authKeys = {
  health: () => ['health'] as const,
  linkInfo: (token: string) => ['link-info', token] as const,
};

export function useHealth() {
  return useQuery({ queryKey: authKeys.health(), queryFn: () => fetchHealth() });
}

/** What a one-time link is for and whether it still works; nothing is kept once the page closes. */
export function useLinkInfo(token: string) {
  return useQuery({
    queryKey: authKeys.linkInfo(token),
    queryFn: ({ signal }) => getLinkInfo(token, signal),
    gcTime: 0,
  });
}
