/**
 * The demo town's direct lines: one session a month (mostly by phone in the editorial office of
 * «Маяк труда», some on «Алейск FM», a broadcast on VK, a visiting reception in summer), 14–26
 * questions each, 12–15 answered on air, most of the rest assigned to departments with deadlines,
 * a few overdue; sessions published more than half a year ago are anonymised, as the rules ask.
 */
import { randomUUID } from 'node:crypto';
import type { AppStore } from '../../collections.js';
import { seededRandom, type Random } from '../../demo/random.js';
import type { Outlet } from '../outlets/schema.js';
import { addDays, localDay, zonedIso } from './dates.js';
import { demoDepartments, demoDistricts, demoFirstNames, demoQuestions, demoTopics, type DemoQuestion } from './demo-texts.js';
import type { Channel, DirectLine, Question, Resident, SessionFormat } from './schema.js';

export interface DirectLinesDemoOptions {
  years: number;
  now: Date;
  timeZone: string;
  outlets: Outlet[];
}

const DAY = 86_400_000;
// The same officials as the calendar and the releases of the demo town.
const head = { name: 'Ткаченко Виктор Юрьевич', position: 'Глава города Алейска' };
const deputy = { name: 'Морозов Алексей Петрович', position: 'заместитель главы администрации по ЖКХ, строительству и транспорту' };

function firstFriday(year: number, month: number): string {
  for (let d = 1; d <= 7; d++) {
    const date = new Date(Date.UTC(year, month, d));
    if (date.getUTCDay() === 5) return date.toISOString().slice(0, 10);
  }
  throw new Error('unreachable');
}

function plan(month: number, index: number, outlets: Outlet[]) {
  const id = (part: string) => outlets.find((o) => o.name.includes(part))?.id ?? null;
  if (month === 5 || month === 7)
    return { format: 'visit' as SessionFormat, time: '15:00', outletId: id('Алейск-ТВ'), place: 'городской Дом культуры, ул. Победы, 36', link: '' };
  if (index % 6 === 4) return { format: 'video' as SessionFormat, time: '17:00', outletId: id('наш город'), place: 'официальная страница администрации ВКонтакте', link: 'https://vk.com/aleysk_admin' };
  if (index % 3 === 1) return { format: 'radio' as SessionFormat, time: '11:00', outletId: id('Алейск FM'), place: 'студия радио «Алейск FM», ул. Ширшова, 20', link: '' };
  return { format: 'phone' as SessionFormat, time: '10:00', outletId: id('Маяк труда'), place: 'редакция газеты «Маяк труда», ул. Победы, 52; телефон прямой линии 2-15-40', link: '' };
}

function resident(random: Random, street: string): Resident | null {
  if (random.next() < 0.2) return null;
  const [first, middle, last] = random.pick(demoFirstNames);
  const full = random.next() < 0.6;
  const name = full ? `${last} ${first} ${middle}` : `${first} ${middle}`;
  const address = random.next() < 0.4 ? `${street}, д. ${random.int(1, 120)}${random.next() < 0.5 ? `, кв. ${random.int(1, 80)}` : ''}` : '';
  const contact = random.next() < 0.6 ? `+7 9${random.int(10, 99)} ${random.int(100, 999)}-${random.int(10, 99)}-${random.int(10, 99)}` : '';
  return { name, address, contact, publishName: random.next() < 0.3 };
}

interface Ctx {
  random: Random;
  tz: string;
  today: string;
}

function makeQuestion(c: Ctx, s: DirectLine, t: DemoQuestion, order: number, channel: Channel, receivedAt: string, text?: string): Question {
  const district = c.random.pick(demoDistricts);
  const street = c.random.pick(district.streets);
  return {
    id: randomUUID(),
    sessionId: s.id,
    order,
    receivedAt,
    channel,
    topic: t.topic,
    text: (text ?? t.text).replaceAll('{street}', street),
    district: c.random.next() < 0.92 ? district.name : '',
    resident: resident(c.random, street),
    answer: '',
    answeredLive: false,
    answeredLiveAt: null,
    liveNote: '',
    assignment: null,
    mergedInto: null,
    anonymisedAt: null,
    createdAt: receivedAt,
    updatedAt: receivedAt,
  };
}

