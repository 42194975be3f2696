/**
 * Opens a Store on a folder and stays (holding the lock if it got it) until killed.
 *   node lock-child.mjs DIR
 * Prints one JSON line: { pid, readOnly, lockHolder, staleLockRecovered, error? }
 * With a second argument "write" it also tries one save and reports the error code and message.
 */
import fs from 'node:fs';
import { AppError } from '../../electron/backend/errors.js';
import { Store } from '../../electron/backend/store/store.js';
import { noteFor, testDefs } from './defs.js';

const [dir, action] = process.argv.slice(2);
const store = await Store.open(dir!, testDefs);
const report: Record<string, unknown> = {
  pid: process.pid,
  readOnly: store.readOnly,
  lockHolder: store.lockHolder,
  staleLockRecovered: store.staleLockRecovered,
};
if (action === 'write') {
  try {
    await store.mutate((tx) => tx.put('notes', noteFor(`from-${process.pid}`, 1)));
    report.wrote = true;
  } catch (err) {
    report.error = { code: err instanceof AppError ? err.code : 'other', message: (err as Error).message };
  }
}
fs.writeSync(1, JSON.stringify(report) + '\n');
setInterval(() => undefined, 60_000);
