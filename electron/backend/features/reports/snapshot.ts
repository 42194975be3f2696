/**
 * A consistent view of the data for one report: every collection the report reads is captured at
 * once, synchronously, between two mutations (records are replaced, never changed in place), so a
 * sync pull writing meanwhile cannot mix its new posts into half of the figures.
 */
import type { AppStore, Collections } from '../../collections.js';
import type { Tx } from '../../store/tx.js';

export type Snap = Pick<Tx<Collections>, 'get' | 'all'>;

const READ = [
  'settings',
  'outlets',
  'releases',
  'events',
  'calendarDictionaries',
  'directLines',
  'directLineQuestions',
  'contracts',
  'contractPublications',
  'contractUnits',
  'contractSettings',
  'actCollections',
  'sitePublications',
  'subscribers',
  'votes',
  'incidents',
  'reports',
  'reportSettings',
] as const satisfies readonly (keyof Collections)[];

export function snapshotOf(store: Pick<AppStore, 'all'>): Snap {
  const lists = new Map<string, { id: string }[]>(READ.map((c) => [c, store.all(c)]));
  const maps = new Map<string, Map<string, { id: string }>>();
  const listOf = (c: string) => {
    const l = lists.get(c);
    if (!l) throw new Error(`collection ${c} is not in the report snapshot`);
    return l;
  };
  return {
    all: ((c: string) => listOf(c)) as Snap['all'],
    get: ((c: string, id: string) => {
      let m = maps.get(c);
      if (!m) maps.set(c, (m = new Map(listOf(c).map((r) => [r.id, r]))));
      return m.get(id);
    }) as Snap['get'],
  };
}
