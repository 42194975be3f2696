import fs from 'node:fs';
import path from 'node:path';
import type { AppStore } from '../../collections.js';
import { collections } from '../../collections.js';
import { listBackups } from '../../store/backups.js';
import { readJournal } from '../../store/journal.js';
import type { CheckProblem, CheckReport } from './schema.js';

/** Reads every file of the data folder from disk (not from memory) and checks it against the schemas. */
export function checkDataFolder(store: AppStore): CheckReport {
  const problems: CheckProblem[] = [];
  let files = 0;
  let records = 0;
  const dataDir = path.join(store.dir, 'data');
  for (const [name, def] of Object.entries(collections)) {
    const candidates = [path.join(dataDir, `${name}.json`)];
    const shardDir = path.join(dataDir, name);
    if (fs.existsSync(shardDir)) candidates.push(...fs.readdirSync(shardDir).filter((f) => f.endsWith('.json') && !f.startsWith('.')).map((f) => path.join(shardDir, f)));
    for (const file of candidates.filter((f) => fs.existsSync(f))) {
      files++;
      const rel = path.relative(store.dir, file);
      try {
        const snapshot = JSON.parse(fs.readFileSync(file, 'utf8')) as { records?: unknown[] };
        if (!Array.isArray(snapshot.records)) throw new Error('нет списка записей');
        snapshot.records.forEach((r, i) => {
          const parsed = def.schema.safeParse(r);
          if (!parsed.success) problems.push({ collection: name, file: rel, message: `запись № ${i + 1}: ${parsed.error.issues[0]?.message}` });
        });
        records += snapshot.records.length;
      } catch (err) {
        problems.push({ collection: name, file: rel, message: `файл не читается: ${(err as Error).message}` });
      }
    }
  }
  const journal = readJournal(path.join(store.dir, 'journal.ndjson'));
  if (journal.damagedLines.length) problems.push({ collection: '-', file: 'journal.ndjson', message: `повреждены строки ${journal.damagedLines.join(', ')}` });
  return { ok: problems.length === 0, files, records, problems, backups: listBackups(store.dir).length };
}
