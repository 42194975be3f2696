/** Each statistic of the report against the hand-counted fixture of reports-kit.ts. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeTempDirs } from '../helpers/tmp.js';
import { A, B, figuresOf, openReportKit, seedFixture, sentenceOf, type ReportKit } from './reports-kit.js';

let kit: ReportKit;
beforeAll(async () => {
  kit = await openReportKit();
  await seedFixture(kit);
});
afterAll(async () => {
  await kit.backend.close();
  removeTempDirs();
});

describe('report 2025 against 2024', () => {
  it('counts every figure as by hand', async () => {
    const view = await kit.call('reports.get', { year: 2025 });
    expect(view.period).toMatchObject({ label: '2025 год', from: '2025-01-01', to: '2025-12-31' });
    expect(view.previous).toMatchObject({ label: '2024 год' });
    expect(view.empty).toBe(false);
    expect(figuresOf(view)).toEqual({
      'site.total': [6, 2],
      'site.photo': [3, 1],
      'site.video': [1, 0],
      [`site.project:${A}`]: [2, 1],
      [`site.project:${B}`]: [1, 0],
      'social.total': [1810, 1250],
      'social.growth': [560, 1200],
      'social.platform:vk': [1500, 1000],
      'social.platform:ok': [260, 200],
      'social.platform:telegram': [50, 50],
      'votes.count': [2, 1],
      'votes.participants': [21, 5],
      'incidents.received': [15, null],
      'incidents.answered': [14, null],
      'incidents.onTime': [13, null],
      'releases.total': [2, 1],
      'releases.type:announcement': [1, 0],
      'releases.type:postRelease': [1, 0],
      'releases.type:news': [0, 1],
      'events.held': [3, 1],
      'events.fieldDays': [1, 1],
      'events.residents': [1, 0],
      'events.postponed': [1, 0],
      'events.cancelled': [1, 0],
      'events.kind:briefing': [1, 0],
      'events.kind:field-day': [1, 1],
      'events.kind:residents': [1, 0],
      'directLines.sessions': [1, null],
      'directLines.received': [3, null],
      'directLines.answeredLive': [1, null],
      'directLines.assigned': [2, null],
      'directLines.doneOnTime': [1, null],
      'newspaper.issues': [2, null],
      'newspaper.publications': [3, null],
      'newspaper.volume:cm2': [350, null],
      'newspaper.money': [350_000, null],
      'newspaper.acts': [4, null],
      'newspaper.actsOnTime': [3, null],
      'newspaper.collections': [1, null],
      'media.outlets': [3, 0],
    });
  });

  it('shows the change and «нет данных» where the previous year has none', async () => {
    const view = await kit.call('reports.get', { year: 2025 });
    const f = (key: string) => view.sections.flatMap((s: any) => s.figures).find((x: any) => x.key === key);
    expect(f('site.total')).toMatchObject({ display: '6', previousDisplay: '2', change: '+4 (+200,0\u00a0%)' });
    expect(f('social.growth')).toMatchObject({ display: '560\u00a0чел.', change: '\u2212640 (\u221253,3\u00a0%)' });
    expect(f('votes.count').change).toBe('+1 (+100,0\u00a0%)');
    expect(f('newspaper.money')).toMatchObject({ display: '3\u00a0500,00\u00a0₽', previousDisplay: 'нет данных', change: null });
    expect(f('site.video').change).toBe('+1');
  });

  it('drafts the sentences from the figures, in the seeds’ words', async () => {
    const view = await kit.call('reports.get', { year: 2025 });
    expect(sentenceOf(view, 'site.total')).toBe(
      'В 2025 году на официальном сайте размещено 6 информационных сообщений (2024\u00a0г.\u00a0— 2), из них 3 (2024\u00a0г.\u00a0— 1) содержат фотографии, 1 (2024\u00a0г.\u00a0— 0) — видеосюжеты.',
    );
    expect(sentenceOf(view, 'site.projects')).toBe(
      `Продолжено информирование о реализации национальных проектов: размещено 3 тематических сообщения, в том числе по национальным проектам «${A}» — 2 (2024\u00a0г.\u00a0— 1), «${B}» — 1 (2024\u00a0г.\u00a0— 0).`,
    );
    expect(sentenceOf(view, 'social.total')).toBe('Общее количество подписчиков официальных страниц администрации на 01.01.2026 составило 1\u00a0810 человек (+560 человек по сравнению с данными на 01.01.2025).');
    expect(sentenceOf(view, 'incidents')).toBe('За 2025 год через систему «Инцидент-менеджмент» в администрацию поступило 15 инцидентов, ответ дан на 14, из них в установленный срок — 13.');
    expect(sentenceOf(view, 'releases')).toBe('В 2025 году пресс-службой подготовлено и опубликовано 2 пресс-релиза (2024\u00a0г.\u00a0— 1), в том числе 1 анонс и 1 пост-релиз.');
    expect(sentenceOf(view, 'events')).toBe(
      'В 2025 году организовано и проведено 3 мероприятия с участием СМИ (2024\u00a0г.\u00a0— 1), в том числе 1 выездной день администрации и 1 встреча с жителями; из запланированных мероприятий перенесено — 1, отменено — 1.',
    );
    expect(sentenceOf(view, 'directLines')).toBe(
      'В 2025 году проведена 1 «прямая линия» с жителями, на которую поступило 3 вопроса; в прямом эфире дан ответ на 1, по 2 вопросам даны поручения, в установленный срок исполнено 1.',
    );
    expect(sentenceOf(view, 'newspaper.issues')).toBe('В 2025 году официальные материалы администрации опубликованы в 2 номерах газеты «Маяк труда» общим объёмом 350\u00a0см² (взаимодействие с редакцией осуществляется на основании муниципального контракта).');
    expect(sentenceOf(view, 'newspaper.money')).toBe('Всего по муниципальным контрактам со СМИ размещено 3 материала на сумму 3\u00a0500,00\u00a0₽.');
    expect(sentenceOf(view, 'newspaper.acts')).toBe('Опубликовано 4 муниципальных правовых акта, из них в установленный срок — 3.');
    expect(sentenceOf(view, 'newspaper.collections')).toBe('В течение 2025 года выпущен 1 сборник нормативно-правовых актов, в котором опубликовано 2 официальных документа.');
    expect(sentenceOf(view, 'votes')).toMatch(/^В 2025 году проведено 2 онлайн-голосования \(2024\u00a0г.\u00a0— 1\), в них принял участие 21 человек: «Выбор сквера» \(1 участник\); «Название парка» \(20 участников\)\.$/);
  });

  it('counts posts by the organisation’s day: half-years and months', async () => {
    const h1 = figuresOf(await kit.call('reports.get', { year: 2025, period: 'h1' }));
    const h2 = figuresOf(await kit.call('reports.get', { year: 2025, period: 'h2' }));
    expect(h1['site.total']).toEqual([3, 2]);
    expect(h2['site.total']).toEqual([3, null]);
    const q2 = await kit.call('reports.get', { year: 2025, period: 'q2' });
    expect(q2.period.label).toBe('II квартал 2025 г.');
    expect(sentenceOf(q2, 'events')).toMatch(/^В II квартале 2025\u00a0г\. организовано и проведено 2 мероприятия с участием СМИ/);
    const view = await kit.call('reports.get', { year: 2025 });
    const byMonth = view.charts.find((c: any) => c.id === 'site-by-month').option;
    expect(byMonth.series[1].data).toEqual([2, 0, 1, 0, 0, 0, 1, 0, 0, 0, 2, 0]);
    expect(byMonth.series[0].data).toEqual([0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0]);
    expect(view.charts.map((c: any) => c.id)).toEqual(['site-by-month', 'site-by-project', 'subscribers']);
  });

  it('opens every figure to the records behind it', async () => {
    const photo = await kit.call('reports.drill', { year: 2025, key: 'site.photo' });
    expect(photo.total).toBe(3);
    expect(photo.rows.map((r: any) => r.date)).toEqual(['2025-11-11', '2025-03-05', '2025-01-10']);
    const held = await kit.call('reports.drill', { year: 2025, key: 'events.held' });
    expect(held.rows.map((r: any) => r.title).sort()).toEqual(['Брифинг главы', 'Встреча с жителями', 'Выездной день в микрорайоне']);
    expect(held.rows[0].link.section).toBe('calendar');
    expect((await kit.call('reports.drill', { year: 2025, key: 'newspaper.actsOnTime' })).total).toBe(3);
    expect((await kit.call('reports.drill', { year: 2025, key: 'media.outlets' })).rows.map((r: any) => r.title)).toEqual(['Газета «Маяк труда»', 'Радио «Алейск FM»', 'Телекомпания «Алейск-ТВ»']);
    const view = await kit.call('reports.get', { year: 2025 });
    for (const f of view.sections.flatMap((s: any) => s.figures)) {
      const d = await kit.call('reports.drill', { year: 2025, key: f.key });
      if (f.drillable && f.value) expect(d.total, f.key).toBeGreaterThan(0);
    }
    const err = await kit.fail('reports.drill', { year: 2025, key: 'site.likes' });
    expect(err.message).toBe('Поле «Показатель»: нет показателя «site.likes» в отчёте');
  });
});

describe('a period with no data', () => {
  it('says so plainly: no zeros pretending to be facts', async () => {
    const view = await kit.call('reports.get', { year: 2030, period: 'q1' });
    expect(view.empty).toBe(true);
    for (const s of view.sections.filter((x: any) => x.id !== 'intro')) {
      expect(s.noData, s.id).toBe(true);
      for (const f of s.figures) {
        expect(f.value, f.key).toBeNull();
        expect(f.display).toBe('нет данных');
      }
    }
    expect(sentenceOf(view, 'site.noData')).toBe('Сведений о публикациях на официальном сайте за I квартал 2030 г. нет: публикации с сайта не загружены.');
    expect(view.charts).toEqual([]);
  });
});

describe('summary', () => {
  it('compares the year to date with the same dates last year', async () => {
    kit.setNow('2025-03-10T05:00:00Z');
    try {
      const s = await kit.call('summary.get', {});
      expect(s.asOf).toBe('2025-03-10');
      expect(s.rangeLabel).toBe('1 января — 10 марта 2025 г.');
      const f = Object.fromEntries(s.figures.map((x: any) => [x.key, [x.value, x.previous]]));
      expect(f['site.total']).toEqual([3, null]);
      expect(f['releases.total']).toEqual([1, null]);
      expect(f['events.held']).toEqual([1, 1]);
      expect(f['directLines.sessions']).toEqual([1, null]);
      expect(s.links.map((l: any) => l.section)).toContain('reports');
      expect(Array.isArray(s.attention)).toBe(true);
    } finally {
      kit.setNow('2026-02-10T05:00:00Z');
    }
  });
});
