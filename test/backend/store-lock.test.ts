import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../electron/backend/errors.js';
import { LOCK_FILE, type LockInfo } from '../../electron/backend/store/lock.js';
import { bundle } from '../helpers/bundle.js';
import { startNode, type Started } from '../helpers/child.js';
import { noteFor } from '../helpers/defs.js';
import { openTest, type TestStore } from '../helpers/store-kit.js';
import { removeTempDirs, tempDir } from '../helpers/tmp.js';

let lockChild: string;
const children: Started[] = [];
beforeAll(async () => {
  lockChild = await bundle('test/helpers/lock-child.ts');
});
afterAll(() => fs.rmSync(lockChild, { force: true }));
afterEach(async () => {
  for (const c of children.splice(0)) {
    c.child.kill('SIGKILL');
    await c.exited;
  }
  removeTempDirs();
});

function holdFolder(dir: string, action?: string): Started {
  const started = startNode(lockChild, action ? [dir, action] : [dir]);
  children.push(started);
  return started;
}

const lockPath = (dir: string) => path.join(dir, LOCK_FILE);
const readLockFile = (dir: string) => JSON.parse(fs.readFileSync(lockPath(dir), 'utf8')) as LockInfo;

function writeLock(dir: string, info: Partial<LockInfo>): Buffer {
  const now = new Date().toISOString();
  const bytes = Buffer.from(JSON.stringify({ host: 'other-pc', user: 'ivanova', pid: 4242, since: now, heartbeat: now, app: 'press-desk', ...info }));
  fs.writeFileSync(lockPath(dir), bytes);
  return bytes;
}

async function expectReadOnly(store: TestStore, holder: Partial<LockInfo>) {
  expect(store.readOnly).toBe(true);
  expect(store.lockHolder).toMatchObject(holder);
  const err = await store.mutate((tx) => tx.put('notes', noteFor('x', 1))).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe('read_only');
  expect((err as AppError).message).toMatch(/^Открыто только для чтения: изменения не сохраняются\. Папку данных сейчас использует .+ на компьютере .+ \(с .+\)\.$/);
  if (holder.user) expect((err as AppError).message).toContain(holder.user);
  if (holder.host) expect((err as AppError).message).toContain(holder.host);
  expect(() => store.assertWritable()).toThrow(AppError);
}

describe('store: one writer per folder (two real processes)', () => {
  it('the second instance is read-only and names the holder; after the holder is killed its stale lock is taken over', async () => {
    const dir = tempDir();
    const first = holdFolder(dir);
    const a = await first.first;
    expect(a).toMatchObject({ readOnly: false, lockHolder: null, staleLockRecovered: null });
    const pid = first.child.pid!;

    const lock = readLockFile(dir);
    expect(lock).toMatchObject({ host: os.hostname(), user: os.userInfo().username, pid, app: 'press-desk' });
    expect(Number.isNaN(Date.parse(lock.since))).toBe(false);

    // This process: read-only, told who holds it.
    const second = await openTest(dir);
    await expectReadOnly(second, { host: os.hostname(), user: os.userInfo().username, pid, since: lock.since });
    await second.close();

    // Another process too, and its save is refused with the same code.
    const third = holdFolder(dir, 'write');
    const c = await third.first;
    expect(c.readOnly).toBe(true);
    expect(c.lockHolder).toMatchObject({ pid });
    expect(c.error.code).toBe('read_only');
    expect(c.error.message).toContain(os.hostname());

    // The holder dies without a word: its lock is stale (dead pid on this host) and is taken over.
    first.child.kill('SIGKILL');
    await first.exited;
    const next = await openTest(dir);
    expect(next.readOnly).toBe(false);
    expect(next.staleLockRecovered).toMatchObject({ pid, host: os.hostname() });
    expect(readLockFile(dir).pid).toBe(process.pid);
    await next.mutate((tx) => tx.put('notes', noteFor('mine', 1)));
    await next.close();
    expect(fs.existsSync(lockPath(dir))).toBe(false); // a clean close lets go
  });

  it('a live holder on this host stays the holder even with an old heartbeat (a sleeping laptop is not dead)', async () => {
    const dir = tempDir();
    const first = holdFolder(dir);
    await first.first;
    const lock = readLockFile(dir);
    fs.writeFileSync(lockPath(dir), JSON.stringify({ ...lock, heartbeat: new Date(Date.now() - 10 * 60_000).toISOString() }));
    const second = await openTest(dir);
    expect(second.readOnly).toBe(true);
    expect(second.staleLockRecovered).toBeNull();
    await second.close();
  });
});

describe('store: a lock from another computer (shared folder)', () => {
  it('with a heartbeat older than 2 minutes: taken over', async () => {
    const dir = tempDir();
    writeLock(dir, { heartbeat: new Date(Date.now() - 3 * 60_000).toISOString() });
    const store = await openTest(dir);
    expect(store.readOnly).toBe(false);
    expect(store.staleLockRecovered).toMatchObject({ host: 'other-pc', user: 'ivanova' });
    await store.mutate((tx) => tx.put('notes', noteFor('ok', 1)));
    await store.close();
  });

  it('with a fresh heartbeat: read-only, and the lock file is left exactly as it was', async () => {
    const dir = tempDir();
    const bytes = writeLock(dir, { heartbeat: new Date(Date.now() - 30_000).toISOString() });
    const store = await openTest(dir);
    await expectReadOnly(store, { host: 'other-pc', user: 'ivanova', pid: 4242 });
    await store.close();
    expect(fs.readFileSync(lockPath(dir))).toEqual(bytes);
  });

  it('a lock file being written right now (empty, fresh) is not taken over; one left empty by a crash long ago is', async () => {
    const dir = tempDir();
    fs.writeFileSync(lockPath(dir), '');
    const busy = await openTest(dir);
    expect(busy.readOnly).toBe(true);
    await busy.close();
    expect(fs.readFileSync(lockPath(dir), 'utf8')).toBe('');

    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(lockPath(dir), old, old);
    const store = await openTest(dir);
    expect(store.readOnly).toBe(false);
    expect(store.staleLockRecovered).not.toBeNull();
    await store.close();
  });

  it('the heartbeat rewrites the lock atomically, and a writer whose lock was taken over stops writing', async () => {
    const dir = tempDir();
    const store = await openTest(dir);
    const lock = (store as unknown as { lock: { beat(): boolean; lastBeat: number } }).lock;
    const before = readLockFile(dir);
    await new Promise((r) => setTimeout(r, 5));
    expect(lock.beat()).toBe(true);
    const after = readLockFile(dir);
    expect(after.since).toBe(before.since);
    expect(Date.parse(after.heartbeat)).toBeGreaterThan(Date.parse(before.heartbeat));
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);

    // We slept (the interval timer lags the wall clock) and another computer took the folder over.
    writeLock(dir, { host: 'other-pc', user: 'petrov' });
    lock.lastBeat = Date.now() - 10 * 60_000;
    await expectReadOnly(store, { host: 'other-pc', user: 'petrov' });
    await store.close();
    expect(readLockFile(dir).user).toBe('petrov'); // and we do not delete their lock on close
  });
});
