/** The drafted sentences (a pronoun is singular only for exactly one: «21 линия, на которые»): Russian number formatting (no-break spaces) and plurals for 1, 2, 5, 11, 21, 1 000 000. */
import { describe, expect, it } from 'vitest';
import type { Build } from '../../electron/backend/features/reports/figures.js';
import type { Measures } from '../../electron/backend/features/reports/measure.js';
import { periodOf, previousOf } from '../../electron/backend/features/reports/period.js';
import { incidentsSection, siteSection, votesSection } from '../../electron/backend/features/reports/sections-site.js';
import { directLinesSection, releasesSection } from '../../electron/backend/features/reports/sections-work.js';
import { change } from '../../electron/backend/features/reports/text.js';

const NB = '\u00a0';
const COUNTS = [1, 2, 5, 11, 21, 1_000_000];

function build(cur: Partial<Measures>, prev: Partial<Measures> = {}, period: Parameters<typeof periodOf>[1] = 'year'): Build {
  const none = { site: null, releases: null, events: null, directLines: null, newspaper: null, media: null, subscribers: null, votes: null, incidents: null, months: [], range: null as never };
  const p = periodOf(2023, period);
  return { snap: null as never, tz: 'Asia/Barnaul', cur: { ...none, ...cur }, prev: { ...none, ...prev }, p, q: previousOf(p) };
}
const posts = (n: number, photo = 0, video = 0) => ({
  pubs: Array.from({ length: n }, (_, i) => ({ hasPhoto: i < photo, hasVideo: i < video, nationalProject: null }) as never),
  byMonth: [],
  byProject: new Map(),
});
const text = (sec: { sentences: { key: string; generated: string }[] }, key: string) => sec.sentences.find((s) => s.key === key)?.generated;

describe('site sentence', () => {
  const expected: Record<number, string> = {
    1: 'размещено 1 информационное сообщение',
    2: 'размещено 2 информационных сообщения',
    5: 'размещено 5 информационных сообщений',
    11: 'размещено 11 информационных сообщений',
    21: 'размещено 21 информационное сообщение',
    1_000_000: `размещено 1${NB}000${NB}000 информационных сообщений`,
  };
  for (const n of COUNTS)
    it(`${n}`, () => {
      const s = text(siteSection(build({ site: posts(n, n, n === 1 ? 1 : 0) })), 'site.total')!;
      expect(s).toContain(`В 2023 году на официальном сайте ${expected[n]},`);
      expect(s).toContain(n % 10 === 1 && n % 100 !== 11 ? ' содержит фотографии' : ' содержат фотографии');
    });

  it('the seed’s own sentence, numbers as Russian text writes them', () => {
    const s = text(siteSection(build({ site: posts(9269, 5415, 204) }, { site: posts(8295, 4517, 101) })), 'site.total');
    expect(s).toBe(`В 2023 году на официальном сайте размещено 9${NB}269 информационных сообщений (2022${NB}г.${NB}— 8${NB}295), из них 5${NB}415 (2022${NB}г.${NB}— 4${NB}517) содержат фотографии, 204 (2022${NB}г.${NB}— 101) — видеосюжеты.`);
  });

  it('a quarter opens «В I квартале 2023 г.» and compares with the same quarter', () => {
    const s = text(siteSection(build({ site: posts(3) }, { site: posts(2) }, 'q1')), 'site.total');
    expect(s).toMatch(new RegExp(`^В I квартале 2023${NB}г\\. на официальном сайте размещено 3 информационных сообщения \\(I квартал 2022${NB}г\\.${NB}— 2\\)`));
  });
});

