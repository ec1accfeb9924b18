import { useQuery } from '@tanstack/react-query';
import type { Employer, JobPostingSummary, Page } from '@anqian/shared';
import { api } from '@/lib/api-client';

/** Active employers and published postings to pick from (the bureau works with up to a hundred of each per fair). */
export function useParticipantOptions() {
  const employers = useQuery({
    queryKey: ['job-fairs', 'options', 'employers'],
    queryFn: () => api.get<Page<Employer>>('/employers', { query: { status: 'active', pageSize: 100 }, expected: true }),
  });
  const postings = useQuery({
    queryKey: ['job-fairs', 'options', 'postings'],
    queryFn: () => api.get<Page<JobPostingSummary>>('/job-postings', { query: { status: 'published', pageSize: 100 }, expected: true }),
  });
  return { employers, postings };
}
