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
import { defaultDictionaries, type CalEvent, type CalendarDictionaries, type CoverageItem, type EventFieldsCore, type MediaInvite, type Official, type Override } from './schema.js';
import { DAY, addDays, isoInZone, isoWeekday, localOf, parseWall, wallToInstant } from './time.js';

export interface DemoEventsOptions {
  now: Date;
  years: number;
  timeZone: string;
  staff: StaffMember[];
  outlets: { id: string; name: string; archived: boolean }[];
}

const officials = {
  head: { name: 'Ткаченко Виктор Юрьевич', position: 'глава города Алейска' },
  first: { name: 'Лысенко Ольга Николаевна', position: 'первый заместитель главы администрации города' },
  utilities: { name: 'Морозов Алексей Петрович', position: 'заместитель главы администрации по ЖКХ, строительству и транспорту' },
  social: { name: 'Кравченко Елена Александровна', position: 'заместитель главы администрации по социальным вопросам' },
  council: { name: 'Гордеев Николай Иванович', position: 'председатель Алейского городского Собрания депутатов' },
  education: { name: 'Зуева Марина Викторовна', position: 'начальник управления образования' },
  culture: { name: 'Ершова Татьяна Сергеевна', position: 'начальник отдела по культуре и делам молодёжи' },
  water: { name: 'Беляев Сергей Владимирович', position: 'директор МУП «Алейскводоканал»' },
} satisfies Record<string, Official>;

const places = {
  admin: 'Администрация города, ул. Сердюка, 97, зал заседаний',
  adminSmall: 'Администрация города, ул. Сердюка, 97, кабинет главы',
  council: 'Алейское городское Собрание депутатов, ул. Сердюка, 97, зал заседаний',
  house: 'Городской Дом культуры, ул. Первомайская, 81',
  square: 'Центральная площадь города',
  park: 'Городской парк культуры и отдыха',
  memorial: 'Мемориал Славы, ул. Победы',
  stadium: 'Стадион «Спартак», ул. Комсомольская, 2',
  radio: 'Студия радио «Алейск FM», ул. Ширшова, 20',
  library: 'Центральная городская библиотека, ул. Победы, 60',
};

const districts = ['Вокзальный', 'Заречный', 'Степной', 'Северный', 'Южный', 'Сахарный завод', 'Кирпичный', 'Восточный', 'Центральный', 'Солнечный', 'Элеваторный', 'Садовый'];
const schools = ['МБОУ СОШ № 2, ул. Ширшова, 11', 'МБОУ «Гимназия № 3», ул. Победы, 15', 'МБОУ СОШ № 4, ул. Олешко, 40', 'МБОУ СОШ № 7, ул. Парковая, 8', 'Городской Дом культуры, ул. Первомайская, 81'];
const streets = ['ул. Ширшова', 'ул. Олешко', 'ул. Первомайская', 'ул. Комсомольская', 'ул. Парковая', 'ул. Гоголя', 'ул. Советская', 'пер. Почтовый'];

const pressTopics: { month: number; title: string; project?: string; tags: string[]; who: Official[] }[] = [
  { month: 1, title: 'Пресс-конференция «Итоги социально-экономического развития города за {prev} год»', tags: ['economy'], who: [officials.head, officials.first] },
  { month: 2, title: 'Пресс-конференция «О ходе отопительного сезона и работе коммунальных служб»', tags: ['housing-utilities'], who: [officials.utilities, officials.water] },
  { month: 3, title: 'Пресс-конференция «Рейтинговое голосование за объекты благоустройства: как выбрать сквер на {next} год»', project: 'comfort-environment', tags: ['improvement'], who: [officials.first] },
  { month: 4, title: 'Пресс-конференция «О весенней санитарной очистке и субботниках»', tags: ['improvement'], who: [officials.utilities] },
  { month: 5, title: 'Пресс-конференция «Ремонт дорог {year}: улицы, сроки, подрядчики»', project: 'roads', tags: ['roads'], who: [officials.head, officials.utilities] },
  { month: 6, title: 'Пресс-конференция «Летняя оздоровительная кампания и занятость подростков»', project: 'education', tags: ['education', 'youth'], who: [officials.social, officials.education] },
  { month: 7, title: 'Пресс-конференция «О подготовке к Дню города»', tags: ['culture'], who: [officials.social, officials.culture] },
  { month: 8, title: 'Пресс-конференция «Готовность школ к новому учебному году»', project: 'education', tags: ['education'], who: [officials.education] },
  { month: 9, title: 'Пресс-конференция «О подготовке к отопительному сезону {year}–{next} годов»', tags: ['housing-utilities'], who: [officials.utilities, officials.water] },
  { month: 10, title: 'Пресс-конференция «Итоги строительного сезона и благоустройства дворов»', project: 'comfort-environment', tags: ['improvement'], who: [officials.head, officials.utilities] },
  { month: 11, title: 'Пресс-конференция «Проект бюджета города на {next} год»', tags: ['economy'], who: [officials.first] },
  { month: 12, title: 'Пресс-конференция «Итоги года: что сделано в {year} году»', tags: ['economy'], who: [officials.head] },
];

