/** Contracts in the global search: by number, ИКЗ, subject or counterparty; and published acts by number or title. */
import type { AppStore } from '../../collections.js';
import { normalizeForSearch } from '../../format.js';
import { dayShort } from './days.js';
import { actKinds, contractStatuses } from './schema.js';

export interface ContractHit {
  section: 'contracts';
  id: string;
  title: string;
  subtitle: string;
}

export function contractHits(store: AppStore, query: string, limit = 20): ContractHit[] {
  const words = normalizeForSearch(query).split(' ').filter(Boolean);
  if (words.length === 0) return [];
  const matches = (text: string) => {
    const hay = normalizeForSearch(text);
    return words.every((w) => hay.includes(w));
  };
  const hits: ContractHit[] = [];
  const contracts = new Map(store.all('contracts').map((c) => [c.id, c]));
  const outletName = (id: string) => store.get('outlets', id)?.name ?? '';
  for (const c of contracts.values()) {
    if (matches(`контракт ${c.number} ${c.ikz} ${c.subject} ${outletName(c.outletId)}`))
      hits.push({ section: 'contracts', id: c.id, title: `Контракт № ${c.number} от ${dayShort(c.date)}`, subtitle: `${outletName(c.outletId)} · ${contractStatuses[c.status]}` });
  }
  for (const p of store.all('contractPublications')) {
    if (hits.length >= limit) break;
    const c = contracts.get(p.contractId);
    if (!c || !matches(`${p.title} ${p.issue} ${p.act ? `${actKinds[p.act.kind]} № ${p.act.number}` : ''}`)) continue;
    hits.push({ section: 'contracts', id: c.id, title: p.title, subtitle: `Публикация от ${dayShort(p.date)}${p.issue ? `, ${p.issue}` : ''} · контракт № ${c.number}` });
  }
  return hits.slice(0, limit);
}
