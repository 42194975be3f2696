import { validationError } from '../errors.js';
import type { Op } from './journal.js';
import type { Defs, RecordOf } from './types.js';

export interface Tx<D extends Defs> {
  get<C extends keyof D & string>(c: C, id: string): RecordOf<D[C]> | undefined;
  all<C extends keyof D & string>(c: C): RecordOf<D[C]>[];
  put<C extends keyof D & string>(c: C, record: RecordOf<D[C]>): RecordOf<D[C]>;
  del<C extends keyof D & string>(c: C, id: string): void;
  clear<C extends keyof D & string>(c: C): void;
}

/**
 * A mutation's view of the store: its own changes are laid over the stored records (which stay
 * untouched) and recorded in `ops`, to be journaled and applied only once the mutation is done.
 */
export function createTx<D extends Defs>(defs: D, collection: (c: string) => Map<string, { id: string }>): { tx: Tx<D>; ops: Op[] } {
  const ops: Op[] = [];
  const overlay = new Map<string, Map<string, { id: string } | null>>();
  const cleared = new Set<string>();
  const layer = (c: string) => overlay.get(c) ?? overlay.set(c, new Map()).get(c)!;
  const def = (c: string) => {
    const d = defs[c];
    if (!d) throw new Error(`unknown collection ${c}`);
    return d;
  };
  const tx: Tx<D> = {
    get: (c, id) => {
      const o = overlay.get(c)?.get(id);
      if (o !== undefined) return (o ?? undefined) as never;
      return (cleared.has(c) ? undefined : collection(c).get(id)) as never;
    },
    all: (c) => {
      const base = cleared.has(c) ? new Map() : new Map(collection(c));
      for (const [id, r] of overlay.get(c) ?? []) r ? base.set(id, r) : base.delete(id);
      return [...base.values()] as never;
    },
    put: (c, record) => {
      const schema = def(c).schema;
      const parsed = schema.safeParse(record);
      if (!parsed.success) throw validationError(schema, parsed.error);
      ops.push({ c, k: 'put', r: parsed.data });
      layer(c).set(parsed.data.id, parsed.data);
      return parsed.data;
    },
    del: (c, id) => {
      def(c);
      ops.push({ c, k: 'del', id });
      layer(c).set(id, null);
    },
    clear: (c) => {
      def(c);
      ops.push({ c, k: 'clear' });
      overlay.delete(c);
      cleared.add(c);
    },
  };
  return { tx, ops };
}