interface Holiday {
  month: number;
  day: number | ((y: number) => number);
  title: string;
  kindId: string;
  time?: [string, string];
  place: string;
  tags: string[];
  who: Official[];
}
/** nth weekday (1 = Monday) of a month: for holidays on "the second Sunday of August". */
const nthWeekday = (y: number, m: number, weekday: number, n: number) => {
  const first = `${y}-${String(m).padStart(2, '0')}-01`;
  const offset = (weekday - isoWeekday(first) + 7) % 7;
  return 1 + offset + (n - 1) * 7;
};
const lastWeekday = (y: number, m: number, weekday: number) => {
  const last = addDays(`${m === 12 ? y + 1 : y}-${String(m === 12 ? 1 : m + 1).padStart(2, '0')}-01`, -1);
  return Number(last.slice(8)) - ((isoWeekday(last) - weekday + 7) % 7);
};

const holidays: Holiday[] = [
  { month: 2, day: 20, title: 'Торжественное мероприятие ко Дню защитника Отечества', kindId: 'ceremony', time: ['14:00', '16:00'], place: places.house, tags: ['veterans'], who: [officials.head] },
  { month: 3, day: 6, title: 'Праздничный концерт к Международному женскому дню', kindId: 'ceremony', time: ['15:00', '17:00'], place: places.house, tags: ['culture'], who: [officials.head, officials.social] },
  { month: 4, day: 21, title: 'Торжественное собрание ко Дню местного самоуправления', kindId: 'ceremony', time: ['11:00', '13:00'], place: places.admin, tags: [], who: [officials.head, officials.council] },
  { month: 5, day: 9, title: 'Митинг и шествие «Бессмертный полк» ко Дню Победы', kindId: 'ceremony', time: ['10:00', '12:00'], place: places.memorial, tags: ['veterans'], who: [officials.head, officials.council] },
  { month: 6, day: 1, title: 'Праздник «Планета детства» ко Дню защиты детей', kindId: 'ceremony', time: ['11:00', '14:00'], place: places.park, tags: ['youth'], who: [officials.social] },
  { month: 6, day: 12, title: 'Вручение паспортов юным гражданам ко Дню России', kindId: 'ceremony', time: ['12:00', '13:00'], place: places.library, tags: ['youth'], who: [officials.head] },
  { month: 6, day: 27, title: 'Молодёжный фестиваль ко Дню молодёжи', kindId: 'ceremony', time: ['17:00', '21:00'], place: places.park, tags: ['youth', 'culture'], who: [officials.culture] },
  { month: 8, day: (y) => nthWeekday(y, 8, 6, 4), title: 'День города Алейска', kindId: 'ceremony', place: `${places.square}, ${places.park}`, tags: ['culture'], who: [officials.head, officials.council] },
  { month: 9, day: 1, title: 'День знаний: торжественная линейка', kindId: 'ceremony', time: ['09:00', '10:30'], place: schools[1]!, tags: ['education'], who: [officials.head, officials.education] },
  { month: 10, day: 1, title: 'Чествование долгожителей ко Дню пожилого человека', kindId: 'ceremony', time: ['14:00', '16:00'], place: places.house, tags: ['social', 'veterans'], who: [officials.social] },
  { month: 10, day: (y) => nthWeekday(y, 10, 5, 2), title: 'Торжественное собрание ко Дню работника сельского хозяйства', kindId: 'ceremony', time: ['11:00', '13:00'], place: places.house, tags: ['economy'], who: [officials.head] },
  { month: 11, day: 4, title: 'Концерт «В единстве — сила» ко Дню народного единства', kindId: 'ceremony', time: ['14:00', '16:00'], place: places.house, tags: ['culture'], who: [officials.culture] },
  { month: 12, day: 26, title: 'Открытие главной городской ёлки', kindId: 'ceremony', time: ['18:00', '19:30'], place: places.square, tags: ['culture'], who: [officials.head] },
];

