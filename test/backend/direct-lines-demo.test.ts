/** The demo town's direct lines: a session a month, realistic and internally consistent. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../electron/backend/app.js';
import { effectiveStatus, localDay } from '../../electron/backend/features/direct-lines/dates.js';
import { buildDirectLinesDemo } from '../../electron/backend/features/direct-lines/demo.js';
import { DirectLine, Question } from '../../electron/backend/features/direct-lines/schema.js';

const NOW = new Date('2026-11-22T05:00:00Z');
const TZ = 'Asia/Barnaul';
const today = localDay(NOW, TZ);

describe('direct lines: demo data', () => {
  let backend: Backend;
  let dir: string;
  let sessions: DirectLine[];
  let questions: Question[];
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pd-dl-demo-'));
    backend = await openBackend({ dataDir: dir, backups: false, now: () => NOW });
    const outcome = await backend.invoke('system.fillDemo', { years: 1 });
    if (!outcome.ok) throw new Error(outcome.error.message);
    sessions = backend.ctx.store.all('directLines').sort((a, b) => a.startsAt.localeCompare(b.startsAt));
    questions = backend.ctx.store.all('directLineQuestions');
  });
  afterAll(async () => {
    await backend.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const call = async (method: string, input: unknown) => {
    const o = await backend.invoke(method, input);
    return o;
  };
  const ofSession = (s: DirectLine) => questions.filter((q) => q.sessionId === s.id);

  it('a session a month, the next one announced, the last one held, older ones published', async () => {
    expect(sessions).toHaveLength(13);
    expect(new Set(sessions.map((s) => localDay(s.startsAt, TZ).slice(0, 7))).size).toBe(13);
    for (const s of sessions) expect(DirectLine.safeParse(s).success).toBe(true);
    for (const q of questions) expect(Question.safeParse(q).success).toBe(true);
    const check = await call('system.check', {});
    expect(check.ok && (check.result as { ok: boolean }).ok).toBe(true);
    expect(sessions.map((s) => s.status)).toEqual([...Array(11).fill('published'), 'held', 'announced']);
    expect(new Set(sessions.map((s) => s.format))).toEqual(new Set(['phone', 'radio', 'video', 'visit']));
    expect(sessions.every((s) => s.outletId && backend.ctx.store.get('outlets', s.outletId))).toBe(true);
    const next = sessions.at(-1)!;
    expect(ofSession(next).length).toBeGreaterThan(0);
    expect(ofSession(next).every((q) => Date.parse(q.receivedAt) <= NOW.getTime() && !q.answeredLive && !q.assignment)).toBe(true);
  });

  it('12–15 answered on air, many assigned with deadlines after the session, some overdue, some late', () => {
    let overdue = 0;
    let late = 0;
    for (const s of sessions.filter((x) => x.status !== 'announced')) {
      const qs = ofSession(s);
      const distinct = qs.filter((q) => !q.mergedInto);
      const live = distinct.filter((q) => q.answeredLive).length;
      expect(live).toBeGreaterThanOrEqual(Math.min(12, distinct.length));
      expect(live).toBeLessThanOrEqual(15);
      expect(distinct.filter((q) => q.assignment).length).toBeGreaterThan(distinct.length / 5);
      for (const q of qs) {
        if (q.mergedInto) expect(qs.find((o) => o.id === q.mergedInto && !o.mergedInto)).toBeDefined();
        const a = q.assignment;
        if (!a) continue;
        expect(a.deadline >= localDay(s.startsAt, TZ)).toBe(true);
        if (effectiveStatus(a, today) === 'overdue') overdue++;
        if (a.status === 'done') {
          expect(localDay(a.doneAt!, TZ) <= today).toBe(true);
          if (localDay(a.doneAt!, TZ) > a.deadline) late++;
        }
      }
    }
    expect(overdue).toBeGreaterThanOrEqual(3);
    expect(overdue).toBeLessThan(questions.length / 10);
    expect(late).toBeGreaterThan(0);
  });

  it('topics and districts come from the dictionary; residents are anonymised after half a year', () => {
    const dict = backend.ctx.store.get('directLineDictionaries', 'direct-lines')!;
    expect(dict.topics).toEqual(expect.arrayContaining(['ЖКХ', 'Дороги', 'Уличное освещение', 'Транспорт', 'Детские площадки', 'Вывоз мусора', 'Тарифы']));
    for (const q of questions) {
      expect(dict.topics).toContain(q.topic);
      if (q.district) expect(dict.districts).toContain(q.district);
    }
    const old = sessions.filter((s) => Date.parse(s.startsAt) < NOW.getTime() - 180 * 86_400_000);
    expect(old.length).toBeGreaterThan(3);
    for (const s of old) {
      expect(s.anonymisedAt).not.toBeNull();
      expect(ofSession(s).every((q) => q.resident === null && q.anonymisedAt)).toBe(true);
    }
    const recent = sessions.filter((s) => !old.includes(s)).flatMap(ofSession);
    expect(recent.filter((q) => q.resident?.name).length).toBeGreaterThan(recent.length / 2);
    expect(recent.some((q) => q.resident?.publishName)).toBe(true);
  });

  it('published sessions export without the flag; the held one still waits for written answers', async () => {
    for (const s of sessions.filter((x) => x.status === 'published')) {
      const o = await call('directLines.exportQa', { id: s.id });
      expect(o.ok, s.startsAt).toBe(true);
    }
    const held = sessions.find((s) => s.status === 'held')!;
    const refused = await call('directLines.exportQa', { id: held.id });
    expect(!refused.ok && refused.error.issues![0]!.field).toBe('publishWithoutUnanswered');
    expect((await call('directLines.exportAssignments', { id: held.id })).ok).toBe(true);
  });

  it('«Сегодня» shows overdue assignments; search finds by a resident yet never shows him', async () => {
    const items = await call('today.get', {});
    if (!items.ok) throw new Error(items.error.message);
    const mine = (items.result as { section: string; severity: string }[]).filter((i) => i.section === 'direct-lines');
    expect(mine.some((i) => i.severity === 'danger')).toBe(true);
    const named = questions.find((q) => q.resident?.name.split(' ').length === 3)!;
    const surname = named.resident!.name.split(' ')[0]!;
    const hits = await call('search.global', { query: surname, limit: 100 });
    if (!hits.ok) throw new Error(hits.error.message);
    const list = hits.result as { section: string; title: string; subtitle: string }[];
    expect(list.some((h) => h.section === 'direct-lines')).toBe(true);
    for (const h of list.filter((x) => x.section === 'direct-lines')) expect(`${h.title} ${h.subtitle}`).not.toContain(surname);
    const stats = await call('directLines.stats', { from: `${today.slice(0, 4)}-01-01`, to: today });
    expect(stats.ok).toBe(true);
  });

  it('three years fill quickly and stay valid', async () => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), 'pd-dl-demo3-'));
    const b = await openBackend({ dataDir: d, backups: false, now: () => NOW });
    const started = Date.now();
    const o = await b.invoke('system.fillDemo', { years: 3 });
    expect(o.ok).toBe(true);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(b.ctx.store.count('directLines')).toBe(37);
    await b.close();
    fs.rmSync(d, { recursive: true, force: true });
  });

  it('whatever the date, the latest session held waits to be written up (the screens need one)', () => {
    // 4 December 2026: the last session (6 November) is four weeks old, the next one is today.
    for (const now of ['2026-12-03T19:00:00Z', '2026-11-22T05:00:00Z', '2027-01-20T05:00:00Z', '2026-06-06T05:00:00Z']) {
      const { sessions: demo, questions: questionsOf } = buildDirectLinesDemo({ years: 1, now: new Date(now), timeZone: TZ, outlets: [] });
      const held = demo.filter((s) => s.status === 'held');
      expect(held, now).toHaveLength(1);
      const past = demo.filter((s) => Date.parse(s.startsAt) + 3_600_000 < Date.parse(now));
      expect(held[0]!.startsAt, now).toBe(past.at(-1)!.startsAt);
      expect(questionsOf.filter((q) => q.sessionId === held[0]!.id && q.mergedInto).length, now).toBeGreaterThan(0);
    }
  });
});
