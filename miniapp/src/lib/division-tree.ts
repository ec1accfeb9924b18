import type { DivisionNode } from '@anqian/shared';
import { request } from './request';
import { useRemote } from './use-remote';

let cached: Promise<DivisionNode> | null = null;

/** The county tree changes a few times a year: fetch once per app run. */
function loadDivisionTree(): Promise<DivisionNode> {
  cached ??= request<DivisionNode>('/divisions', { auth: false }).catch((error: unknown) => {
    cached = null;
    throw error;
  });
  return cached;
}

export function useDivisionTree() {
  return useRemote(loadDivisionTree);
}
