/** The feature's lists (topics, districts, departments) and the media directory, for the forms' selects. */
import { useEffect, useState } from 'react';
import type { Dictionary } from '../../../electron/backend/features/direct-lines/api-types';
import type { Outlet } from '../../../electron/backend/api';
import { api } from '../../api';

export function useDictionary(): Dictionary | null {
  const [dict, setDict] = useState<Dictionary | null>(null);
  useEffect(() => {
    let stale = false;
    api.directLines['dictionaries.get']()
      .then((d) => !stale && setDict(d))
      .catch(() => {});
    return () => {
      stale = true;
    };
  }, []);
  return dict;
}

/** Active outlets, plus the one already chosen even if it went to the archive since. */
export function useOutlets(keepId: string | null): Outlet[] {
  const [outlets, setOutlets] = useState<Outlet[]>([]);
  useEffect(() => {
    let stale = false;
    api.outlets
      .list({ archived: 'all' })
      .then((list) => !stale && setOutlets(list))
      .catch(() => {});
    return () => {
      stale = true;
    };
  }, []);
  return outlets.filter((o) => !o.archived || o.id === keepId);
}

/** An option list from a dictionary that still shows a value kept from before the dictionary changed. */
export function withCurrent(list: readonly string[], current: string): string[] {
  return current && !list.includes(current) ? [current, ...list] : [...list];
}