/** Answers, assignments and their progress for a session that has taken place. */
function work(c: Ctx, s: DirectLine, qs: Question[], texts: Map<string, DemoQuestion>, { recent, held }: { recent: boolean; held: boolean }): void {
  const day = localDay(s.startsAt, c.tz);
  const start = Date.parse(s.startsAt);
  const live = c.random.int(12, 15);
  const distinct = qs.filter((q) => !q.mergedInto);
  const onAir = [...distinct.filter((q) => q.channel === 'live'), ...distinct.filter((q) => q.channel !== 'live')].slice(0, live);
  distinct.forEach((q, i) => {
    const t = texts.get(q.id)!;
    if (onAir.includes(q)) {
      q.answeredLive = true;
      q.answeredLiveAt = new Date(start + (i + 1) * 4 * 60_000).toISOString();
      q.liveNote = t.short;
      // The editorial version of what was said on air is written up for publication.
      if (!held) q.answer = t.answer;
    }
    // In a session not yet written up, a few questions still wait for their answer.
    if (held && !q.answeredLive && c.random.next() < 0.35) return;
    const assign = q.answeredLive ? c.random.next() < 0.3 : c.random.next() < 0.75;
    if (!assign) {
      if (!q.answeredLive) q.answer = t.answer;
      return;
    }
    const dept = demoDepartments.find((d) => d.name === t.department)!;
    const deadline = addDays(day, c.random.pick([14, 21, 30, 30, 45, 60]));
    let doneDay: string | null = null;
    if (deadline < c.today) {
      const roll = c.random.next();
      if (recent && roll < 0.3) doneDay = null; // left overdue
      else if (roll < 0.9) doneDay = addDays(deadline, -c.random.int(0, 10));
      else doneDay = addDays(deadline, c.random.int(1, 7)); // done late
    } else if (c.random.next() < 0.3) doneDay = addDays(day, c.random.int(3, 12));
    if (doneDay && doneDay > c.today) doneDay = c.today;
    if (doneDay && doneDay <= day) doneDay = addDays(day, 1);
    q.assignment = {
      department: dept.name,
      responsible: c.random.pick(dept.responsible),
      deadline,
      status: doneDay ? 'done' : c.random.next() < 0.6 ? 'in_progress' : 'assigned',
      assignedAt: new Date(start + 2 * 3_600_000).toISOString(),
      doneAt: doneDay ? zonedIso(doneDay, `${String(c.random.int(9, 17)).padStart(2, '0')}:00`, c.tz) : null,
      finalAnswer: doneDay ? t.done : '',
    };
    if (!q.answeredLive) q.answer = `${t.answer} Поручение дано: ${dept.name}, срок — до ${deadline.split('-').reverse().join('.')}.`;
  });
}

