/**
 * A press officer typing into the editor, to be killed: opens the data folder through the real
 * backend and calls releases.saveDraft with a growing text, printing «ack N» only after the save
 * resolved (it is journaled and fdatasync'ed by then).
 *
 *   node releases-typist.mjs DIR RELEASE_ID
 *   output: «ready N» (words already there), then «ack N» per acknowledged save (fs.writeSync: never lost)
 */
import fs from 'node:fs';
import { openBackend } from '../../electron/backend/app.js';

const [dir, id] = process.argv.slice(2);
if (!dir || !id) throw new Error('usage: releases-typist DIR RELEASE_ID');

/** The text after `n` words: what the test expects to find. */
const typed = (n: number) => Array.from({ length: n }, (_, i) => `слово${i + 1}`).join(' ');

const out = (line: string) => fs.writeSync(1, line + '\n');
const backend = await openBackend({ dataDir: dir, backups: false });
const got = await backend.invoke('releases.get', { id });
if (!got.ok) throw new Error(got.error.message);
const body = (got.result as { body: { content: { content?: { text: string }[] }[] } }).body;
let n = (body.content[0]?.content?.[0]?.text ?? '').split(' ').filter(Boolean).length;
out(`ready ${n}`);
for (;;) {
  n++;
  const saved = await backend.invoke('releases.saveDraft', {
    id,
    by: 'staff-spec',
    headline: `Черновик, слов: ${n}`,
    body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: typed(n) }] }] },
  });
  if (!saved.ok) throw new Error(saved.error.message);
  out(`ack ${n}`);
}
