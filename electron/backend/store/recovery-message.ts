import { countOf, plural } from '../format.js';
import type { RecordRef, Recovery } from './types.js';

const RECORDS = ['запись', 'записи', 'записей'] as const;
const SHOWN = 10;

/** «прочитана 1 запись», «прочитаны 2 записи», «прочитано 5 записей» */
const agreed = (n: number, verb: readonly [string, string, string]) => `${plural(n, verb)} ${countOf(n, RECORDS)}`;

/** «Новости» (01ABC), «Газета» (01ABD) и ещё 3 */
function refs(list: RecordRef[], withReason = false): string {
  const shown = list.slice(0, SHOWN).map((r) => `${r.title ? `«${r.title}» ` : ''}(${r.id})${withReason && r.reason ? `: ${r.reason}` : ''}`);
  return shown.join('; ') + (list.length > SHOWN ? ` и ещё ${list.length - SHOWN}` : '');
}

/** Records that came back whole need no id to be found again: their titles are enough. */
function titles(list: RecordRef[]): string {
  const shown = list.slice(0, SHOWN).map((r) => (r.title ? `«${r.title}»` : r.id));
  return shown.join('; ') + (list.length > SHOWN ? ` и ещё ${list.length - SHOWN}` : '');
}

export interface RecoveryFacts {
  name: string;
  problem: string;
  movedTo: string | null;
  backup: string | null;
  complete: boolean;
  cutShort: boolean;
  collection: string;
}

/** What the banner and the CLI say: what was damaged, what came back from where, what did not. */
export function describeRecovery(r: Recovery, f: RecoveryFacts): string {
  const parts = [`Файл данных «${f.name}» повреждён (${f.problem}).`];
  parts.push(f.movedTo ? `Он перемещён в «${f.movedTo}».` : 'Папка открыта только для чтения, файл не тронут.');
  parts.push(`Из самого файла ${agreed(r.salvaged ?? 0, ['прочитана', 'прочитаны', 'прочитано'])}.`);
  const rebuilt = r.rebuilt ?? [];
  const fromBackup = r.fromBackup ?? [];
  if (rebuilt.length) {
    const source = f.backup ? `резервной копии «${f.backup}» и журналу изменений` : 'журналу изменений';
    parts.push(`По ${source} ${agreed(rebuilt.length, ['восстановлена', 'восстановлены', 'восстановлено'])}: ${titles(rebuilt)}.`);
  }
  if (fromBackup.length) {
    const source = f.backup ? `резервной копии «${f.backup}»` : 'журнала изменений';
    parts.push(`Из ${source} ${agreed(fromBackup.length, ['взята', 'взяты', 'взято'])}; их более поздние изменения могли не сохраниться — проверьте: ${refs(fromBackup)}.`);
  }
  if (!f.backup && !rebuilt.length && !(r.salvaged ?? 0)) parts.push(`Резервной копии с этими данными не нашлось, раздел «${f.collection}» открыт пустым.`);
  const quarantined = r.quarantined ?? [];
  if (quarantined.length) {
    parts.push(`Не прошли проверку и отложены (Настройки → Данные → Отложенные записи) — ${countOf(quarantined.length, RECORDS)}: ${refs(quarantined, true)}.`);
  }
  const lost = r.unrecoverable ?? [];
  if (!f.complete && f.cutShort) parts.push('Файл обрывается: записи после места обрыва, если они были, не восстановлены.');
  if (lost.length) parts.push(`Не удалось восстановить ${countOf(lost.length, RECORDS)}: ${refs(lost, true)}.`);
  else if (f.complete && !quarantined.length) parts.push('Все сохранённые записи на месте.');
  return parts.join(' ');
}
