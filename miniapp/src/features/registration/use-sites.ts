import type { Site } from '@anqian/shared';
import { useRemote } from '@/lib/use-remote';
import { listSites } from './registrations-api';

let sites: Promise<Site[]> | null = null;

function loadSites(): Promise<Site[]> {
  sites ??= listSites().catch((error: unknown) => {
    sites = null;
    throw error;
  });
  return sites;
}

export function useSites() {
  return useRemote(loadSites);
}
