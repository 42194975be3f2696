/** The calendar's editable lists: event kinds, national projects / programmes, topics, kinds of coverage. */
import type { z } from 'zod';
import { randomUUID } from 'node:crypto';
import { fieldError } from '../../errors.js';
import { countOf } from '../../format.js';
import type { CalEvent, DictionariesFields, DictionariesInput } from './schema.js';

type ListName = keyof DictionariesFields;
const listLabels: Record<ListName, [entry: string, list: string]> = {
  kinds: ['Вид мероприятия', 'Виды мероприятий'],
  projects: ['Нацпроект / программа', 'Нацпроекты и программы'],
  tags: ['Тема', 'Темы'],
  coverage: ['Вид материала', 'Виды материалов'],
};
const prefixes: Record<ListName, string> = { kinds: 'kind', projects: 'project', tags: 'tag', coverage: 'cov' };

/** How many events (counting a series once, with its occurrences' own changes) use each entry. */
export type DictionaryUsage = Record<ListName, Record<string, number>>;
export type DictionariesView = DictionariesFields & { usage: DictionaryUsage };

export function usageOf(events: CalEvent[]): DictionaryUsage {
  const usage: DictionaryUsage = { kinds: {}, projects: {}, tags: {}, coverage: {} };
  for (const e of events) {
    const seen: Record<ListName, Set<string>> = { kinds: new Set(), projects: new Set(), tags: new Set(), coverage: new Set() };
    for (const x of [e, ...e.overrides]) {
      if (x.kindId) seen.kinds.add(x.kindId);
      if (x.projectId) seen.projects.add(x.projectId);
      x.tags?.forEach((t) => seen.tags.add(t));
      x.coverage?.forEach((c) => seen.coverage.add(c.kindId));
    }
    for (const list of Object.keys(seen) as ListName[]) for (const id of seen[list]) usage[list][id] = (usage[list][id] ?? 0) + 1;
  }
  return usage;
}

export const withUsage = (dict: DictionariesFields, events: CalEvent[]): DictionariesView => ({ ...dict, usage: usageOf(events) });

/**
 * Checks and completes the lists: new entries get a code, names and codes are unique, an entry in use
 * cannot be removed (archive it instead), at least one kind of event and of coverage stays active.
 */
export function saveDictionaries(input: z.infer<typeof DictionariesInput>, previous: DictionariesFields, events: CalEvent[]): DictionariesFields {
  const usage = usageOf(events);
  const out = {} as DictionariesFields;
  for (const list of Object.keys(listLabels) as ListName[]) {
    const [entryLabel, listLabel] = listLabels[list];
    const ids = new Set<string>();
    const names = new Set<string>();
    const entries = input[list].map((entry, i) => {
      const id = entry.id ?? `${prefixes[list]}-${randomUUID().slice(0, 8)}`;
      if (ids.has(id)) throw fieldError(`${list}.${i}.id`, `${entryLabel} № ${i + 1}`, `код «${id}» повторяется`);
      const name = entry.name.toLocaleLowerCase('ru-RU');
      if (names.has(name)) throw fieldError(`${list}.${i}.name`, `${entryLabel} № ${i + 1}`, `название «${entry.name}» повторяется`);
      ids.add(id);
      names.add(name);
      return { ...entry, id };
    });
    for (const old of previous[list]) {
      const used = usage[list][old.id] ?? 0;
      if (!ids.has(old.id) && used > 0)
        throw fieldError(list, listLabel, `«${old.name}» используется (${countOf(used, ['мероприятие', 'мероприятия', 'мероприятий'])}): отметьте «в архиве» вместо удаления`);
    }
    if ((list === 'kinds' || list === 'coverage') && !entries.some((e) => !e.archived))
      throw fieldError(list, listLabel, 'должен остаться хотя бы один действующий элемент');
    (out as Record<ListName, unknown>)[list] = entries;
  }
  return out;
}
