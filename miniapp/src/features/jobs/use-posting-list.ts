import type { JobPostingSummary } from '@anqian/shared';
import { usePagedList, type PagedList } from '@/lib/use-paged-list';
import { listPostings } from './jobs-api';
import { postingListPath, type PostingFilter } from './posting-query';

/** Pages of the posting list for one filter; a new filter (a new query string) starts again from page 1. */
export function usePostingList(filter: PostingFilter): PagedList<JobPostingSummary> {
  return usePagedList(postingListPath(filter, 1), (page) => listPostings(filter, page));
}
