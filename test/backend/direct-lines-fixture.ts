/** Shared set-up for the direct-lines tests: a real data folder, the real dispatch, a settable clock. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import type { Input, Method, Output } from '../../electron/backend/api.js';
import { openBackend, type Backend } from '../../electron/backend/app.js';
import type { ApiErrorBody } from '../../electron/backend/errors.js';
import { callersOf } from '../helpers/invoke.js';

export interface TestBackend {
  dir: string;
  backend: Backend;
  call<M extends Method>(method: M, input: Input<M>): Promise<Output<M>>;
  fail<M extends Method>(method: M, input: unknown): Promise<ApiErrorBody>;
  setNow(iso: string): void;
  journalBytes(): number;
  close(): Promise<void>;
}

export async function openTestBackend(now: string, timeZone = 'Asia/Barnaul'): Promise<TestBackend> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pd-dl-'));
  let clock = new Date(now);
  const backend = await openBackend({ dataDir: dir, backups: false, now: () => clock });
  const { call, fail } = callersOf(backend);
  await call('settings.save', {
    organisation: { name: 'Администрация города Алейска Алтайского края', city: 'Алейск', timeZone, site: '', newspaper: 'Маяк труда' },
    staff: [],
  });
  return {
    dir,
    backend,
    call: call as TestBackend['call'],
    fail,
    setNow: (iso) => (clock = new Date(iso)),
    journalBytes: () => {
      const f = path.join(dir, 'journal.ndjson');
      return fs.existsSync(f) ? fs.statSync(f).size : 0;
    },
    close: async () => {
      await backend.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const session = (over: Record<string, unknown> = {}) => ({
  startsAt: '2025-03-07T10:00:00+07:00',
  format: 'phone' as const,
  official: { name: 'Сидоренко Алексей Николаевич', position: 'Глава города Алейска' },
  place: 'редакция газеты «Маяк труда»',
  ...over,
});

export const question = (sessionId: string, over: Record<string, unknown> = {}) => ({
  sessionId,
  receivedAt: '2025-03-05T09:00:00+07:00',
  channel: 'phone' as const,
  topic: 'ЖКХ',
  text: 'Когда дадут горячую воду?',
  ...over,
});

/** Every file under `dir`, backups unzipped: [name, text]. */
export function filesOf(dir: string): [string, string][] {
  const out: [string, string][] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else {
        const bytes = fs.readFileSync(full);
        out.push([path.relative(dir, full), bytes.toString('utf8')]);
        if (/\.(pdbackup|zip)$/.test(e.name)) for (const [n, c] of Object.entries(unzipSync(bytes))) out.push([`${path.relative(dir, full)}:${n}`, strFromU8(c)]);
      }
    }
  };
  walk(dir);
  return out;
}

/** The text of word/document.xml of a DOCX given as base64. */
export function documentXml(base64: string): string {
  const files = unzipSync(new Uint8Array(Buffer.from(base64, 'base64')));
  return strFromU8(files['word/document.xml']!);
}

/** Visible text of a DOCX body: the <w:t> runs joined (runs of one paragraph glued, paragraphs on lines). */
export function documentText(base64: string): string {
  return documentXml(base64)
    .split('</w:p>')
    .map((p) => [...p.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
    .join('\n');
}
