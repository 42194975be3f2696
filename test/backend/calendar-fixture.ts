/** A data folder with the organisation, two staff members and two outlets, for the calendar tests. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import type { Input, Method, Output } from '../../electron/backend/api.js';
import { openBackend, type Backend } from '../../electron/backend/app.js';
import type { ApiErrorBody } from '../../electron/backend/errors.js';

export interface CalendarFixture {
  dir: string;
  backend: Backend;
  outlets: { mayak: string; tv: string };
  call<M extends Method>(method: M, input: Input<M>): Promise<Output<M>>;
  /** Calls a method that must fail; checks that nothing was written and returns the error. */
  fail<M extends Method>(method: M, input: unknown): Promise<ApiErrorBody>;
  setNow(iso: string): void;
  close(): Promise<void>;
}

export function tmpDir(name: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `press-desk-${name}-`));
}

export const journalSize = (dir: string) => {
  const file = path.join(dir, 'journal.ndjson');
  return fs.existsSync(file) ? fs.statSync(file).size : 0;
};

export async function openCalendar(opts: { now?: string; timeZone?: string; dir?: string } = {}): Promise<CalendarFixture> {
  const dir = opts.dir ?? tmpDir('calendar');
  let now = new Date(opts.now ?? '2026-06-03T03:00:00Z');
  const backend = await openBackend({ dataDir: dir, now: () => now });
  const call = async <M extends Method>(method: M, input: Input<M>): Promise<Output<M>> => {
    const outcome = await backend.invoke(method, input);
    if (!outcome.ok) throw new Error(`${method}: ${outcome.error.message} ${JSON.stringify(outcome.error.issues ?? [])}`);
    return outcome.result as Output<M>;
  };
  const fail = async <M extends Method>(method: M, input: unknown): Promise<ApiErrorBody> => {
    const size = journalSize(dir);
    const seq = backend.ctx.store.currentSeq;
    const events = JSON.stringify(backend.ctx.store.all('events'));
    const outcome = await backend.invoke(method, input);
    expect(outcome.ok, `${method} should have failed for ${JSON.stringify(input)}`).toBe(false);
    expect(journalSize(dir), 'the journal must not grow').toBe(size);
    expect(backend.ctx.store.currentSeq).toBe(seq);
    expect(JSON.stringify(backend.ctx.store.all('events'))).toBe(events);
    return (outcome as { ok: false; error: ApiErrorBody }).error;
  };
  const exists = opts.dir && backend.ctx.store.get('settings', 'settings');
  let outlets = { mayak: '', tv: '' };
  if (!exists) {
    await call('settings.save', {
      organisation: { name: 'Администрация города Алейска Алтайского края', city: 'Алейск', timeZone: opts.timeZone ?? 'Asia/Barnaul', site: '', newspaper: 'Маяк труда' },
      staff: [
        { id: 'staff-head', name: 'Соколова Ирина Викторовна', position: 'начальник отдела по связям с общественностью и СМИ', role: 'head' },
        { id: 'staff-spec', name: 'Петров Андрей Сергеевич', position: 'главный специалист', role: 'specialist' },
      ],
    });
    const mayak = await call('outlets.create', { name: 'Газета «Маяк труда»', kind: 'newspaper' });
    const tv = await call('outlets.create', { name: 'Телекомпания «Алейск-ТВ»', kind: 'tv' });
    outlets = { mayak: mayak.id, tv: tv.id };
  } else {
    const all = backend.ctx.store.all('outlets');
    outlets = { mayak: all.find((o) => o.name.includes('Маяк'))?.id ?? '', tv: all.find((o) => o.name.includes('ТВ'))?.id ?? '' };
  }
  return {
    dir,
    backend,
    outlets,
    call,
    fail,
    setNow: (iso) => {
      now = new Date(iso);
    },
    close: async () => {
      await backend.close();
      if (!opts.dir) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A weekly briefing on Mondays 10:00–11:00 from 1 June 2026, eight times (until 20 July). */
export const weeklyBriefing = {
  title: 'Еженедельный брифинг главы города',
  kindId: 'briefing',
  start: '2026-06-01T10:00',
  end: '2026-06-01T11:00',
  place: 'Администрация, кабинет главы',
  responsibleId: 'staff-head',
  recurrence: { freq: 'weekly' as const, byWeekday: ['MO'], until: '2026-07-20' },
};
