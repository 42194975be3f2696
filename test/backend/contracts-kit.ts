/** Shared setup for the contracts tests: a real backend over a temporary data folder, called through dispatch. */
import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Input, Method, Output } from '../../electron/backend/api.js';
import { openBackend, type Backend } from '../../electron/backend/app.js';
import type { ApiErrorBody } from '../../electron/backend/errors.js';
import { tempDir } from '../helpers/tmp.js';

export interface Kit {
  dir: string;
  backend: Backend;
  call<M extends Method>(method: M, input: Input<M>): Promise<Output<M>>;
  fail<M extends Method>(method: M, input: Input<M> | Record<string, unknown>): Promise<ApiErrorBody>;
  /** Fails like `fail`, and proves nothing was written: same journal seq, same journal bytes, same files. */
  refused<M extends Method>(method: M, input: Input<M> | Record<string, unknown>): Promise<ApiErrorBody>;
  setToday(day: string): void;
  close(): Promise<void>;
}

export async function openKit(today = '2026-06-15'): Promise<Kit> {
  const dir = tempDir('pd-contracts-');
  let now = new Date(`${today}T05:00:00Z`);
  const backend = await openBackend({ dataDir: dir, now: () => now });
  const call = async (method: Method, input: unknown) => {
    const out = await backend.invoke(method, input);
    if (!out.ok) throw new Error(`${method}: ${out.error.message}`);
    return out.result as never;
  };
  const fail = async (method: Method, input: unknown) => {
    const out = await backend.invoke(method, input);
    if (out.ok) throw new Error(`${method} was expected to fail but succeeded`);
    return out.error;
  };
  const journal = path.join(dir, 'journal.ndjson');
  const journalBytes = () => (fs.existsSync(journal) ? fs.statSync(journal).size : 0);
  const attachmentFiles = () => {
    const root = path.join(dir, 'attachments');
    return fs.existsSync(root) ? fs.readdirSync(root, { recursive: true }).map(String).sort() : [];
  };
  return {
    dir,
    backend,
    call,
    fail,
    async refused(method, input) {
      await backend.ctx.store.compact();
      const seq = backend.ctx.store.currentSeq;
      const bytes = journalBytes();
      const files = attachmentFiles();
      const error = await fail(method, input);
      if (backend.ctx.store.currentSeq !== seq) throw new Error(`${method}: the journal moved from ${seq} to ${backend.ctx.store.currentSeq}`);
      if (journalBytes() !== bytes) throw new Error(`${method}: the journal file changed size`);
      if (JSON.stringify(attachmentFiles()) !== JSON.stringify(files)) throw new Error(`${method}: attachment files changed`);
      return error;
    },
    setToday(day) {
      now = new Date(`${day}T05:00:00Z`);
    },
    close: () => backend.close(),
  } as Kit;
}

export const settings = {
  organisation: { name: 'Администрация города Алейска Алтайского края', city: 'Алейск', timeZone: 'Asia/Barnaul', site: '', newspaper: 'Маяк труда' },
  staff: [{ id: 'head', name: 'Соколова Ирина Викторовна', position: 'начальник отдела по связям с общественностью', role: 'head' as const }],
};

/** Settings, the newspaper and a TV channel; returns the outlets' ids. */
export async function seedOutlets(kit: Kit): Promise<{ paper: string; tv: string }> {
  await kit.call('settings.save', settings);
  const paper = await kit.call('outlets.create', { name: 'Газета «Маяк труда»', kind: 'newspaper', officialPublisher: true });
  const tv = await kit.call('outlets.create', { name: 'Телекомпания «Алейск-ТВ»', kind: 'tv' });
  return { paper: paper.id, tv: tv.id };
}

/** «19 ₽/см² до 200 см², 15 ₽/см² свыше, 25 ₽/см² на цветной полосе». */
export const bandedTariff = {
  kind: 'bands' as const,
  bands: [
    { upTo: 200, price: 1900 },
    { upTo: null, price: 1500 },
  ],
  bandMode: 'whole' as const,
  colorMode: 'price' as const,
  colorPrice: 2500,
};

export function paperContract(outletId: string, over: Record<string, unknown> = {}): Input<'contracts.create'> {
  return {
    number: 'МК-2026/01',
    date: '2025-12-25',
    ikz: '263223100178922310100101010015813244',
    outletId,
    subject: 'Официальное опубликование муниципальных правовых актов в газете «Маяк труда»',
    method: 'single',
    price: 120_000_000,
    unitId: 'cm2',
    volume: 60_000,
    tariff: bandedTariff,
    termStart: '2026-01-01',
    termEnd: '2026-12-31',
    ...over,
  } as Input<'contracts.create'>;
}

export const pub = (contractId: string, date: string, volume: number, over: Record<string, unknown> = {}) =>
  ({ contractId, date, issue: '№ 1', kind: 'news', title: 'Новость', volume, ...over }) as Input<'contracts.addPublication'>;

/** The text of word/document.xml of a DOCX given as base64. */
export function docxXml(base64: string): string {
  const files = unzipSync(new Uint8Array(Buffer.from(base64, 'base64')));
  return strFromU8(files['word/document.xml']!);
}

/** The visible text of each table row: cells joined by « | ». */
export function docxRows(xml: string): string[] {
  return [...xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((m) =>
    [...m[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => [...c[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(' ')).join(' | '),
  );
}
