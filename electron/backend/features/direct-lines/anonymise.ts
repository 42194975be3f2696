/**
 * «Обезличить» (152-ФЗ): removes the residents' personal data (name, address, contact) for good,
 * keeping the question, the answers and the district. Irreversible; the method demands confirm: true.
 * `directLines.previewAnonymise` first shows where the name, phone, e-mail or address was typed into
 * free text (question, answers, assignment, the session's notes); anonymising replaces each such hit
 * with «[обезличено]».
 *
 * After it no file in the data folder holds the removed values:
 * 1. one journaled write sets `resident` to null and erases the hits in the free text;
 * 2. the store is compacted at once: the snapshot is rewritten and the journal (which still held
 *    the old puts with the name) is emptied; a backup is taken, which cuts the journal history kept
 *    since the previous one (journal-since-backup.ndjson);
 * 3. the backups made before are rewritten the same way (purgeOlderBackups, on by default), because a
 *    backup one click away from «Восстановить» would bring the name back; one no longer a zip is removed;
 * 4. the moved-aside copies (corrupt/, quarantine/) get the same erasure on their text;
 * 5. every file in the data folder is scanned for the removed values and the texts erased.
 * Archives saved by hand outside the data folder cannot be reached; the notice says so.
 */
import path from 'node:path';
import type { HandlerTable } from '../../context.js';
import { fieldError } from '../../errors.js';
import { countOf } from '../../format.js';
import { listBackups } from '../../store/backups.js';
import { rewriteBackups, scrubLooseCopies, type Rewrite } from '../../store/scrub.js';
import type { AppStore } from '../../collections.js';
import { scanDataFolder, type ScanResult } from './data-files.js';
import { eraseInRecord, findHits, residentsOf, type AnonymiseHit } from './free-text.js';
import { personalDataMatcher, type PersonalValues } from './personal-data.js';
import type { Question } from './schema.js';
import { sessionOr404, sessionQuestions } from './views.js';

export type { AnonymiseHit } from './free-text.js';

export interface AnonymisePreview {
  /** Questions in scope. */
  questions: number;
  /** Of them, those that still have a resident's data. */
  residents: number;
  /** The resident's data found in free text: what «[обезличено]» will replace. */
  hits: AnonymiseHit[];
}

export interface AnonymiseResult {
  questions: number;
  residentsErased: number;
  /** Places in free text replaced by «[обезличено]» in the current data. */
  textsErased: number;
  at: string;
  /** null when purgeOlderBackups was false. */
  backups: Rewrite | null;
  /** corrupt/ and quarantine/. */
  looseCopies: Rewrite;
  /** Every file of the data folder scanned afterwards for the removed names, contacts and erased texts. */
  check: ScanResult;
  /** What to tell the user (Russian). */
  notice: string;
}

function scopeOf(store: AppStore, sessionId: string, questionIds: string[] | undefined): Question[] {
  sessionOr404(store, sessionId);
  const all = sessionQuestions(store, sessionId);
  const scope = questionIds ? all.filter((q) => questionIds.includes(q.id)) : all;
  if (questionIds && scope.length !== new Set(questionIds).size) throw fieldError('questionIds', 'Вопросы', 'некоторых вопросов нет в этой прямой линии');
  return scope;
}

const valuesOf = (residents: PersonalValues[]) => residents.flatMap((r) => [r.name, r.address, r.contact]).filter((v): v is string => !!v?.trim());
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const list = (files: string[]) => files.join(', ');

