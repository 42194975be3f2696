import { z } from 'zod';

export const SearchInput = z.object({
  query: z.string().max(200).describe('Поиск'),
  limit: z.number().int().min(1).max(100).default(20).describe('Количество результатов'),
});

/** One row of the global search; `section` is the sidebar section it opens. */
export interface SearchHit {
  section: 'outlets' | 'settings' | 'contracts' | 'direct-lines' | 'calendar' | 'releases';
  id: string;
  title: string;
  subtitle: string;
  /** A question inside a direct-line session: the card scrolls to it. */
  questionId?: string;
}
