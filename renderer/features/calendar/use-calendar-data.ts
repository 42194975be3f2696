/** The calendar's lists (kinds with colours, projects, tags, coverage kinds) and the staff, read once per page. */
import { useEffect, useState } from 'react';
import type { DictionariesView } from '../../../electron/backend/features/calendar/api-types';
import { api } from '../../api';
import { useAppState } from '../../shell/app-state';

export function useDictionaries(): { dict: DictionariesView | null; error: string } {
  const { dataVersion } = useAppState();
  const [dict, setDict] = useState<DictionariesView | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    let stale = false;
    api.calendar['dictionaries.get']()
      .then((d) => !stale && (setDict(d), setError('')))
      .catch((err: Error) => !stale && setError(err.message));
    return () => {
      stale = true;
    };
  }, [dataVersion]);
  return { dict, error };
}

export function useStaff() {
  const { settings } = useAppState();
  return settings?.staff ?? [];
}

/** Filters shared by the grid, the list and the exports. Empty string: everything. */
export interface CalendarFilterState {
  kind: string;
  staff: string;
  status: string;
  project: string;
  query: string;
}
export const noFilters: CalendarFilterState = { kind: '', staff: '', status: '', project: '', query: '' };

export function filterInput(f: CalendarFilterState) {
  return {
    kinds: f.kind ? [f.kind] : [],
    staff: f.staff ? [f.staff] : [],
    statuses: f.status ? [f.status as 'planned'] : [],
    projects: f.project ? [f.project] : [],
    tags: [],
    query: f.query.trim(),
  };
}

export const anyFilter = (f: CalendarFilterState) => Object.values(f).some((v) => v.trim() !== '');

export function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const t = window.setTimeout(() => setDebounced(value), ms);
    return () => window.clearTimeout(t);
  }, [value, ms]);
  return debounced;
}
