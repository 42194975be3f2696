/**
 * «Обезличить» (152-ФЗ): removes the residents' personal data (name, address, contact) for good,
 * keeping the question, the answers and the district. Irreversible; the method demands confirm: true.
 *
 * After it no file in the data folder holds the removed values:
 * 1. one journaled write sets `resident` to null;
 * 2. the store is compacted at once: the snapshot is rewritten and the journal (which still held
 *    the old puts with the name) is emptied;
 * 3. the backups made before are rewritten without those residents (purgeOlderBackups, on by default),
 *    because a backup one click away from «Восстановить» would bring the name back;
 * 4. every file in the data folder is scanned for the removed values and the result is returned.
 * Archives saved by hand outside the data folder cannot be reached; the notice says so.
 *
 * Store primitive wanted (then step 3 moves there): Store.rewriteBackups(collection, erase) — for each
 * backup in backups/, inside the write queue, unzip, hand the collection's records to `erase`, and when it
 * changed any, write the archive back under the same name (temp + fsync + rename) keeping every other entry.
 */
import type { HandlerTable } from '../../context.js';
import { fieldError } from '../../errors.js';
import { countOf } from '../../format.js';
import { eraseFromBackups, scanDataFolder, type BackupErasure, type ScanResult } from './data-files.js';
import { sessionOr404, sessionQuestions } from './views.js';

export interface AnonymiseResult {
  /** Questions in scope. */
  questions: number;
  /** Of them, those that still had a resident's data. */
  residentsErased: number;
  at: string;
  /** null when purgeOlderBackups was false. */
  backups: BackupErasure | null;
  /** Every file of the data folder scanned afterwards for the removed names and contacts. */
  check: ScanResult;
  /** What to tell the user (Russian). */
  notice: string;
}

export const anonymiseHandlers: HandlerTable<'directLines.anonymise'> = {
  'directLines.anonymise': async ({ sessionId, questionIds, purgeOlderBackups }, { store, dataDir, now }) => {
    sessionOr404(store, sessionId);
    const all = sessionQuestions(store, sessionId);
    const scope = questionIds ? all.filter((q) => questionIds.includes(q.id)) : all;
    if (questionIds && scope.length !== new Set(questionIds).size)
      throw fieldError('questionIds', 'Вопросы', 'некоторых вопросов нет в этой прямой линии');
    const erasedValues = scope.flatMap((q) => (q.resident ? [q.resident.name, q.resident.contact] : [])).filter(Boolean);
    const at = now().toISOString();
    const inScope = new Set(scope.map((q) => q.id));

    const residentsErased = await store.mutate((tx) => {
      let n = 0;
      for (const q of scope) {
        const current = tx.get('directLineQuestions', q.id);
        if (!current || (!current.resident && current.anonymisedAt)) continue;
        if (current.resident) n++;
        tx.put('directLineQuestions', { ...current, resident: null, anonymisedAt: current.anonymisedAt ?? at, updatedAt: at });
      }
      const s = tx.get('directLines', sessionId)!;
      if (!questionIds) tx.put('directLines', { ...s, anonymisedAt: s.anonymisedAt ?? at, updatedAt: at });
      return n;
    });
    await store.compact();

    const backups = purgeOlderBackups
      ? eraseFromBackups(dataDir, 'directLineQuestions', (records) => {
          let n = 0;
          for (const r of records) {
            const match = questionIds ? inScope.has(r.id as string) : r.sessionId === sessionId;
            if (match && r.resident) {
              r.resident = null;
              r.anonymisedAt ??= at;
              n++;
            }
          }
          return n;
        })
      : null;
    const check = scanDataFolder(dataDir, erasedValues);

    const lines = [
      `Персональные данные жителей удалены безвозвратно (${countOf(residentsErased, ['вопрос', 'вопроса', 'вопросов'])}). Вопросы, ответы и районы сохранены.`,
    ];
    if (backups?.rewritten) lines.push(`Удалены также из прежних резервных копий: ${backups.rewritten}.`);
    if (backups?.failed.length) lines.push(`Не удалось изменить резервные копии (${backups.failed.map((f) => f.file).join(', ')}): удалите их вручную.`);
    if (!backups) lines.push('Прежние резервные копии в папке данных ещё содержат эти данные, пока не будут заменены новыми (до 14 дней).');
    if (check.stillFoundIn.length) lines.push(`Удалённые имя или контакт ещё встречаются в файлах: ${check.stillFoundIn.join(', ')} (например, в других вопросах того же жителя или в повреждённых копиях в папке corrupt).`);
    lines.push('Архивы, сохранённые вручную вне папки данных (флешка, сетевая папка), программа изменить не может: удалите их или не восстанавливайте из них.');
    return { questions: scope.length, residentsErased, at, backups, check, notice: lines.join(' ') };
  },
};
