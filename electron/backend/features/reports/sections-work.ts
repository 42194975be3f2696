/** Sections about the department's own work: releases, media events, direct lines, the newspaper, the media. */
import { formatMoney } from '../../format.js';
import { localDay } from '../direct-lines/dates.js';
import { eventStatuses } from '../calendar/schema.js';
import { releaseTypes, type ReleaseType } from '../releases/schema.js';
import type { DrillRow } from './api-types.js';
import { fig, pick, type Build, type Fig, type Sec } from './figures.js';
import type { HeldEvent, Measures } from './measure.js';
import { forPeriod, inPeriod, shortLabel } from './period.js';
import { agree, agree3, listAnd, n, nf, was, type Forms } from './text.js';

const typePlural: Record<ReleaseType, Forms> = {
  announcement: ['анонс', 'анонса', 'анонсов'],
  postRelease: ['пост-релиз', 'пост-релиза', 'пост-релизов'],
  statement: ['официальное сообщение', 'официальных сообщения', 'официальных сообщений'],
  news: ['новость', 'новости', 'новостей'],
  greeting: ['поздравление', 'поздравления', 'поздравлений'],
  warning: ['предупреждение', 'предупреждения', 'предупреждений'],
};

export function releasesSection(b: Build): Sec {
  const { cur, prev, p, q, tz } = b;
  const list = cur.releases?.list ?? [];
  const rows = (type?: ReleaseType) => () =>
    list.filter((x) => !type || x.r.type === type).map((x): DrillRow => ({ date: localDay(x.at, tz), title: x.r.headline || 'Без заголовка', detail: releaseTypes[x.r.type], link: { section: 'releases', id: x.r.id } }));
  const count = (m: Measures['releases'], type?: ReleaseType) => pick(m, (r) => r.list.filter((x) => !type || x.r.type === type).length);
  const total = fig('releases.total', 'Пресс-релизов опубликовано', count(cur.releases), count(prev.releases), { drill: rows() });
  const types = (Object.keys(releaseTypes) as ReleaseType[])
    .filter((t) => (count(cur.releases, t) ?? 0) + (count(prev.releases, t) ?? 0) > 0)
    .map((t) => fig(`releases.type:${t}`, `в том числе: ${releaseTypes[t]}`, count(cur.releases, t), count(prev.releases, t), { drill: rows(t) }));
  const sentences = [];
  if (cur.releases) {
    const v = total.value!;
    const parts = types.filter((f) => f.value).map((f) => nf(f.value!, typePlural[f.key.split(':')[1] as ReleaseType]));
    sentences.push({
      key: 'releases',
      generated: `${inPeriod(p)} пресс-службой ${agree(v, 'подготовлен и опубликован', 'подготовлено и опубликовано')} ${nf(v, ['пресс-релиз', 'пресс-релиза', 'пресс-релизов'])}${was(total.previous, shortLabel(q))}${parts.length ? `, в том числе ${listAnd(parts)}` : ''}.`,
    });
  } else sentences.push({ key: 'releases.noData', generated: `Опубликованных пресс-релизов ${forPeriod(p)} в программе нет.` });
  return { id: 'releases', title: 'Пресс-релизы', figures: [total, ...types], sentences, noData: !cur.releases };
}