export function buildDirectLinesDemo(opts: DirectLinesDemoOptions): { sessions: DirectLine[]; questions: Question[] } {
  const random = seededRandom(5050);
  const tz = opts.timeZone;
  const today = localDay(opts.now, tz);
  const c: Ctx = { random, tz, today };
  const [y, m] = today.split('-').map(Number) as [number, number];
  const sessions: DirectLine[] = [];
  const questions: Question[] = [];
  const slots = [];
  for (let k = -12 * opts.years + 1, index = 0; k <= 1; k++, index++) {
    const year = y + Math.floor((m - 1 + k) / 12);
    const month = (((m - 1 + k) % 12) + 12) % 12;
    const day = firstFriday(year, month);
    const p = plan(month, index, opts.outlets);
    const startsAt = zonedIso(day, p.time, tz);
    slots.push({ index, day, p, startsAt, start: Date.parse(startsAt), past: Date.parse(startsAt) + 3_600_000 < opts.now.getTime() });
  }
  // The latest session held is still being written up, whatever today's date: the demo always has one.
  const latestHeld = slots.filter((x) => x.past).at(-1);
  for (const { index, day, p, startsAt, start, past } of slots) {
    if (start > opts.now.getTime() + 40 * DAY) continue;
    const published = past && start < opts.now.getTime() - 21 * DAY && startsAt !== latestHeld?.startsAt;
    const official = index % 4 === 3 ? deputy : head;
    const announcedAt = new Date(start - 7 * DAY).toISOString();
    const s: DirectLine = {
      id: randomUUID(),
      startsAt,
      durationMinutes: 60,
      format: p.format,
      official,
      outletId: p.outletId,
      place: p.place,
      link: p.link,
      announcement: `${day.split('-').reverse().join('.')} в ${p.time} ${official.position.replace(/^Г/, 'г')} ${official.name} ответит на вопросы жителей (${p.place}). Вопросы можно задать заранее по телефону 2-15-40, на сайте администрации и на платформе обратной связи «Решаем вместе».`,
      announcedAt: Date.parse(announcedAt) <= opts.now.getTime() ? announcedAt : null,
      notes: '',
      status: published ? 'published' : past ? 'held' : 'announced',
      currentQuestionId: null,
      liveStartedAt: past ? startsAt : null,
      liveEndedAt: past ? new Date(start + 3_600_000).toISOString() : null,
      publishedAt: published ? new Date(start + 10 * DAY).toISOString() : null,
      anonymisedAt: null,
      createdAt: new Date(start - 14 * DAY).toISOString(),
      updatedAt: new Date(Math.min(opts.now.getTime(), start + 12 * DAY)).toISOString(),
    };
    const texts = new Map<string, DemoQuestion>();
    const qs: Question[] = [];
    // A session still ahead has only the questions sent in so far.
    const total = past ? random.int(14, 26) : random.int(3, 8);
    const sentBefore = past ? day : localDay(opts.now, tz);
    const pool = [...demoQuestions].sort(() => random.next() - 0.5);
    for (let i = 0; i < total; i++) {
      const t = pool[i % pool.length]!;
      const onAir = past && i >= total - random.int(2, 5);
      const receivedAt = onAir
        ? new Date(start + random.int(5, 50) * 60_000).toISOString()
        : zonedIso(addDays(sentBefore, -random.int(1, 8)), `${String(random.int(8, 20)).padStart(2, '0')}:${random.pick(['05', '20', '35', '50'])}`, tz);
      if (Date.parse(receivedAt) > opts.now.getTime()) continue;
      const channel: Channel = onAir ? 'live' : random.pick(['phone', 'phone', 'phone', 'site', 'pos', 'pos', 'social', 'letter'] as const);
      const q = makeQuestion(c, s, t, qs.length, channel, receivedAt);
      texts.set(q.id, t);
      qs.push(q);
    }
    // A duplicate or two (at least one in the session being written up): another resident asks the same; merged into the first.
    if (past) {
      for (const original of qs.slice(0, random.int(published ? 0 : 1, 2))) {
        const t = texts.get(original.id)!;
        const dup = makeQuestion(c, s, t, qs.length, random.pick(['phone', 'site', 'social'] as const), zonedIso(addDays(day, -1), '12:00', tz), t.alt);
        dup.mergedInto = original.id;
        texts.set(dup.id, t);
        qs.push(dup);
      }
      work(c, s, qs, texts, { recent: start > opts.now.getTime() - 120 * DAY, held: !published });
    }
    // Published more than half a year ago: the residents' personal data is no longer needed.
    if (published && start < opts.now.getTime() - 180 * DAY) {
      const at = new Date(Math.min(opts.now.getTime(), start + 60 * DAY)).toISOString();
      s.anonymisedAt = at;
      for (const q of qs) Object.assign(q, { resident: null, anonymisedAt: at });
    }
    sessions.push(s);
    questions.push(...qs);
  }
  return { sessions, questions };
}

export const demoDictionary = { topics: demoTopics, districts: demoDistricts.map((d) => d.name), departments: demoDepartments.map((d) => d.name) };

/** Writes the demo direct lines (a year per journaled write) and returns the counts. */
export async function generateDirectLinesDemo(store: AppStore, opts: DirectLinesDemoOptions): Promise<Record<string, number>> {
  const { sessions, questions } = buildDirectLinesDemo(opts);
  await store.mutate((tx) => tx.put('directLineDictionaries', { id: 'direct-lines', ...demoDictionary, updatedAt: opts.now.toISOString() }));
  for (let i = 0; i < sessions.length; i += 12) {
    const part = sessions.slice(i, i + 12);
    const ids = new Set(part.map((s) => s.id));
    await store.mutate((tx) => {
      part.forEach((s) => tx.put('directLines', s));
      questions.filter((q) => ids.has(q.sessionId)).forEach((q) => tx.put('directLineQuestions', q));
    });
  }
  return { directLines: sessions.length, directLineQuestions: questions.length, directLineDictionaries: 1 };
}
