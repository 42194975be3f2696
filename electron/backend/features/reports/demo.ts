/**
 * The report's demo data for Алейск, for the same calendar years as the contracts demo (the current
 * year up to today and the years before it), so the report compares two real years: posts on the
 * official site (≈3 000 a year: ≈55 % with photos, ≈3 % with video, ≈15 % under a national project),
 * subscribers of the official pages on the 1st of every month, online votes, incidents by month, and
 * the tasks each year's report set for the next.
 */
import { randomUUID } from 'node:crypto';
import type { AppStore } from '../../collections.js';
import { seededRandom, type Random } from '../../demo/random.js';
import type { SitePublication } from '../sync/site-publications.js';
import type { Incident, SavedReport, Subscriber, Vote } from './schema.js';

const projects: [name: string, share: number][] = [
  ['Жильё и городская среда', 0.05],
  ['Безопасные качественные дороги', 0.035],
  ['Формирование комфортной городской среды', 0.025],
  ['Образование', 0.015],
  ['Здравоохранение', 0.012],
  ['Демография', 0.008],
  ['Культура', 0.006],
];
const topics = [
  'Глава города провёл приём граждан',
  'Продолжается ремонт дорог',
  'Итоги заседания комиссии',
  'В школах города прошли мероприятия',
  'Объявлен конкурс',
  'Благоустройство дворовых территорий',
  'Отопительный сезон',
  'Работа общественного транспорта',
  'Публичные слушания',
  'Спортивные соревнования',
  'Поздравление с праздником',
  'Предупреждение о погодных условиях',
  'Информация для предпринимателей',
  'Ход работ на объекте',
];
const categories = ['Новости', 'Объявления', 'Администрация', 'Культура', 'Спорт', 'ЖКХ', 'Образование'];

const pages: { platform: Subscriber['platform']; page: string; start: number; perMonth: number }[] = [
  { platform: 'vk', page: 'Администрация города Алейска', start: 7800, perMonth: 130 },
  { platform: 'vk', page: 'Глава города Алейска', start: 2900, perMonth: 45 },
  { platform: 'ok', page: 'Администрация города Алейска', start: 3100, perMonth: 18 },
  { platform: 'telegram', page: 'Алейск официальный', start: 600, perMonth: 95 },
];

const voteTopics = [
  'Выбор общественной территории для благоустройства в рамках проекта «Формирование комфортной городской среды»',
  'Выбор дизайн-проекта благоустройства сквера Победы',
  'Выбор наименования нового сквера на ул. Советской',
  'Оценка работы общественного транспорта',
  'Удовлетворённость качеством предоставления муниципальных услуг',
  'Выбор проекта инициативного бюджетирования',
];

const pad = (n: number) => String(n).padStart(2, '0');

/** A year of posts on the site (exported for the benchmark, which makes a large town of them). */
export function sitePosts(random: Random, year: number, untilMs: number, perYear: number, site: string, next: () => number): SitePublication[] {
  const out: SitePublication[] = [];
  const start = Date.UTC(year, 0, 1);
  for (let day = 0; day < 366; day++) {
    const ms = start + day * 86_400_000;
    if (new Date(ms).getUTCFullYear() !== year || ms > untilMs) break;
    const weekday = new Date(ms).getUTCDay();
    const mean = (perYear / 300) * (weekday === 0 || weekday === 6 ? 0.35 : 1.15);
    const count = Math.max(0, Math.round(mean + (random.next() - 0.5) * mean));
    for (let i = 0; i < count; i++) {
      const at = new Date(ms + random.int(1, 11) * 3_600_000 + random.int(0, 59) * 60_000).toISOString();
      if (Date.parse(at) > untilMs) continue;
      let r = random.next();
      const project = projects.find(([, share]) => (r -= share) < 0)?.[0] ?? null;
      const id = next();
      out.push({
        id: `demo-post-${id}`,
        source: 'wordpress',
        remoteId: String(id),
        date: at,
        modified: at,
        title: `${random.pick(topics)}${project ? ` (нацпроект «${project}»)` : ''}`,
        link: `${site.replace(/\/$/, '')}/news/${id}/`,
        categories: [random.pick(categories)],
        tags: [],
        nationalProject: project,
        hasPhoto: random.next() < 0.55,
        hasVideo: random.next() < 0.03,
        releaseId: null,
        createdAt: at,
        updatedAt: at,
      });
    }
  }
  return out;
}