export function eventsSection(b: Build): Sec {
  const { cur, prev, p, q } = b;
  const e = cur.events;
  const rows = (f: (x: HeldEvent) => boolean) => () =>
    (e?.all ?? []).filter(f).map((x): DrillRow => ({ date: x.date, title: x.fields.title, detail: `${e!.kindName(x.fields.kindId)} · ${eventStatuses[x.fields.status]}`, link: { section: 'calendar', id: x.id } }));
  const count = (m: Measures['events'], f: (x: HeldEvent, m: NonNullable<Measures['events']>) => boolean) => pick(m, (mm) => mm.all.filter((x) => f(x, mm)).length);
  const held = (x: HeldEvent) => x.fields.status === 'held';
  const figures: Fig[] = [
    fig('events.held', 'Мероприятий с участием СМИ проведено', count(e, held), count(prev.events, held), { drill: rows(held) }),
    fig('events.fieldDays', 'в том числе выездных дней', count(e, (x, m) => held(x) && m.isFieldDay(x)), count(prev.events, (x, m) => held(x) && m.isFieldDay(x)), { drill: rows((x) => held(x) && e!.isFieldDay(x)) }),
    fig('events.residents', 'в том числе встреч с жителями', count(e, (x, m) => held(x) && m.isResidents(x)), count(prev.events, (x, m) => held(x) && m.isResidents(x)), { drill: rows((x) => held(x) && e!.isResidents(x)) }),
    fig('events.postponed', 'Перенесено', count(e, (x) => x.fields.status === 'postponed'), count(prev.events, (x) => x.fields.status === 'postponed'), { drill: rows((x) => x.fields.status === 'postponed') }),
    fig('events.cancelled', 'Отменено', count(e, (x) => x.fields.status === 'cancelled'), count(prev.events, (x) => x.fields.status === 'cancelled'), { drill: rows((x) => x.fields.status === 'cancelled') }),
  ];
  if (e) {
    const tally = new Map<string, number>();
    for (const x of e.all) if (held(x)) tally.set(x.fields.kindId, (tally.get(x.fields.kindId) ?? 0) + 1);
    const kinds = [...tally].sort((a, z) => z[1] - a[1] || e.kindName(a[0]).localeCompare(e.kindName(z[0]), 'ru')).map(([k]) => k);
    for (const k of kinds) {
      const of = (x: HeldEvent) => held(x) && x.fields.kindId === k;
      figures.push(fig(`events.kind:${k}`, `проведено: ${e.kindName(k)}`, count(e, of), count(prev.events, of), { drill: rows(of) }));
    }
  }
  const sentences = [];
  if (e) {
    const [h, fd, res, post, canc] = figures.map((f) => f.value!);
    const extra = [fd ? nf(fd, ['выездной день администрации', 'выездных дня администрации', 'выездных дней администрации']) : '', res ? nf(res, ['встреча с жителями', 'встречи с жителями', 'встреч с жителями']) : ''].filter(Boolean);
    const changed = [post ? `перенесено — ${n(post)}` : '', canc ? `отменено — ${n(canc)}` : ''].filter(Boolean);
    sentences.push({
      key: 'events',
      generated:
        `${inPeriod(p)} ${agree(h!, 'организовано и проведено', 'организовано и проведено')} ${nf(h!, ['мероприятие', 'мероприятия', 'мероприятий'])} с участием СМИ${was(figures[0]!.previous, shortLabel(q))}` +
        `${extra.length ? `, в том числе ${listAnd(extra)}` : ''}${changed.length ? `; из запланированных мероприятий ${changed.join(', ')}` : ''}.`,
    });
  } else sentences.push({ key: 'events.noData', generated: `Мероприятий ${forPeriod(p)} в календаре нет.` });
  return { id: 'events', title: 'Мероприятия с участием СМИ', figures, sentences, noData: !e };
}

export function directLinesSection(b: Build): Sec {
  const { cur, prev, p, q, tz } = b;
  const d = cur.directLines;
  const sessionRows = () => (d?.sessions ?? []).map((s): DrillRow => ({ date: localDay(s.startsAt, tz), title: `Прямая линия: ${s.official.name}`, detail: s.official.position, link: { section: 'direct-lines', id: s.id } }));
  const questionRows = (f: (x: ReturnType<typeof b.snap.all<'directLineQuestions'>>[number]) => boolean) => () => {
    const ids = new Set(d?.sessions.map((s) => s.id));
    return b.snap
      .all('directLineQuestions')
      .filter((x) => ids.has(x.sessionId) && f(x))
      .map((x): DrillRow => ({ date: localDay(x.receivedAt, tz), title: x.text.slice(0, 200), detail: [x.topic, x.assignment?.department ?? ''].filter(Boolean).join(' · '), link: { section: 'direct-lines', id: x.sessionId } }));
  };
  const s = (m: Measures['directLines'], k: 'sessions' | 'received' | 'answeredLive' | 'assigned' | 'doneOnTime') => pick(m, (x) => x.stats[k]);
  const figures = [
    fig('directLines.sessions', '«Прямых линий» проведено', s(d, 'sessions'), s(prev.directLines, 'sessions'), { drill: sessionRows }),
    fig('directLines.received', 'Вопросов поступило', s(d, 'received'), s(prev.directLines, 'received'), { drill: questionRows(() => true) }),
    fig('directLines.answeredLive', 'Отвечено в прямом эфире', s(d, 'answeredLive'), s(prev.directLines, 'answeredLive'), { drill: questionRows((x) => !x.mergedInto && x.answeredLive) }),
    fig('directLines.assigned', 'Дано поручений', s(d, 'assigned'), s(prev.directLines, 'assigned'), { drill: questionRows((x) => !x.mergedInto && !!x.assignment) }),
    fig('directLines.doneOnTime', 'Поручений исполнено в срок', s(d, 'doneOnTime'), s(prev.directLines, 'doneOnTime'), { drill: questionRows((x) => !x.mergedInto && x.assignment?.status === 'done') }),
  ];
  const sentences = [];
  if (d) {
    const [ses, rec, live, asg, onTime] = figures.map((f) => f.value!);
    sentences.push({
      key: 'directLines',
      generated:
        `${inPeriod(p)} ${agree3(ses!, 'проведена', 'проведены', 'проведено')} ${nf(ses!, ['«прямая линия»', '«прямые линии»', '«прямых линий»'])} с жителями${was(figures[0]!.previous, shortLabel(q))}, ` +
        `на ${ses === 1 ? 'которую' : 'которые'} ${agree(rec!, 'поступил', 'поступило')} ${nf(rec!, ['вопрос', 'вопроса', 'вопросов'])}${was(figures[1]!.previous, shortLabel(q))}; ` +
        `в прямом эфире дан ответ на ${n(live!)}, по ${nf(asg!, ['вопросу', 'вопросам', 'вопросам'])} ${agree(asg!, 'дано поручение', 'даны поручения')}, в установленный срок ${agree(onTime!, 'исполнено', 'исполнено')} ${n(onTime!)}.`,
    });
  } else sentences.push({ key: 'directLines.noData', generated: `«Прямых линий» ${forPeriod(p)} в программе нет.` });
  return { id: 'directLines', title: '«Прямые линии» с жителями', figures, sentences, noData: !d };
}

