/**
 * A realistic year (or several) of media events for the demo town Алейск: the weekly briefing and the
 * monthly выездной день as series, sessions of the council, the radio «час прямого провода», meetings
 * with residents, press conferences, holidays and anniversaries, national-project milestones.
 * Past events are held with their coverage mostly done; a few are cancelled or postponed with reasons.
 */
import { randomUUID } from 'node:crypto';
import type { AppStore } from '../../collections.js';
import { seededRandom, type Random } from '../../demo/random.js';
import type { StaffMember } from '../settings/schema.js';
import { allOccurrences, keyOf } from './recurrence.js';
import { defaultDictionaries, type CalEvent, type CalendarDictionaries, type EventFieldsCore, type MediaInvite, type Override } from './schema.js';
import { demoCoverage, districts, holidays, lastWeekday, milestones, nthWeekday, officials, places, pressTopics, schools, streets, townProjects, townTags } from './demo-town.js';
import { DAY, addDays, isoInZone, isoWeekday, localOf, parseWall, wallToInstant } from './time.js';

export interface DemoEventsOptions {
  now: Date;
  years: number;
  timeZone: string;
  staff: StaffMember[];
  outlets: { id: string; name: string; archived: boolean }[];
}

export function generateDemoEvents(opts: DemoEventsOptions): { events: CalEvent[]; dictionaries: CalendarDictionaries } {
  const random = seededRandom(31337);
  const tz = opts.timeZone;
  const nowMs = opts.now.getTime();
  const today = localOf(nowMs, tz).slice(0, 10);
  const first = addDays(today, -Math.round(opts.years * 365));
  const last = addDays(today, 120);
  const at = opts.now.toISOString();
  const head = opts.staff.find((s) => s.role === 'head')?.id ?? '';
  const spec = opts.staff.find((s) => s.role === 'specialist')?.id ?? head;
  const active = opts.outlets.filter((o) => !o.archived);
  const outletByWord = (word: string) => active.find((o) => o.name.includes(word))?.id;
  const local = ['Маяк труда', 'Алейск-ТВ', 'Алейск FM', 'Алейск.инфо'].map(outletByWord).filter((x): x is string => !!x);
  const regional = ['Алтайская правда', 'Катунь 24', 'ГТРК'].map(outletByWord).filter((x): x is string => !!x);

  const timed = (date: string, time: string) => isoInZone(wallToInstant(parseWall(`${date}T${time}`), tz), tz);
  const isPast = (date: string) => date < today;

  const coverage = (kindId: string, date: string, rnd: Random) => demoCoverage({ today, nowMs, tz, head, spec }, kindId, date, rnd);

  const media = (ids: string[], past: boolean, rnd: Random): MediaInvite[] =>
    ids.map((outletId) => ({ outletId, accreditation: past ? (rnd.next() < 0.85 ? 'accredited' : 'declined') : rnd.next() < 0.5 ? 'applied' : 'invited', note: '' }));

  const events: CalEvent[] = [];
  const single = (f: Partial<EventFieldsCore> & Pick<EventFieldsCore, 'title' | 'kindId' | 'start' | 'end'>) => {
    const date = f.start.slice(0, 10);
    const past = isPast(date);
    const near = parseWall(date) - parseWall(today) < 14 * DAY;
    events.push({
      id: randomUUID(),
      createdAt: at,
      updatedAt: at,
      allDay: false,
      place: '',
      responsibleId: spec,
      officials: [],
      media: [],
      tags: [],
      projectId: '',
      status: past ? 'held' : near ? 'confirmed' : 'planned',
      statusReason: '',
      coverage: coverage(f.kindId, date, random),
      notes: '',
      releaseIds: [],
      history: [],
      recurrence: null,
      overrides: [],
      splitFrom: null,
      ...f,
    });
    return events[events.length - 1]!;
  };

  /** A series with its past occurrences held (coverage done) as their own changes. */
  const series = (base: Omit<CalEvent, 'id' | 'createdAt' | 'updatedAt' | 'overrides' | 'splitFrom' | 'history' | 'statusReason' | 'coverage' | 'status' | 'releaseIds' | 'notes' | 'media'> & { media?: string[]; notes?: string }, perOccurrence?: (key: string, i: number) => Partial<Override> | undefined) => {
    const e: CalEvent = {
      ...base,
      id: randomUUID(),
      createdAt: at,
      updatedAt: at,
      status: 'confirmed',
      statusReason: '',
      coverage: coverage(base.kindId, '2000-01-01', random).map((c) => ({ ...c, done: false, doneAt: null })),
      media: media(base.media ?? [], false, random).map((m) => ({ ...m, accreditation: 'accredited' })),
      notes: base.notes ?? '',
      releaseIds: [],
      history: [],
      overrides: [],
      splitFrom: null,
    };
    const walls = allOccurrences(e, tz);
    if (walls.length === 0) return;
    const skipped = new Set(e.recurrence!.exdates);
    walls.forEach((w, i) => {
      const key = keyOf(w, e.allDay);
      if (skipped.has(key)) return;
      const date = key.slice(0, 10);
      const own: Partial<Override> = perOccurrence?.(key, i) ?? {};
      if (isPast(date) && !own.status) {
        own.status = 'held';
        own.coverage = coverage(e.kindId, date, random);
      }
      if (Object.keys(own).length) e.overrides.push({ ...own, key });
    });
    events.push(e);
  };

  const firstOnOrAfter = (date: string, weekday: number) => addDays(date, (weekday - isoWeekday(date) + 7) % 7);
  const holidaysOff = new Set<string>();

  for (let y = Number(first.slice(0, 4)); y <= Number(last.slice(0, 4)); y++) {
    const yStart = `${y}-01-12` > first ? `${y}-01-12` : first;
    const yEnd = `${y}-12-28` < last ? `${y}-12-28` : last;
    if (yStart > yEnd) continue;
    const d = (m: number, day: number) => `${y}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    const inRange = (date: string) => date >= first && date <= last;
    for (const day of [d(1, 1), d(1, 7), d(2, 23), d(3, 8), d(5, 1), d(5, 9), d(6, 12), d(11, 4)]) holidaysOff.add(day);

    // Weekly briefing on Mondays at 09:00, except public holidays; one cancelled, one moved.
    const briefingStart = firstOnOrAfter(yStart, 1);
    const briefingKeys: string[] = [];
    const briefing: CalEvent['recurrence'] = { freq: 'weekly', interval: 1, byWeekday: ['MO'], byMonthDay: [], byMonth: [], until: yEnd, count: null, exdates: [] };
    if (briefingStart <= yEnd) {
      series(
        {
          title: 'Еженедельный брифинг главы города для СМИ',
          kindId: 'briefing',
          allDay: false,
          start: timed(briefingStart, '09:00'),
          end: timed(briefingStart, '09:40'),
          place: places.adminSmall,
          responsibleId: head,
          officials: [officials.head],
          tags: [],
          projectId: '',
          media: local,
          notes: 'Вопросы от СМИ принимаются до пятницы, 17:00.',
          recurrence: {
            ...briefing,
            exdates: allOccurrences({ start: timed(briefingStart, '09:00'), allDay: false, recurrence: briefing } as CalEvent, tz)
              .map((w) => keyOf(w, false))
              .filter((k) => holidaysOff.has(k.slice(0, 10))),
          },
        },
        (key, i) => {
          briefingKeys.push(key);
          if (i === 9) return { status: 'cancelled', statusReason: 'Глава города на краевом совещании в Барнауле' };
          if (i === 17) {
            const date = addDays(key.slice(0, 10), 1);
            return {
              start: timed(date, '10:00'),
              end: timed(date, '10:40'),
              status: isPast(date) ? 'held' : 'postponed',
              statusReason: 'Перенесено на вторник: в понедельник сессия городского Собрания',
              history: [{ at, status: 'postponed', reason: 'Перенесено на вторник: в понедельник сессия городского Собрания', fromStart: timed(key.slice(0, 10), '09:00'), fromEnd: timed(key.slice(0, 10), '09:40'), toStart: timed(date, '10:00'), toEnd: timed(date, '10:40') }],
              ...(isPast(date) ? { coverage: coverage('briefing', date, random) } : {}),
            };
          }
          return undefined;
        },
      );
    }

    // Выездной день: the second Thursday, 14:00–17:00, a different microdistrict each month.
    const fieldStart = (() => {
      for (let m = Number(yStart.slice(5, 7)); m <= 12; m++) {
        const date = d(m, nthWeekday(y, m, 4, 2));
        if (date >= yStart) return date;
      }
      return null;
    })();
    if (fieldStart && fieldStart <= yEnd) {
      series(
        {
          title: 'Выездной день администрации города',
          kindId: 'field-day',
          allDay: false,
          start: timed(fieldStart, '14:00'),
          end: timed(fieldStart, '17:00'),
          place: 'по графику выездных дней',
          responsibleId: spec,
          officials: [officials.head, officials.utilities, officials.social],
          tags: ['housing-utilities', 'improvement'],
          projectId: '',
          media: local.slice(0, 2),
          recurrence: { freq: 'monthly', interval: 1, byWeekday: ['2TH'], byMonthDay: [], byMonth: [], until: yEnd, count: null, exdates: [] },
        },
        (key) => {
          const month = Number(key.slice(5, 7));
          const district = districts[(month - 1) % districts.length]!;
          const own: Partial<Override> = {
            title: `Выездной день администрации: микрорайон ${district}`,
            place: `микрорайон ${district}, ${schools[month % schools.length]}`,
          };
          if (month === 2 && key.slice(0, 4) === String(y)) {
            const date = addDays(key.slice(0, 10), 7);
            Object.assign(own, {
              start: timed(date, '14:00'),
              end: timed(date, '17:00'),
              status: isPast(date) ? 'held' : 'postponed',
              statusReason: 'Штормовое предупреждение: метель, перенос на неделю',
              history: [{ at, status: 'postponed', reason: 'Штормовое предупреждение: метель, перенос на неделю', fromStart: timed(key.slice(0, 10), '14:00'), fromEnd: timed(key.slice(0, 10), '17:00'), toStart: timed(date, '14:00'), toEnd: timed(date, '17:00') }],
            });
            if (isPast(date)) own.coverage = coverage('field-day', date, random);
          }
          return own;
        },
      );
    }

    // Session of the council: the last Thursday of the month, no sessions in July and August.
    const sessionStart = (() => {
      for (let m = Number(yStart.slice(5, 7)); m <= 12; m++) {
        if (m === 7 || m === 8) continue;
        const date = d(m, lastWeekday(y, m, 4));
        if (date >= yStart) return date;
      }
      return null;
    })();
    if (sessionStart && sessionStart <= yEnd) {
      series({
        title: 'Сессия Алейского городского Собрания депутатов',
        kindId: 'session',
        allDay: false,
        start: timed(sessionStart, '10:00'),
        end: timed(sessionStart, '13:00'),
        place: places.council,
        responsibleId: spec,
        officials: [officials.council, officials.head],
        tags: [],
        projectId: '',
        media: local.slice(0, 1),
        recurrence: { freq: 'monthly', interval: 1, byWeekday: ['-1TH'], byMonthDay: [], byMonth: [1, 2, 3, 4, 5, 6, 9, 10, 11, 12], until: yEnd, count: null, exdates: [] },
      });
    }

    // «Час прямого провода» on the radio: the first Friday of the month.
    const radioStart = (() => {
      for (let m = Number(yStart.slice(5, 7)); m <= 12; m++) {
        const date = d(m, nthWeekday(y, m, 5, 1));
        if (date >= yStart) return date;
      }
      return null;
    })();
    if (radioStart && radioStart <= yEnd) {
      series({
        title: '«Час прямого провода» с главой города в эфире радио «Алейск FM»',
        kindId: 'interview',
        allDay: false,
        start: timed(radioStart, '12:00'),
        end: timed(radioStart, '13:00'),
        place: places.radio,
        responsibleId: head,
        officials: [officials.head],
        tags: ['housing-utilities'],
        projectId: '',
        media: [outletByWord('Алейск FM')].filter((x): x is string => !!x),
        notes: 'Вопросы жителей собираем в сообществе ВКонтакте за неделю до эфира.',
        recurrence: { freq: 'monthly', interval: 1, byWeekday: ['1FR'], byMonthDay: [], byMonth: [], until: yEnd, count: null, exdates: [] },
      });
    }

    // Press conferences: one a month, on a Wednesday in the third week.
    for (const topic of pressTopics) {
      const date = d(topic.month, nthWeekday(y, topic.month, 3, 3));
      if (!inRange(date)) continue;
      const e = single({
        title: topic.title.replaceAll('{year}', String(y)).replaceAll('{prev}', String(y - 1)).replaceAll('{next}', String(y + 1)),
        kindId: 'press-conference',
        start: timed(date, '11:00'),
        end: timed(date, '12:00'),
        place: places.admin,
        responsibleId: head,
        officials: topic.who,
        media: media([...local, ...(topic.project ? regional.slice(0, 1) : [])], isPast(date), random),
        tags: topic.tags,
        projectId: topic.project ?? '',
      });
      if (topic.month === 4 && isPast(date)) {
        e.status = 'cancelled';
        e.statusReason = 'Режим ЧС: весенний паводок, руководство на объектах';
        e.history = [{ at, status: 'cancelled', reason: e.statusReason, fromStart: e.start, fromEnd: e.end, toStart: e.start, toEnd: e.end }];
        e.coverage = e.coverage.map((c) => ({ ...c, done: false, doneAt: null }));
      }
    }

    // Meetings with residents: twice a month, evenings, in schools and the house of culture.
    for (let m = 1; m <= 12; m++) {
      for (const week of [2, 4]) {
        const date = d(m, nthWeekday(y, m, 2, week));
        if (!inRange(date) || m === 1) continue;
        const district = random.pick(districts);
        const street = random.pick(streets);
        const themes = [
          { title: `Встреча главы города с жителями микрорайона ${district}`, tags: ['housing-utilities'] },
          { title: `Встреча с жителями ${street} по ремонту дороги и освещению`, tags: ['roads'] },
          { title: `Встреча с жителями микрорайона ${district}: отчёт управляющих компаний`, tags: ['housing-utilities'] },
          { title: `Встреча с родителями по организации подвоза школьников (мкр. ${district})`, tags: ['education'] },
          { title: `Встреча с активом ТОС «${district}»: благоустройство дворов`, tags: ['improvement'] },
        ];
        const theme = random.pick(themes);
        const e = single({
          title: theme.title,
          kindId: 'residents',
          start: timed(date, '18:00'),
          end: timed(date, '19:30'),
          place: random.pick(schools),
          responsibleId: random.next() < 0.5 ? head : spec,
          officials: random.next() < 0.6 ? [officials.head, officials.utilities] : [officials.first],
          media: media(local.slice(0, random.int(1, 3)), isPast(date), random),
          tags: theme.tags,
        });
        if (isPast(date) && random.next() < 0.04) {
          e.status = 'cancelled';
          e.statusReason = 'Аварийное отключение электроснабжения в микрорайоне';
          e.history = [{ at, status: 'cancelled', reason: e.statusReason, fromStart: e.start, fromEnd: e.end, toStart: e.start, toEnd: e.end }];
        }
      }
    }

    // Holidays and anniversaries.
    for (const h of holidays) {
      const date = d(h.month, typeof h.day === 'function' ? h.day(y) : h.day);
      if (!inRange(date)) continue;
      single({
        title: h.title + (h.title === 'День города Алейска' ? ` — ${y - 1913} лет со дня основания` : ''),
        kindId: h.kindId,
        allDay: !h.time,
        start: h.time ? timed(date, h.time[0]) : date,
        end: h.time ? timed(date, h.time[1]) : date,
        place: h.place,
        responsibleId: head,
        officials: h.who,
        media: media(local, isPast(date), random),
        tags: h.tags,
      });
    }

    // National-project milestones.
    for (const ms of milestones) {
      const date = d(ms.month, ms.day);
      if (!inRange(date)) continue;
      const street = streets[(y + ms.month) % streets.length]!;
      single({
        title: ms.title.replaceAll('{street}', street),
        kindId: ms.kindId,
        start: timed(date, ms.time[0]),
        end: timed(date, ms.time[1]),
        place: ms.place.replaceAll('{street}', street),
        responsibleId: head,
        officials: ms.who,
        media: media([...local, ...regional.slice(0, 2)], isPast(date), random),
        tags: ms.tags,
        projectId: ms.project,
      });
    }

    // Online vote for the next year's public spaces: a multi-day, all-day event.
    const voteFrom = d(4, 15);
    const voteTo = d(5, 31);
    if (inRange(voteFrom) || inRange(voteTo)) {
      single({
        title: `Рейтинговое голосование за объекты благоустройства ${y + 1} года`,
        kindId: 'other',
        allDay: true,
        start: voteFrom,
        end: voteTo,
        place: 'Единая платформа голосования, волонтёрские пункты в ТЦ и МФЦ',
        responsibleId: spec,
        tags: ['improvement'],
        projectId: 'comfort-environment',
        notes: 'Напоминания о голосовании — еженедельно в соцсетях и в газете.',
      });
    }
  }

  events.sort((a, b) => (a.start < b.start ? -1 : 1));
  const dictionaries: CalendarDictionaries = {
    ...defaultDictionaries,
    projects: [...defaultDictionaries.projects, ...townProjects],
    tags: [...defaultDictionaries.tags, ...townTags],
    id: 'calendar',
    updatedAt: at,
  };
  return { events, dictionaries };
}

/** Writes the demo events and the calendar's lists into the store (called from generateDemo). */
export async function generateCalendarDemo(store: AppStore, opts: DemoEventsOptions): Promise<{ events: number }> {
  const { events, dictionaries } = generateDemoEvents(opts);
  await store.mutate((tx) => {
    tx.put('calendarDictionaries', dictionaries);
    for (const e of events) tx.put('events', e);
  });
  return { events: events.length };
}
