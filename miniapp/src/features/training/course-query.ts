import type { TrainingCategory } from '@anqian/shared';

/** Small pages: a list page must come through on a weak signal (the server allows at most 20). */
export const COURSE_PAGE_SIZE = 10;

/** `townshipCode`: courses a resident of that township may join; `notFull`: still taking applicants, with places left. */
export type CourseFilter = {
  category?: TrainingCategory;
  townshipCode?: string;
  notFull?: boolean;
};

/** `/resident/training/courses?page=…` with only the filters that are set. */
export function courseListPath(filter: CourseFilter, page: number, pageSize = COURSE_PAGE_SIZE): string {
  const params: [string, string][] = [
    ['page', String(page)],
    ['pageSize', String(pageSize)],
  ];
  if (filter.category) params.push(['category', filter.category]);
  if (filter.townshipCode) params.push(['townshipCode', filter.townshipCode]);
  if (filter.notFull) params.push(['notFull', 'true']);
  return `/resident/training/courses?${params.map(([key, value]) => `${key}=${encodeURIComponent(value)}`).join('&')}`;
}
