import { findDivision, type DivisionNode, type Site } from '@anqian/shared';
import { shortDivisionName } from './division-names';
import { loadDivisionTree } from './divisions';
import { listSites } from './registrations-api';
import { useRemote } from './use-remote';

let sites: Promise<Site[]> | null = null;

function loadSites(): Promise<Site[]> {
  sites ??= listSites().catch((error: unknown) => {
    sites = null;
    throw error;
  });
  return sites;
}

export function useDivisionTree() {
  return useRemote(loadDivisionTree);
}

export function useSites() {
  return useRemote(loadSites);
}

export function divisionName(tree: DivisionNode | null, code: string): string | undefined {
  const name = tree && code ? findDivision(tree, code)?.name : undefined;
  return name === undefined ? undefined : shortDivisionName(name);
}
