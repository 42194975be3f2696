/**
 * The demo town Алейск as the calendar sees it: officials, places, the yearly press conferences,
 * holidays, national-project milestones and which coverage each kind of event gets.
 */
import type { Random } from '../../demo/random.js';
import { defaultDictionaries, type CoverageItem, type Official } from './schema.js';
import { DAY, addDays, isoWeekday, parseWall, wallToInstant } from './time.js';

export const officials = {
  head: { name: 'Ткаченко Виктор Юрьевич', position: 'глава города Алейска' },
  first: { name: 'Лысенко Ольга Николаевна', position: 'первый заместитель главы администрации города' },
  utilities: { name: 'Морозов Алексей Петрович', position: 'заместитель главы администрации по ЖКХ, строительству и транспорту' },
  social: { name: 'Кравченко Елена Александровна', position: 'заместитель главы администрации по социальным вопросам' },
  council: { name: 'Гордеев Николай Иванович', position: 'председатель Алейского городского Собрания депутатов' },
  education: { name: 'Зуева Марина Викторовна', position: 'начальник управления образования' },
  culture: { name: 'Ершова Татьяна Сергеевна', position: 'начальник отдела по культуре и делам молодёжи' },
  water: { name: 'Беляев Сергей Владимирович', position: 'директор МУП «Алейскводоканал»' },
} satisfies Record<string, Official>;

export const places = {
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

export const districts = ['Вокзальный', 'Заречный', 'Степной', 'Северный', 'Южный', 'Сахарный завод', 'Кирпичный', 'Восточный', 'Центральный', 'Солнечный', 'Элеваторный', 'Садовый'];
export const schools = ['МБОУ СОШ № 2, ул. Ширшова, 11', 'МБОУ «Гимназия № 3», ул. Победы, 15', 'МБОУ СОШ № 4, ул. Олешко, 40', 'МБОУ СОШ № 7, ул. Парковая, 8', 'Городской Дом культуры, ул. Первомайская, 81'];
export const streets = ['ул. Ширшова', 'ул. Олешко', 'ул. Первомайская', 'ул. Комсомольская', 'ул. Парковая', 'ул. Гоголя', 'ул. Советская', 'пер. Почтовый'];

export const pressTopics: { month: number; title: string; project?: string; tags: string[]; who: Official[] }[] = [
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
export const nthWeekday = (y: number, m: number, weekday: number, n: number) => {
  const first = `${y}-${String(m).padStart(2, '0')}-01`;
  const offset = (weekday - isoWeekday(first) + 7) % 7;
  return 1 + offset + (n - 1) * 7;
};
export const lastWeekday = (y: number, m: number, weekday: number) => {
  const last = addDays(`${m === 12 ? y + 1 : y}-${String(m === 12 ? 1 : m + 1).padStart(2, '0')}-01`, -1);
  return Number(last.slice(8)) - ((isoWeekday(last) - weekday + 7) % 7);
};

export const holidays: Holiday[] = [
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

export const milestones: { month: number; day: number; title: string; kindId: string; project: string; time: [string, string]; place: string; tags: string[]; who: Official[] }[] = [
  { month: 5, day: 14, title: 'Старт ремонта дорог по нацпроекту «Безопасные качественные дороги»: выезд на объекты', kindId: 'field-day', project: 'roads', time: ['10:00', '12:00'], place: `${streets[0]}, ${streets[1]}`, tags: ['roads'], who: [officials.head, officials.utilities] },
  { month: 7, day: 22, title: 'Приёмка отремонтированного участка {street} (нацпроект «Безопасные качественные дороги»)', kindId: 'opening', project: 'roads', time: ['10:00', '11:30'], place: '{street}', tags: ['roads'], who: [officials.utilities] },
  { month: 8, day: 20, title: 'Открытие благоустроенного сквера «Молодёжный» (программа «Формирование комфортной городской среды»)', kindId: 'opening', project: 'comfort-environment', time: ['17:00', '18:30'], place: 'Сквер «Молодёжный», ул. Первомайская', tags: ['improvement'], who: [officials.head, officials.council] },
  { month: 9, day: 1, title: 'Открытие центра «Точка роста» в школе (нацпроект «Образование»)', kindId: 'opening', project: 'education', time: ['11:00', '12:00'], place: schools[2]!, tags: ['education'], who: [officials.head, officials.education] },
  { month: 9, day: 17, title: 'Комиссионная приёмка дворовых территорий по программе «Формирование комфортной городской среды»', kindId: 'field-day', project: 'comfort-environment', time: ['14:00', '16:30'], place: `${streets[2]}, 12, 14; ${streets[3]}, 5`, tags: ['improvement', 'housing-utilities'], who: [officials.utilities] },
  { month: 3, day: 18, title: 'Вручение свидетельств на улучшение жилищных условий молодым семьям (нацпроект «Демография»)', kindId: 'ceremony', project: 'demography', time: ['11:00', '12:00'], place: places.admin, tags: ['social'], who: [officials.head, officials.social] },
  { month: 11, day: 12, title: 'Открытие модульной врачебной амбулатории (нацпроект «Здравоохранение»)', kindId: 'opening', project: 'healthcare', time: ['12:00', '13:00'], place: 'мкр. Степной, ул. Садовая, 3', tags: ['health'], who: [officials.head, officials.social] },
  { month: 10, day: 8, title: 'Открытие отремонтированного зрительного зала Дома культуры (нацпроект «Культура»)', kindId: 'opening', project: 'culture', time: ['16:00', '17:30'], place: places.house, tags: ['culture'], who: [officials.head, officials.culture] },
];

export const coverageByKind: Record<string, string[]> = {
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

/** The town's municipal programmes and extra topic tags, added to the calendar's default lists. */
export const townProjects = [
  { id: 'mp-improvement', name: 'МП «Благоустройство территории города Алейска»', archived: false },
  { id: 'mp-sport', name: 'МП «Развитие физической культуры и спорта в городе Алейске»', archived: false },
  { id: 'mp-youth', name: 'МП «Молодёжная политика города Алейска»', archived: false },
];
export const townTags = [
  { id: 'holidays', name: 'праздники', archived: false },
  { id: 'anniversaries', name: 'юбилеи', archived: false },
];

export interface CoverageContext {
  today: string;
  nowMs: number;
  tz: string;
  head: string;
  spec: string;
}

/** Coverage for an event starting on `date`: what is due is mostly done, a few recent ones forgotten. */
export function demoCoverage(c: CoverageContext, kindId: string, date: string, rnd: Random): CoverageItem[] {
  return (coverageByKind[kindId] ?? coverageByKind.other!).map((kind) => {
    const offsetDays = defaultDictionaries.coverage.find((x) => x.id === kind)!.offsetDays;
    const due = addDays(date, offsetDays);
    const recent = parseWall(c.today) - parseWall(due) < 10 * DAY;
    const done = due < c.today && rnd.next() > (recent ? 0.35 : 0.04);
    const doneMs = Math.min(c.nowMs - 3_600_000, wallToInstant(parseWall(`${due}T${String(rnd.int(9, 17)).padStart(2, '0')}:${String(rnd.int(0, 59)).padStart(2, '0')}`), c.tz));
    return {
      id: kind,
      kindId: kind,
      assigneeId: kind === 'announce' || kind === 'newspaper' ? (rnd.next() < 0.5 ? c.head : c.spec) : c.spec,
      offsetDays,
      done,
      doneAt: done ? new Date(doneMs).toISOString() : null,
      note: '',
    };
  });
}
