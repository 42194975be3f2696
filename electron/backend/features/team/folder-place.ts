import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../errors.js';

const caseInsensitive = process.platform === 'win32' || process.platform === 'darwin';

/** The real path (links resolved) of `dir`, or of its nearest existing parent plus the rest as written. */
function canonical(dir: string): string {
  const full = path.resolve(dir);
  let real = full;
  for (let head = full, rest = ''; ; ) {
    try {
      real = path.join(fs.realpathSync.native(head), rest);
      break;
    } catch {
      const up = path.dirname(head);
      if (up === head) break;
      rest = path.join(path.basename(head), rest);
      head = up;
    }
  }
  return caseInsensitive ? real.toLowerCase() : real;
}

const within = (inner: string, outer: string) => {
  const rel = path.relative(outer, inner);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
};

/** The live data folder must never be in the team folder (the other computer would see, and a sync client copy, its files). */
export function assertNotInside(dataDir: string, teamDir: string): void {
  const data = canonical(dataDir);
  const team = canonical(teamDir);
  const fail = (message: string) => new AppError('validation', message, [{ field: 'dir', label: 'Папка отдела', message }]);
  if (data === team) throw fail(`Папка отдела не может совпадать с папкой данных «${dataDir}»: выберите другую папку`);
  if (within(data, team)) throw fail(`Папка данных «${dataDir}» находится внутри папки отдела «${teamDir}»: выберите папку отдела в другом месте`);
  if (within(team, data)) throw fail(`Папка отдела «${teamDir}» находится внутри папки данных «${dataDir}»: выберите папку отдела в другом месте`);
}