describe('other sentences agree with their numbers', () => {
  const incidents = (n: number) => ({ incidents: [{ id: 'x', from: '2023-01-01', to: '2023-01-31', received: n, answered: n, answeredOnTime: n, source: '', createdAt: '', updatedAt: '' }] });
  const inc: Record<number, string> = {
    1: 'поступил 1 инцидент,',
    2: 'поступило 2 инцидента,',
    5: 'поступило 5 инцидентов,',
    11: 'поступило 11 инцидентов,',
    21: 'поступил 21 инцидент,',
    1_000_000: `поступило 1${NB}000${NB}000 инцидентов,`,
  };
  const dl: Record<number, string> = {
    1: 'проведена 1 «прямая линия» с жителями, на которую поступил 1 вопрос;',
    2: 'проведены 2 «прямые линии» с жителями, на которые поступило 2 вопроса;',
    5: 'проведено 5 «прямых линий» с жителями, на которые поступило 5 вопросов;',
    11: 'проведено 11 «прямых линий» с жителями, на которые поступило 11 вопросов;',
    21: 'проведена 21 «прямая линия» с жителями, на которые поступил 21 вопрос;',
    1_000_000: `проведено 1${NB}000${NB}000 «прямых линий» с жителями, на которые поступило 1${NB}000${NB}000 вопросов;`,
  };
  const rel: Record<number, string> = {
    1: 'подготовлен и опубликован 1 пресс-релиз, в том числе 1 анонс.',
    2: 'подготовлено и опубликовано 2 пресс-релиза, в том числе 2 анонса.',
    5: 'подготовлено и опубликовано 5 пресс-релизов, в том числе 5 анонсов.',
    11: 'подготовлено и опубликовано 11 пресс-релизов, в том числе 11 анонсов.',
    21: 'подготовлен и опубликован 21 пресс-релиз, в том числе 21 анонс.',
    1_000_000: `подготовлено и опубликовано 1${NB}000${NB}000 пресс-релизов, в том числе 1${NB}000${NB}000 анонсов.`,
  };
  const votes: Record<number, string> = {
    1: 'проведено 1 онлайн-голосование, в нём принял участие 1 человек:',
    2: 'проведено 2 онлайн-голосования, в них приняли участие 2 человека:',
    5: 'проведено 5 онлайн-голосований, в них приняли участие 5 человек:',
    11: 'проведено 11 онлайн-голосований, в них приняли участие 11 человек:',
    21: 'проведено 21 онлайн-голосование, в них принял участие 21 человек:',
    1_000_000: `проведено 1${NB}000${NB}000 онлайн-голосований, в них приняли участие 1${NB}000${NB}000 человек:`,
  };
  for (const n of COUNTS)
    it(`${n}`, () => {
      expect(text(incidentsSection(build(incidents(n))), 'incidents')).toContain(inc[n]);
      const stats = { sessions: n, received: n, answeredLive: n, assigned: n, doneOnTime: n } as never;
      expect(text(directLinesSection(build({ directLines: { sessions: [], stats } })), 'directLines')).toContain(dl[n]);
      const list = Array.from({ length: Math.min(n, 1000) }, () => ({ r: { type: 'announcement' }, at: '' }));
      // A million releases would only slow the test: the count comes from the list's length, so make it that long.
      if (n > 1000) list.length = n, list.fill(list[0]!);
      expect(text(releasesSection(build({ releases: { list: list as never } })), 'releases')).toContain(rel[n]);
      const vote = Array.from({ length: Math.min(n, 1000) }, () => ({ topic: 'Т', participants: 1, platform: 'vk', date: '2023-01-01' }));
      if (n > 1000) vote.length = n, vote.fill(vote[0]!);
      expect(text(votesSection(build({ votes: vote as never })), 'votes')).toContain(votes[n]);
    });
});

describe('change', () => {
  it('signs, thousands and percent', () => {
    expect(change(9269, 8295)).toBe(`+974 (+11,7${NB}%)`);
    expect(change(1_000_000, 2_000_000)).toBe(`\u22121${NB}000${NB}000 (\u221250,0${NB}%)`);
    expect(change(5, 5)).toBe('без изменений');
    expect(change(3, 0)).toBe('+3');
    expect(change(null, 5)).toBeNull();
    expect(change(123_456, 100_000, true)).toBe(`+234,56${NB}₽ (+23,5${NB}%)`);
  });
});