export async function generateReportsDemo(store: AppStore, opts: { years: number; now: Date; site: string; perYear?: number }): Promise<Record<string, number>> {
  const random = seededRandom(8_2026);
  const thisYear = opts.now.getUTCFullYear();
  const first = thisYear - Math.max(1, opts.years) + 1;
  const until = opts.now.getTime();
  const stamp = opts.now.toISOString();
  let remote = 10_000;
  const counts = { sitePublications: 0, subscribers: 0, votes: 0, incidents: 0, reports: 0 };
  for (let year = first; year <= thisYear; year++) {
    // A town that writes a little more every year.
    const perYear = Math.round((opts.perYear ?? 2800) * (1 + 0.08 * (year - first)));
    const posts = sitePosts(random, year, until, perYear, opts.site || 'https://example.ru', () => remote++);
    for (let i = 0; i < posts.length; i += 5000) await store.mutate((tx) => posts.slice(i, i + 5000).forEach((p) => tx.put('sitePublications', p)));
    counts.sitePublications += posts.length;

    const subs: Subscriber[] = [];
    const votes: Vote[] = [];
    const incidents: Incident[] = [];
    for (let m = 1; m <= 12; m++) {
      const day = `${year}-${pad(m)}-01`;
      if (Date.parse(`${day}T00:00:00Z`) > until) break;
      const months = (year - first) * 12 + m - 1;
      for (const pg of pages)
        subs.push({ id: randomUUID(), platform: pg.platform, page: pg.page, date: day, count: Math.round(pg.start + pg.perMonth * months + random.int(-20, 20)), source: 'статистика сообщества', createdAt: stamp, updatedAt: stamp });
      const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
      if (Date.parse(`${year}-${pad(m)}-${pad(last)}T23:59:59Z`) < until) {
        const received = random.int(45, 95) + (year - first) * 8;
        const answered = received - random.int(0, 3);
        incidents.push({ id: randomUUID(), from: day, to: `${year}-${pad(m)}-${pad(last)}`, received, answered, answeredOnTime: answered - random.int(1, 8), source: 'Инцидент-менеджмент', createdAt: stamp, updatedAt: stamp });
      }
    }
    const voteMonths = [2, 3, 5, 8, 10];
    voteMonths.forEach((m, i) => {
      const date = `${year}-${pad(m)}-${pad(random.int(3, 25))}`;
      if (Date.parse(`${date}T00:00:00Z`) > until) return;
      const topic = voteTopics[(i + year) % voteTopics.length]!;
      votes.push({ id: randomUUID(), date, topic, platform: i % 2 ? 'vk' : 'gosp', participants: random.int(350, 2600), result: i === 0 ? 'Победила территория у Дома культуры' : '', source: 'Платформа обратной связи', createdAt: stamp, updatedAt: stamp });
    });
    await store.mutate((tx) => {
      subs.forEach((r) => tx.put('subscribers', r));
      votes.forEach((r) => tx.put('votes', r));
      incidents.forEach((r) => tx.put('incidents', r));
    });
    counts.subscribers += subs.length;
    counts.votes += votes.length;
    counts.incidents += incidents.length;
  }
  // Each year's report sets the next year's tasks; the current year's report starts from them.
  const tasks = (year: number) => [
    `организация медийных мероприятий по освещению реализации в ${year} году национальных проектов и муниципальных программ`,
    'проведение акцентированных информационных кампаний по актуальным вопросам городского хозяйства',
    'увеличение совокупной аудитории подписчиков официальных страниц администрации в социальных сетях',
    'создание новой версии официального сайта администрации города',
  ];
  const narratives = (year: number) => [
    {
      sectionId: 'intro',
      text:
        `Деятельность отдела по связям с общественностью и СМИ администрации города Алейска в ${year} году осуществлялась по следующим направлениям: ` +
        'информационное освещение деятельности главы города, заместителей главы администрации и структурных подразделений; формирование и продвижение ' +
        'положительного имиджа администрации города; взаимодействие с городскими и краевыми средствами массовой информации; работа с обращениями ' +
        'жителей в социальных сетях и на Платформе обратной связи.\n' +
        'Информация о деятельности администрации размещается на официальном сайте и на официальных страницах администрации в социальных сетях; ' +
        'взаимодействие с газетой «Маяк труда» осуществляется на основании муниципального контракта.',
    },
    {
      sectionId: 'tasksNext',
      text: `В ${year + 1} году продолжается целенаправленная работа по реализации права граждан на свободный доступ к достоверной информации, обеспечению открытости деятельности городской власти. Основные задачи:`,
    },
  ];
  await store.mutate((tx) => {
    tx.put('reportSettings', { id: 'reports', councilName: 'Алейскому городскому Собранию депутатов', updatedAt: stamp });
    for (let year = first - 1; year <= thisYear; year++) {
      const rec: SavedReport = {
        id: `${year}-year`,
        year,
        period: 'year',
        sentences: [],
        narratives: year >= first ? narratives(year) : [],
        // Past years' reports have marked the tasks set for them; the current year's are left to the user.
        taskMarks:
          year >= first && year < thisYear
            ? tasks(year).map((_, i) => ({ id: `demo-task-${year}-${i + 1}`, done: i !== 3, comment: i === 3 ? `В ${year} году не реализован план по созданию новой версии официального сайта администрации города: работы перенесены на ${year + 1} год.` : '' }))
            : [],
        tasksNext: tasks(year + 1).map((text, i) => ({ id: `demo-task-${year + 1}-${i + 1}`, text })),
        createdAt: stamp,
        updatedAt: stamp,
      };
      tx.put('reports', rec);
      counts.reports++;
    }
  });
  return counts;
}
