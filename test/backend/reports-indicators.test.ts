/** Indicators by hand and from CSV (all or nothing, faults named by line and column), the report's edits and tasks. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeTempDirs } from '../helpers/tmp.js';
import { openReportKit, sentenceOf, settings, type ReportKit } from './reports-kit.js';

let kit: ReportKit;
beforeAll(async () => {
  kit = await openReportKit();
  await kit.call('settings.save', settings);
});
afterAll(async () => {
  await kit.backend.close();
  removeTempDirs();
});

const seq = () => kit.backend.ctx.store.currentSeq;

describe('CSV import', () => {
  it('reads «;» with ДД.ММ.ГГГГ, Russian headers and names, quotes and spaces in numbers', async () => {
    const csv = '\uFEFFДата;Площадка;Страница;Подписчиков;Источник\r\n01.01.2026;ВКонтакте;"Администрация; официально";"12 500";статистика\r\n01.02.2026;Telegram;Канал;900;\r\n';
    expect(await kit.call('reports.indicators.importCsv', { kind: 'subscribers', csv })).toEqual({ imported: 2 });
    const rows = await kit.call('reports.indicators.list', { kind: 'subscribers', year: 2026 });
    expect(rows.map((r: any) => [r.date, r.platform, r.page, r.count, r.source])).toEqual([
      ['2026-02-01', 'telegram', 'Канал', 900, 'импорт CSV'],
      ['2026-01-01', 'vk', 'Администрация; официально', 12500, 'статистика'],
    ]);
  });

  it('reads «,» with ГГГГ-ММ-ДД and code headers', async () => {
    const csv = 'from,to,received,answered,answeredOnTime\n2026-01-01,2026-01-31,10,9,8\n2026-02-01,2026-02-28,"1,000",900,800\n';
    // «1,000» in quotes is not a number in Russian notation: refused.
    const err = await kit.fail('reports.indicators.importCsv', { kind: 'incidents', csv });
    expect(err.message).toBe('Строка 3, столбец «Поступило»: ожидается целое число, получено «1,000». Ничего не импортировано.');
    const ok = csv.replace('"1,000"', '1000');
    expect(await kit.call('reports.indicators.importCsv', { kind: 'incidents', csv: ok })).toEqual({ imported: 2 });
  });

  const refused: [string, string, string][] = [
    ['a wrong column', 'Дата;Тема;Площадка;Лайки\n01.03.2026;Сквер;vk;10\n', 'Строка 1, столбец «Лайки»: неизвестный столбец; ожидаются: Дата; Тема; Площадка; Участников; Итог; Источник. Ничего не импортировано.'],
    ['a missing column', 'Дата;Тема;Площадка\n01.03.2026;Сквер;vk\n', 'Строка 1, столбец «Участников»: нет такого столбца в заголовке. Ничего не импортировано.'],
    ['a bad date', 'Дата;Тема;Площадка;Участников\n01.03.2026;Сквер;vk;10\n31.02.2026;Парк;vk;10\n', 'Строка 3, столбец «Дата»: неверная дата «31.02.2026» (пример: 31.12.2026 или 2026-12-31). Ничего не импортировано.'],
    ['a negative number', 'Дата;Тема;Площадка;Участников\n01.03.2026;Сквер;vk;10\n02.03.2026;Парк;vk;10\n03.03.2026;Двор;ok;-5\n', 'Строка 4, столбец «Участников»: не может быть отрицательным (-5). Ничего не импортировано.'],
    ['an unknown platform', 'Дата;Тема;Площадка;Участников\n01.03.2026;Сквер;Фейсбук;10\n', 'Строка 2, столбец «Площадка»: неизвестная площадка «Фейсбук» (допустимо: ВКонтакте, Одноклассники, Telegram, Госпаблики, другая площадка). Ничего не импортировано.'],
    ['an empty required cell', 'Дата;Тема;Площадка;Участников\n01.03.2026;;vk;10\n', 'Строка 2, столбец «Тема»: пустое значение. Ничего не импортировано.'],
    ['only a header', 'Дата;Тема;Площадка;Участников\n', 'В файле нет строк с данными (только заголовок). Ничего не импортировано.'],
  ];
  for (const [what, csv, message] of refused)
    it(`refuses ${what}, naming line and column; nothing imported`, async () => {
      const before = seq();
      const err = await kit.fail('reports.indicators.importCsv', { kind: 'votes', csv });
      expect(err.code).toBe('validation');
      expect(err.message).toBe(message);
      expect(seq()).toBe(before);
      expect(await kit.call('reports.indicators.list', { kind: 'votes' })).toEqual([]);
    });

  it('a row breaking the kind’s own rule (answered more than received) is named too', async () => {
    const before = seq();
    const err = await kit.fail('reports.indicators.importCsv', { kind: 'incidents', csv: 'С;По;Поступило;Отвечено;В срок\n01.03.2026;31.03.2026;5;6;1\n' });
    expect(err.message).toBe('Строка 2, столбец «Отвечено»: больше, чем поступило. Ничего не импортировано.');
    expect(seq()).toBe(before);
  });
});

describe('indicators by hand', () => {
  it('creates, updates, removes, and re-creates a removed row with its id', async () => {
    const row = await kit.call('reports.indicators.save', { kind: 'votes', row: { date: '2026-04-01', topic: 'Выбор сквера', platform: 'gosp', participants: 120, source: 'ПОС' } });
    const updated = await kit.call('reports.indicators.save', { kind: 'votes', row: { ...row, participants: 130 } });
    expect(updated).toMatchObject({ id: row.id, participants: 130, createdAt: row.createdAt });
    await kit.call('reports.indicators.remove', { kind: 'votes', id: row.id });
    expect(await kit.call('reports.indicators.list', { kind: 'votes' })).toEqual([]);
    await kit.call('reports.indicators.save', { kind: 'votes', row: updated });
    expect((await kit.call('reports.indicators.list', { kind: 'votes' })).map((r: any) => r.id)).toEqual([row.id]);
  });

  it('names the field in Russian and writes nothing', async () => {
    const before = seq();
    const err = await kit.fail('reports.indicators.save', { kind: 'subscribers', row: { platform: 'vk', page: 'Администрация', date: '2026-01-01', count: -1 } });
    expect(err.message).toBe('Поле «Подписчиков»: не может быть отрицательным');
    const bad = await kit.fail('reports.indicators.save', { kind: 'votes', row: { date: '2026-13-01', topic: 'Т', platform: 'vk', participants: 1 } });
    expect(bad.issues![0]!.label).toBe('Дата');
    expect(seq()).toBe(before);
  });
});

describe('edits, narratives and tasks', () => {
  it('keeps an edited sentence, goes back to the generated one on «», and carries tasks to the next year', async () => {
    await kit.call('reports.settings.save', { councilName: 'Алейскому городскому Собранию депутатов' });
    expect(await kit.call('reports.settings.get', {})).toEqual({ councilName: 'Алейскому городскому Собранию депутатов' });
    let view = await kit.call('reports.get', { year: 2026 });
    expect(view.councilName).toBe('Алейскому городскому Собранию депутатов');
    const generated = sentenceOf(view, 'social.total')!;
    view = await kit.call('reports.save', {
      year: 2026,
      sentences: [{ key: 'social.total', text: 'Подписчиков стало больше.' }],
      narratives: [{ sectionId: 'intro', text: 'Пресс-служба работала.' }, { sectionId: 'tasksNext', text: 'Основные задачи:' }],
      tasksNext: [{ id: 'task-a', text: 'создать новую версию сайта' }, { text: 'зарегистрировать сайт как СМИ' }],
    });
    const s = view.sections.flatMap((x: any) => x.sentences).find((x: any) => x.key === 'social.total');
    expect(s).toEqual({ key: 'social.total', generated, text: 'Подписчиков стало больше.', edited: true });
    expect(view.sections.find((x: any) => x.id === 'intro').narrative).toBe('Пресс-служба работала.');
    expect(view.taskNarratives).toEqual({ done: '', next: 'Основные задачи:' });
    expect(view.tasksNext.map((t: any) => t.text)).toEqual(['создать новую версию сайта', 'зарегистрировать сайт как СМИ']);
    expect(view.tasksNext[0].id).toBe('task-a');
    // Saving the same list again (autosave) does not duplicate it.
    view = await kit.call('reports.save', { year: 2026, tasksNext: view.tasksNext });
    expect(view.tasksNext).toHaveLength(2);

    const next = await kit.call('reports.save', { year: 2027, tasksDone: [{ id: 'task-a', done: false, comment: 'В 2027 году не реализован план по созданию новой версии сайта.' }] });
    expect(next.tasksDone).toEqual([
      { id: 'task-a', text: 'создать новую версию сайта', done: false, comment: 'В 2027 году не реализован план по созданию новой версии сайта.' },
      { id: view.tasksNext[1].id, text: 'зарегистрировать сайт как СМИ', done: null, comment: '' },
    ]);

    view = await kit.call('reports.save', { year: 2026, sentences: [{ key: 'social.total', text: '' }] });
    expect(sentenceOf(view, 'social.total')).toBe(generated);
    const err = await kit.fail('reports.save', { year: 2026, sentences: [{ key: 'nope', text: 'x' }] });
    expect(err.message).toBe('Поле «Предложение № 1»: нет предложения «nope» в отчёте за этот период');
  });
});
