import type { JobFairPosting } from '@anqian/shared';
import { AppError } from '../../errors';
import type { EmployersService } from '../employers/employers.service';
import type { JobsService } from '../jobs/jobs.service';
import type { FairDirectory } from './job-fairs.service';

/**
 * Participating employers and postings, read through the employers and jobs services. Postings
 * are read one by one (a fair lists a few dozen at most); a posting that no longer exists is
 * left out, like an unknown id.
 */
export function fairDirectoryFrom(employers: Pick<EmployersService, 'refs'>, jobs: Pick<JobsService, 'get' | 'applicationsOnDay'>): FairDirectory {
  return {
    applicationsOnDay: (postingIds, date) => jobs.applicationsOnDay(postingIds, date),
    async employers(ids) {
      const refs = await employers.refs(ids);
      return new Map([...refs].map(([id, ref]) => [id, { id, name: ref.name }]));
    },
    async postings(ids) {
      const found = await Promise.all(
        ids.map(async (id): Promise<JobFairPosting | null> => {
          try {
            const posting = await jobs.get(id);
            return { id: posting.id, title: posting.title, employerName: posting.employerName };
          } catch (error) {
            if (error instanceof AppError && error.code === 'NOT_FOUND') return null;
            throw error;
          }
        }),
      );
      return new Map(found.flatMap((posting) => (posting ? [[posting.id, posting] as const] : [])));
    },
  };
}