export function newspaperSection(b: Build): Sec {
  const { cur, prev, p, q, snap } = b;
  const np = cur.newspaper;
  const paper = snap.get('settings', 'settings')?.organisation.newspaper;
  const pubRows = (list = np?.pubs ?? []) => () => list.map((x): DrillRow => ({ date: x.date, title: x.title, detail: [x.issue, `${n(x.volume)}`].filter(Boolean).join(' · '), link: { section: 'contracts', id: x.contractId } }));
  const actRows = (onTime?: boolean) => () =>
    (np?.acts ?? []).filter((a) => onTime === undefined || a.onTime === onTime).map((a): DrillRow => ({ date: a.publishedOn, title: `${a.kindLabel} № ${a.number} от ${a.signedOn.split('-').reverse().join('.')}`, detail: a.title || a.places.map((x) => x.where).join('; '), link: a.places[0]?.contractId ? { section: 'contracts', id: a.places[0].contractId } : null }));
  const colRows = () => (np?.collections ?? []).map((c): DrillRow => ({ date: c.date, title: `Сборник НПА № ${c.number}`, detail: `${n(c.acts.length)} актов`, link: { section: 'contracts', id: `collections/${c.id}` } }));
  const figures: Fig[] = [
    fig('newspaper.issues', 'Номеров газеты с официальными материалами', pick(np, (x) => x.issues.size), pick(prev.newspaper, (x) => x.issues.size), { drill: pubRows() }),
    fig('newspaper.publications', 'Публикаций по контрактам', pick(np, (x) => x.pubs.length), pick(prev.newspaper, (x) => x.pubs.length), { drill: pubRows() }),
  ];
  const units = [...new Set([...(np?.volumes.keys() ?? []), ...(prev.newspaper?.volumes.keys() ?? [])])];
  for (const u of units) {
    const v = np?.volumes.get(u) ?? prev.newspaper?.volumes.get(u);
    figures.push(fig(`newspaper.volume:${u}`, `Объём публикаций, ${v?.short || v?.name || u}`, pick(np, (x) => x.volumes.get(u)?.volume ?? 0), pick(prev.newspaper, (x) => x.volumes.get(u)?.volume ?? 0), { unit: v?.short || undefined, drill: pubRows(np?.volumes.get(u)?.pubs ?? []) }));
  }
  figures.push(
    fig('newspaper.money', 'Стоимость публикаций', pick(np, (x) => x.money), pick(prev.newspaper, (x) => x.money), { money: true, drill: pubRows() }),
    fig('newspaper.acts', 'Муниципальных правовых актов опубликовано', pick(np, (x) => x.acts.length), pick(prev.newspaper, (x) => x.acts.length), { drill: actRows() }),
    fig('newspaper.actsOnTime', 'из них в установленный срок', pick(np, (x) => x.acts.filter((a) => a.onTime).length), pick(prev.newspaper, (x) => x.acts.filter((a) => a.onTime).length), { drill: actRows(true) }),
    fig('newspaper.collections', 'Сборников нормативно-правовых актов выпущено', pick(np, (x) => x.collections.length), pick(prev.newspaper, (x) => x.collections.length), { drill: colRows }),
  );
  const get = (key: string) => figures.find((f) => f.key === key)!;
  const sentences = [];
  if (np) {
    const ql = shortLabel(q);
    const issues = get('newspaper.issues').value!;
    const inPaper = new Set([...np.issues.values()].flat());
    const main = [...np.volumes.values()].sort((a, z) => z.pubs.filter((x) => inPaper.has(x)).length - a.pubs.filter((x) => inPaper.has(x)).length)[0];
    if (issues)
      sentences.push({
        key: 'newspaper.issues',
        generated:
          `${inPeriod(p)} официальные материалы администрации опубликованы в ${nf(issues, ['номере', 'номерах', 'номерах'])}${paper ? ` газеты «${paper}»` : ' газет'}${was(get('newspaper.issues').previous, ql)}` +
          `${main ? ` общим объёмом ${n(main.volume)}${main.short ? `\u00a0${main.short}` : ''}` : ''} (взаимодействие с редакцией осуществляется на основании муниципального контракта).`,
      });
    if (np.pubs.length)
      sentences.push({
        key: 'newspaper.money',
        generated: `Всего по муниципальным контрактам со СМИ ${agree(np.pubs.length, 'размещён', 'размещено')} ${nf(np.pubs.length, ['материал', 'материала', 'материалов'])}${was(get('newspaper.publications').previous, ql)} на сумму ${formatMoney(np.money)}${was(get('newspaper.money').previous, ql, true)}.`,
      });
    const acts = np.acts.length;
    if (acts)
      sentences.push({
        key: 'newspaper.acts',
        generated: `${agree(acts, 'Опубликован', 'Опубликовано')} ${nf(acts, ['муниципальный правовой акт', 'муниципальных правовых акта', 'муниципальных правовых актов'])}${was(get('newspaper.acts').previous, ql)}, из них в установленный срок — ${n(get('newspaper.actsOnTime').value!)}.`,
      });
    const cols = np.collections.length;
    if (cols) {
      const inside = np.collections.reduce((s, c) => s + c.acts.length, 0);
      sentences.push({
        key: 'newspaper.collections',
        generated: `${inPeriod(p).replace(/^В /, 'В течение ').replace(/году$/, 'года')} ${agree(cols, 'выпущен', 'выпущено')} ${nf(cols, ['сборник нормативно-правовых актов', 'сборника нормативно-правовых актов', 'сборников нормативно-правовых актов'])}${was(get('newspaper.collections').previous, ql)}, в ${cols === 1 ? 'котором' : 'которых'} ${agree(inside, 'опубликован', 'опубликовано')} ${nf(inside, ['официальный документ', 'официальных документа', 'официальных документов'])}.`,
      });
    }
  } else sentences.push({ key: 'newspaper.noData', generated: `Публикаций по контрактам со СМИ и сборников актов ${forPeriod(p)} в программе нет.` });
  return { id: 'newspaper', title: 'Официальное опубликование', figures, sentences, noData: !np };
}