export const anonymiseHandlers: HandlerTable<'directLines.anonymise' | 'directLines.previewAnonymise'> = {
  'directLines.previewAnonymise': ({ sessionId, questionIds }, { store }) => {
    const scope = scopeOf(store, sessionId, questionIds);
    const matcher = personalDataMatcher(residentsOf(scope));
    const hits = [...findHits(store.get('directLines', sessionId)!, 'session', matcher), ...scope.flatMap((q) => findHits(q, 'question', matcher))];
    return { questions: scope.length, residents: scope.filter((q) => q.resident).length, hits };
  },

  'directLines.anonymise': async ({ sessionId, questionIds, purgeOlderBackups }, { store, dataDir, now }) => {
    const scope = scopeOf(store, sessionId, questionIds);
    const at = now().toISOString();
    const inScope = new Set(scope.map((q) => q.id));
    const residents: PersonalValues[] = [];
    const found: string[] = [];

    const { residentsErased, textsErased } = await store.mutate((tx) => {
      const current = scope.map((q) => tx.get('directLineQuestions', q.id)).filter((q): q is Question => !!q);
      residents.push(...residentsOf(current));
      const matcher = personalDataMatcher(residents);
      let erased = 0;
      let texts = 0;
      for (const q of current) {
        const next = structuredClone(q);
        const had = !!q.resident;
        const r = eraseInRecord(next as never, 'question', matcher, at);
        if (!r.changed && q.anonymisedAt) continue;
        erased += had ? 1 : 0;
        texts += r.found.length;
        found.push(...r.found);
        tx.put('directLineQuestions', { ...next, anonymisedAt: q.anonymisedAt ?? at, updatedAt: at });
      }
      const s = structuredClone(tx.get('directLines', sessionId)!);
      const r = eraseInRecord(s as never, 'session', matcher, at);
      texts += r.found.length;
      found.push(...r.found);
      if (r.changed || (!questionIds && !s.anonymisedAt)) tx.put('directLines', { ...s, anonymisedAt: questionIds ? s.anonymisedAt : (s.anonymisedAt ?? at), updatedAt: at });
      return { residentsErased: erased, textsErased: texts };
    });
    await store.compact();
    // Compaction keeps the dropped journal lines (with the old texts) until the next backup: take it now.
    let fresh: string | null = null;
    try {
      // Never under the name of a backup made in the same millisecond (it would be replaced, not rewritten).
      const newest = listBackups(dataDir)[0]?.createdAt.getTime() ?? 0;
      fresh = path.relative(dataDir, store.backupNow(new Date(Math.max(now().getTime(), newest + 1))));
    } catch (err) {
      console.warn(`[press-desk] backup after anonymisation failed: ${(err as Error).message}`);
    }

    const backups = purgeOlderBackups
      ? rewriteBackups(dataDir, (collections) => {
          const qs = (collections.directLineQuestions ?? []).filter((r) => (questionIds ? inScope.has(r.id as string) : r.sessionId === sessionId));
          residents.push(...residentsOf(qs as unknown as Question[]));
          const matcher = personalDataMatcher(residents);
          const changed = new Set<string>();
          for (const r of qs) {
            const e = eraseInRecord(r, 'question', matcher, at);
            found.push(...e.found);
            if (e.changed) changed.add('directLineQuestions');
          }
          for (const s of (collections.directLines ?? []).filter((r) => r.id === sessionId)) {
            const e = eraseInRecord(s, 'session', matcher, at);
            found.push(...e.found);
            if (e.changed) changed.add('directLines');
          }
          return [...changed];
        })
      : null;

    // Damaged copies hold records of many people: a surname alone is not erased there, the texts erased above are.
    const strict = personalDataMatcher(residents, { strict: true });
    const phrases = [...new Set(found.filter((f) => /[\s\d@]/.test(f.trim())))].sort((a, b) => b.length - a.length);
    const phrase = phrases.length ? new RegExp(`(?<![\\p{L}\\d])(?:${phrases.map(escape).join('|')})(?![\\p{L}\\d])`, 'gu') : null;
    const looseCopies = scrubLooseCopies(dataDir, (text) => {
      const once = strict.erase(text);
      return phrase ? once.replace(phrase, '[обезличено]') : once;
    });
    const check = scanDataFolder(dataDir, [...valuesOf(residents), ...found]);

    const lines = [
      `Персональные данные жителей удалены безвозвратно (${countOf(residentsErased, ['вопрос', 'вопроса', 'вопросов'])}). Вопросы, ответы и районы сохранены.`,
    ];
    if (textsErased) lines.push(`В текстах вопросов, ответов и поручений заменено на «[обезличено]»: ${countOf(textsErased, ['место', 'места', 'мест'])}.`);
    lines.push('Файлы данных (папка data) переписаны, журнал изменений очищен.');
    lines.push(fresh ? `Создана новая резервная копия без этих данных: ${fresh}.` : 'Новую резервную копию создать не удалось: сделайте её вручную (Настройки → Данные).');
    if (backups?.rewritten.length) lines.push(`Переписаны без этих данных резервные копии: ${list(backups.rewritten)}.`);
    if (backups?.removed.length) lines.push(`Удалены повреждённые резервные копии, которые нельзя ни прочитать, ни проверить: ${list(backups.removed)}.`);
    if (backups?.failed.length) lines.push(`Не удалось изменить резервные копии (${list(backups.failed.map((f) => f.file))}): удалите их вручную.`);
    if (!backups) lines.push('Прежние резервные копии в папке данных ещё содержат эти данные, пока не будут заменены новыми (до 14 дней).');
    if (looseCopies.rewritten.length) lines.push(`Переписаны отложенные повреждённые копии: ${list(looseCopies.rewritten)}.`);
    if (looseCopies.failed.length) lines.push(`Не удалось изменить копии (${list(looseCopies.failed.map((f) => f.file))}): удалите их вручную.`);
    if (check.stillFoundIn.length)
      lines.push(`Удалённые имя или контакт ещё встречаются в файлах: ${list(check.stillFoundIn)} (например, в других вопросах того же жителя или в файлах, которые программа не смогла прочитать).`);
    lines.push('Архивы, сохранённые вручную вне папки данных (флешка, сетевая папка), программа изменить не может: удалите их или не восстанавливайте из них.');
    return { questions: scope.length, residentsErased, textsErased, at, backups, looseCopies, check, notice: lines.join(' ') };
  },
};