const milestones: { month: number; day: number; title: string; kindId: string; project: string; time: [string, string]; place: string; tags: string[]; who: Official[] }[] = [
  { month: 5, day: 14, title: 'Старт ремонта дорог по нацпроекту «Безопасные качественные дороги»: выезд на объекты', kindId: 'field-day', project: 'roads', time: ['10:00', '12:00'], place: `${streets[0]}, ${streets[1]}`, tags: ['roads'], who: [officials.head, officials.utilities] },
  { month: 7, day: 22, title: 'Приёмка отремонтированного участка {street} (нацпроект «Безопасные качественные дороги»)', kindId: 'opening', project: 'roads', time: ['10:00', '11:30'], place: '{street}', tags: ['roads'], who: [officials.utilities] },
  { month: 8, day: 20, title: 'Открытие благоустроенного сквера «Молодёжный» (программа «Формирование комфортной городской среды»)', kindId: 'opening', project: 'comfort-environment', time: ['17:00', '18:30'], place: 'Сквер «Молодёжный», ул. Первомайская', tags: ['improvement'], who: [officials.head, officials.council] },
  { month: 9, day: 1, title: 'Открытие центра «Точка роста» в школе (нацпроект «Образование»)', kindId: 'opening', project: 'education', time: ['11:00', '12:00'], place: schools[2]!, tags: ['education'], who: [officials.head, officials.education] },
  { month: 9, day: 17, title: 'Комиссионная приёмка дворовых территорий по программе «Формирование комфортной городской среды»', kindId: 'field-day', project: 'comfort-environment', time: ['14:00', '16:30'], place: `${streets[2]}, 12, 14; ${streets[3]}, 5`, tags: ['improvement', 'housing-utilities'], who: [officials.utilities] },
  { month: 3, day: 18, title: 'Вручение свидетельств на улучшение жилищных условий молодым семьям (нацпроект «Демография»)', kindId: 'ceremony', project: 'demography', time: ['11:00', '12:00'], place: places.admin, tags: ['social'], who: [officials.head, officials.social] },
  { month: 11, day: 12, title: 'Открытие модульной врачебной амбулатории (нацпроект «Здравоохранение»)', kindId: 'opening', project: 'healthcare', time: ['12:00', '13:00'], place: 'мкр. Степной, ул. Садовая, 3', tags: ['health'], who: [officials.head, officials.social] },
  { month: 10, day: 8, title: 'Открытие отремонтированного зрительного зала Дома культуры (нацпроект «Культура»)', kindId: 'opening', project: 'culture', time: ['16:00', '17:30'], place: places.house, tags: ['culture'], who: [officials.head, officials.culture] },
];

const coverageByKind: Record<string, string[]> = {
  briefing: ['release', 'photo', 'site', 'social'],
  'press-conference': ['announce', 'release', 'photo', 'video', 'site', 'social', 'newspaper'],
  'field-day': ['announce', 'photo', 'site', 'social', 'newspaper'],
  residents: ['announce', 'photo', 'site', 'social'],
  ceremony: ['announce', 'photo', 'video', 'site', 'social', 'newspaper'],
  opening: ['announce', 'release', 'photo', 'video', 'site', 'social', 'newspaper'],
  session: ['announce', 'release', 'site', 'newspaper'],
  interview: ['announce', 'site', 'social'],
  other: ['site', 'social'],
};

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

  /** Coverage for an event starting on `date`: past ones mostly done, a few recent ones forgotten. */
  const coverage = (kindId: string, date: string, past: boolean, rnd: Random): CoverageItem[] =>
    (coverageByKind[kindId] ?? coverageByKind.other!).map((kind) => {
      const offsetDays = defaultDictionaries.coverage.find((c) => c.id === kind)!.offsetDays;
      const due = addDays(date, offsetDays);
      const recent = parseWall(today) - parseWall(due) < 10 * DAY;
      const done = due < today && (past || due < today) && rnd.next() > (recent ? 0.35 : 0.04);
      const doneMs = Math.min(nowMs - 3_600_000, wallToInstant(parseWall(`${due}T${String(rnd.int(9, 17)).padStart(2, '0')}:${String(rnd.int(0, 59)).padStart(2, '0')}`), tz));
      return {
        id: kind,
        kindId: kind,
        assigneeId: kind === 'announce' || kind === 'newspaper' ? (rnd.next() < 0.5 ? head : spec) : spec,
        offsetDays,
        done,
        doneAt: done ? new Date(doneMs).toISOString() : null,
        note: '',
      };
    });

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
      coverage: coverage(f.kindId, date, past, random),
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
      coverage: coverage(base.kindId, '2000-01-01', false, random).map((c) => ({ ...c, done: false, doneAt: null })),
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
        own.coverage = coverage(e.kindId, date, true, random);
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
              ...(isPast(date) ? { coverage: coverage('briefing', date, true, random) } : {}),
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
            if (isPast(date)) own.coverage = coverage('field-day', date, true, random);
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
    projects: [
      ...defaultDictionaries.projects,
      { id: 'mp-improvement', name: 'МП «Благоустройство территории города Алейска»', archived: false },
      { id: 'mp-sport', name: 'МП «Развитие физической культуры и спорта в городе Алейске»', archived: false },
      { id: 'mp-youth', name: 'МП «Молодёжная политика города Алейска»', archived: false },
    ],
    tags: [...defaultDictionaries.tags, { id: 'holidays', name: 'праздники', archived: false }, { id: 'anniversaries', name: 'юбилеи', archived: false }],
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