export function mediaSection(b: Build): Sec {
  const { cur, prev, p, q, snap } = b;
  const m = cur.media;
  const rows = () =>
    [...(m?.outlets ?? new Map<string, string[]>())].map(([id, why]): DrillRow => ({ date: '', title: snap.get('outlets', id)?.name ?? id, detail: why.join(', '), link: { section: 'outlets', id } })).sort((a, z) => a.title.localeCompare(z.title, 'ru'));
  const outlets = fig('media.outlets', 'СМИ, с которыми велась работа', pick(m, (x) => x.outlets.size), pick(prev.media, (x) => x.outlets.size), { drill: rows });
  const sentences = [];
  if (m && m.outlets.size) {
    const names = rows().slice(0, 8).map((r) => r.title);
    sentences.push({
      key: 'media',
      generated: `${inPeriod(p)} пресс-служба взаимодействовала с ${nf(m.outlets.size, ['средством массовой информации', 'средствами массовой информации', 'средствами массовой информации'])}${was(outlets.previous, shortLabel(q))}, в их числе ${names.join(', ')}${m.outlets.size > names.length ? ' и др.' : ''}.`,
    });
  } else sentences.push({ key: 'media.noData', generated: `Сведений о работе со СМИ ${forPeriod(p)} в программе нет.` });
  return { id: 'media', title: 'Взаимодействие со СМИ', figures: [outlets], sentences, noData: !m || m.outlets.size === 0 };
}
