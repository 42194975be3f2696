/**
 * Nothing typed is lost on a crash: a child process autosaves a growing text through the real
 * backend and is SIGKILLed mid-typing; reopening the folder gives the last acknowledged text (or
 * the one in flight, if it reached the disk), never less, and the folder needs no repair.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend } from '../../electron/backend/app.js';
import { demoSettings } from '../../electron/backend/demo/town.js';
import { bundle } from '../helpers/bundle.js';

const typed = (n: number) => Array.from({ length: n }, (_, i) => `слово${i + 1}`).join(' ');

let dir: string;
let id: string;
let child: string;

beforeAll(async () => {
  child = await bundle('test/helpers/releases-typist.ts', 'releases-typist');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pd-rel-crash-'));
  const backend = await openBackend({ dataDir: dir, backups: false });
  await backend.invoke('settings.save', demoSettings);
  const created = await backend.invoke('releases.create', { type: 'news', by: 'staff-spec', template: false });
  if (!created.ok) throw new Error(created.error.message);
  id = (created.result as { id: string }).id;
  await backend.close();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Runs the typist until it has `acks` acknowledged saves (plus a random few ms), then SIGKILLs it. */
function typeAndKill(acks: number, extraMs: number): Promise<{ start: number; lastAck: number }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [child, dir, id], { stdio: ['ignore', 'pipe', 'pipe'] });
    let buf = '';
    let err = '';
    let start = -1;
    let lastAck = -1;
    let seen = 0;
    let killing = false;
    proc.stderr.on('data', (c) => (err += c));
    proc.stdout.setEncoding('utf8');
    proc.stdout.on('data', (chunk: string) => {
      buf += chunk;
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const [word, value] = buf.slice(0, nl).split(' ');
        buf = buf.slice(nl + 1);
        if (word === 'ready') start = lastAck = Number(value);
        if (word === 'ack') {
          lastAck = Number(value);
          if (++seen >= acks && !killing) {
            killing = true;
            setTimeout(() => proc.kill('SIGKILL'), extraMs);
          }
        }
      }
    });
    proc.on('close', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`typist ended by itself (${code}): ${err}`));
      else resolve({ start, lastAck });
    });
  });
}

describe('kill mid-typing', () => {
  it('reopening gives the last acknowledged text every time, with no repair needed', async () => {
    const rounds = [
      [15, 0],
      [40, 3],
      [25, 1],
      [60, 7],
      [10, 2],
    ] as const;
    for (const [acks, extra] of rounds) {
      const { start, lastAck } = await typeAndKill(acks, extra);
      expect(lastAck).toBeGreaterThanOrEqual(start + acks);
      const backend = await openBackend({ dataDir: dir, backups: false });
      try {
        expect(backend.ctx.store.recoveries).toEqual([]);
        const got = await backend.invoke('releases.get', { id });
        if (!got.ok) throw new Error(got.error.message);
        const r = got.result as { headline: string; body: { content: { content?: { text: string }[] }[] }; revision: number };
        const text = r.body.content[0]!.content![0]!.text;
        const words = text.split(' ').length;
        // The last acknowledged save is there; the one in flight may be too, nothing beyond it.
        expect([lastAck, lastAck + 1]).toContain(words);
        expect(text).toBe(typed(words));
        expect(r.headline).toBe(`Черновик, слов: ${words}`);
        expect(r.revision).toBe(words);
        const check = await backend.invoke('system.check', {});
        expect(check.ok && (check.result as { ok: boolean }).ok).toBe(true);
      } finally {
        await backend.close();
      }
    }
  });
});
