/** Shared set-up for the releases tests: a real data folder, the real dispatch, a settable clock. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Input, Method, Output } from '../../electron/backend/api.js';
import { openBackend, type Backend } from '../../electron/backend/app.js';
import type { ApiErrorBody } from '../../electron/backend/errors.js';
import { demoSettings } from '../../electron/backend/demo/town.js';
import { scenePng } from '../../electron/backend/features/releases/png.js';
import { callersOf } from './invoke.js';

export const HEAD = 'staff-head';
export const SPEC = 'staff-spec';

export interface ReleasesKit {
  dir: string;
  backend: Backend;
  call<M extends Method>(method: M, input: Input<M>): Promise<Output<M>>;
  fail(method: Method, input: unknown): Promise<ApiErrorBody>;
  setNow(iso: string): void;
  advance(minutes: number): void;
  /** Journal sequence number: unchanged means nothing was written. */
  seq(): number;
  close(): Promise<void>;
}

export async function openKit(now = '2026-05-12T03:00:00Z', opts: { settings?: boolean } = {}): Promise<ReleasesKit> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pd-rel-'));
  let clock = new Date(now);
  const backend = await openBackend({ dataDir: dir, backups: false, now: () => clock });
  const { call, fail } = callersOf(backend);
  if (opts.settings !== false) await call('settings.save', demoSettings);
  return {
    dir,
    backend,
    call: call as ReleasesKit['call'],
    fail,
    setNow: (iso) => (clock = new Date(iso)),
    advance: (minutes) => (clock = new Date(clock.getTime() + minutes * 60_000)),
    seq: () => backend.ctx.store.currentSeq,
    async close() {
      await backend.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const p = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });
export const doc = (...content: unknown[]) => ({ type: 'doc', content });
export const photoBase64 = (w = 64, h = 40, seed = 1) => scenePng(w, h, seed).toString('base64');

/** Everything a release needs to pass the checklist, except a photo (added with addPhoto). */
export const complete = {
  headline: 'В Алейске отремонтируют дороги на улице Победы',
  lead: 'В 2026 году по национальному проекту «Безопасные качественные дороги» отремонтируют 2,4 км дорог.',
  body: doc(p('Работы начнутся в июне. Подрядчик определён по итогам аукциона.')),
  quotes: [{ text: 'Дороги — главный запрос жителей.', speaker: 'Михайлов Иван Петрович', position: 'глава города Алейска' }],
  contacts: [{ name: 'Соколова Ирина Викторовна', position: 'начальник отдела', phone: '+7 (38553) 2-11-00', email: 'press@aleysk.example.ru' }],
  eventAt: '2026-06-01T10:00',
  place: 'ул. Победы',
};

/** A release that passes the checklist (with a photo with caption and author). */
export async function readyRelease(kit: ReleasesKit, by = SPEC) {
  const created = await kit.call('releases.create', { type: 'postRelease', by });
  await kit.call('releases.save', { id: created.id, by, ...complete });
  return kit.call('releases.addPhoto', { id: created.id, by, fileName: 'pobedy.png', base64: photoBase64(), caption: 'Улица Победы', author: 'Андрей Петров' });
}

/** The parts of a .docx as text (XML) or bytes. */
export function unzipDocx(base64: string): { xml(name: string): string; names: string[]; bytes(name: string): Uint8Array } {
  const files = unzipSync(new Uint8Array(Buffer.from(base64, 'base64')));
  return { names: Object.keys(files), xml: (name) => strFromU8(files[name]!), bytes: (name) => files[name]! };
}
