/** Sections about the audience: the official site, the official pages, online votes, incidents. */
import { plural } from '../../format.js';
import { localDay } from '../direct-lines/dates.js';
import type { SitePublication } from '../sync/site-publications.js';
import { platforms, type DrillRow } from './api-types.js';
import { fig, pick, type Build, type Sec } from './figures.js';
import { forPeriod, inPeriod, shortLabel } from './period.js';
import { agree, cap, dmy, n, nf, signed, was, type Forms } from './text.js';

const MESSAGES: Forms = ['информационное сообщение', 'информационных сообщения', 'информационных сообщений'];
const THEMED: Forms = ['тематическое сообщение', 'тематических сообщения', 'тематических сообщений'];
const PEOPLE: Forms = ['человек', 'человека', 'человек'];

const pubRow = (tz: string) => (x: SitePublication): DrillRow => ({
  date: localDay(x.date, tz),
  title: x.title,
  detail: [x.hasPhoto ? 'с фото' : '', x.hasVideo ? 'с видео' : '', x.nationalProject ?? ''].filter(Boolean).join(' · '),
  link: x.releaseId ? { section: 'releases', id: x.releaseId } : null,
  url: x.link,
});

export function siteSection(b: Build): Sec {
  const { cur, prev, p, q, tz } = b;
  const rows = (list: SitePublication[]) => () => list.map(pubRow(tz));
  const c = cur.site;
  const total = fig('site.total', 'Информационных сообщений на официальном сайте', pick(c, (s) => s.pubs.length), pick(prev.site, (s) => s.pubs.length), { drill: c ? rows(c.pubs) : undefined });
  const photo = c?.pubs.filter((x) => x.hasPhoto) ?? [];
  const video = c?.pubs.filter((x) => x.hasVideo) ?? [];
  const withPhoto = fig('site.photo', 'из них с фотографиями', pick(c, () => photo.length), pick(prev.site, (s) => s.pubs.filter((x) => x.hasPhoto).length), { drill: rows(photo) });
  const withVideo = fig('site.video', 'из них с видеосюжетами', pick(c, () => video.length), pick(prev.site, (s) => s.pubs.filter((x) => x.hasVideo).length), { drill: rows(video) });
  const names = [...new Set([...(c?.byProject.keys() ?? []), ...(prev.site?.byProject.keys() ?? [])])].sort(
    (a, z) => (c?.byProject.get(z)?.length ?? 0) - (c?.byProject.get(a)?.length ?? 0) || a.localeCompare(z, 'ru'),
  );
  const projects = names.map((name) =>
    fig(`site.project:${name}`, `по национальному проекту «${name}»`, pick(c, (s) => s.byProject.get(name)?.length ?? 0), pick(prev.site, (s) => s.byProject.get(name)?.length ?? 0), {
      drill: rows(c?.byProject.get(name) ?? []),
    }),
  );
  const ql = shortLabel(q);
  const sentences = [];
  if (c) {
    sentences.push({
      key: 'site.total',
      generated:
        `${inPeriod(p)} на официальном сайте ${agree(c.pubs.length, 'размещено', 'размещено')} ${nf(c.pubs.length, MESSAGES)}${was(total.previous, ql)}, ` +
        `из них ${n(photo.length)}${was(withPhoto.previous, ql)} ${agree(photo.length, 'содержит', 'содержат')} фотографии, ${n(video.length)}${was(withVideo.previous, ql)} — видеосюжеты.`,
    });
    const used = projects.filter((f) => (f.value ?? 0) > 0);
    if (used.length) {
      const sum = c.pubs.filter((x) => x.nationalProject).length;
      sentences.push({
        key: 'site.projects',
        generated:
          `Продолжено информирование о реализации национальных проектов: ${agree(sum, 'размещено', 'размещено')} ${nf(sum, THEMED)}, в том числе ${used.length > 1 ? 'по национальным проектам' : 'по национальному проекту'} ` +
          used.map((f) => `«${f.key.slice('site.project:'.length)}» — ${n(f.value!)}${was(f.previous, ql)}`).join(', ') +
          '.',
      });
    }
  } else sentences.push({ key: 'site.noData', generated: `Сведений о публикациях на официальном сайте ${forPeriod(p)} нет: публикации с сайта не загружены.` });
  return { id: 'site', title: 'Официальный сайт', figures: [total, withPhoto, withVideo, ...projects], sentences, noData: !c };
}


export function socialSection(b: Build): Sec {
  const { cur, prev, p, q } = b;
  const end = cur.subscribers?.end ?? null;
  const start = cur.subscribers?.start ?? null;
  const prevEnd = prev.subscribers?.end ?? null;
  const prevStart = prev.subscribers?.start ?? null;
  const drillOf = (platform?: string, rows = end?.rows ?? []) => () =>
    rows
      .filter((r) => !platform || r.platform === platform)
      .map((r) => ({ date: r.date, title: `${platforms[r.platform]}: ${r.page}`, detail: `${nf(r.count, ['подписчик', 'подписчика', 'подписчиков'])}${r.source ? ` · ${r.source}` : ''}`, link: { section: 'reports', id: `subscribers/${r.id}` } }));
  const total = fig('social.total', 'Подписчиков официальных страниц', end?.total ?? null, prevEnd?.total ?? null, { unit: 'чел.', drill: drillOf() });
  const growth = fig('social.growth', 'Прирост подписчиков за период', end && start ? end.total - start.total : null, prevEnd && prevStart ? prevEnd.total - prevStart.total : null, {
    unit: 'чел.',
    // The counts at both ends of the period.
    drill: end && start ? drillOf(undefined, [...end.rows, ...start.rows.filter((r) => !end.rows.includes(r))]) : undefined,
  });
  const byPlatform = (Object.keys(platforms) as (keyof typeof platforms)[])
    .filter((k) => end?.byPlatform.has(k) || prevEnd?.byPlatform.has(k))
    .map((k) => fig(`social.platform:${k}`, `в том числе ${platforms[k]}`, end ? (end.byPlatform.get(k) ?? 0) : null, prevEnd ? (prevEnd.byPlatform.get(k) ?? 0) : null, { unit: 'чел.', drill: drillOf(k) }));
  const sentences = [];
  if (end) {
    const grew = end && start ? ` (${signed(end.total - start.total)} ${plural(Math.abs(end.total - start.total), PEOPLE)} по сравнению с данными на ${dmy(start.asOf)})` : '';
    sentences.push({ key: 'social.total', generated: `Общее количество подписчиков официальных страниц администрации на ${dmy(end.asOf)} составило ${nf(end.total, PEOPLE)}${grew}.` });
    if (byPlatform.length > 1)
      sentences.push({ key: 'social.platforms', generated: `${cap(byPlatform.map((f) => `${f.label.replace('в том числе ', '')} — ${n(f.value ?? 0)}`).join(', '))}.` });
  } else sentences.push({ key: 'social.noData', generated: `Сведений о подписчиках официальных страниц ${forPeriod(p)} нет: показатели не внесены.` });
  void q;
  return { id: 'social', title: 'Официальные страницы в социальных сетях', figures: [total, growth, ...byPlatform], sentences, noData: !end };
}

export function votesSection(b: Build): Sec {
  const { cur, prev, p, q } = b;
  const v = cur.votes;
  const rows = () => (v ?? []).map((x) => ({ date: x.date, title: x.topic, detail: `${platforms[x.platform]} · ${n(x.participants)} участников${x.result ? ` · ${x.result}` : ''}`, link: { section: 'reports', id: `votes/${x.id}` } }));
  const count = fig('votes.count', 'Онлайн-голосований', v?.length ?? null, prev.votes?.length ?? null, { drill: rows });
  const people = (list: typeof v) => list?.reduce((s, x) => s + x.participants, 0) ?? null;
  const participants = fig('votes.participants', 'Участников онлайн-голосований', people(v), people(prev.votes), { unit: 'чел.', drill: rows });
  const sentences = [];
  if (v) {
    const topics = v.slice(0, 12).map((x) => `«${x.topic}» (${nf(x.participants, ['участник', 'участника', 'участников'])})`);
    sentences.push({
      key: 'votes',
      generated:
        `${inPeriod(p)} ${agree(v.length, 'проведено', 'проведено')} ${nf(v.length, ['онлайн-голосование', 'онлайн-голосования', 'онлайн-голосований'])}${was(count.previous, shortLabel(q))}, ` +
        `в ${v.length === 1 ? 'нём' : 'них'} ${agree(participants.value!, 'принял', 'приняли')} участие ${nf(participants.value!, PEOPLE)}: ${topics.join('; ')}${v.length > 12 ? ' и др.' : ''}.`,
    });
  } else sentences.push({ key: 'votes.noData', generated: `Сведений об онлайн-голосованиях ${forPeriod(p)} нет: показатели не внесены.` });
  return { id: 'votes', title: 'Онлайн-голосования', figures: [count, participants], sentences, noData: !v };
}

export function incidentsSection(b: Build): Sec {
  const { cur, prev, p, q } = b;
  const r = cur.incidents;
  const rows = () => (r ?? []).map((x) => ({ date: x.from, title: `${dmy(x.from)} — ${dmy(x.to)}`, detail: `поступило ${n(x.received)}, отвечено ${n(x.answered)}, в срок ${n(x.answeredOnTime)}${x.source ? ` · ${x.source}` : ''}`, link: { section: 'reports', id: `incidents/${x.id}` } }));
  const sum = (list: typeof r, k: 'received' | 'answered' | 'answeredOnTime') => list?.reduce((s, x) => s + x[k], 0) ?? null;
  const received = fig('incidents.received', 'Инцидентов поступило', sum(r, 'received'), sum(prev.incidents, 'received'), { drill: rows });
  const answered = fig('incidents.answered', 'из них отвечено', sum(r, 'answered'), sum(prev.incidents, 'answered'), { drill: rows });
  const onTime = fig('incidents.onTime', 'из них в установленный срок', sum(r, 'answeredOnTime'), sum(prev.incidents, 'answeredOnTime'), { drill: rows });
  const sentences = [];
  if (r) {
    const got = received.value!;
    sentences.push({
      key: 'incidents',
      generated:
        `${cap(forPeriod(p))} через систему «Инцидент-менеджмент» в администрацию ${agree(got, 'поступил', 'поступило')} ${nf(got, ['инцидент', 'инцидента', 'инцидентов'])}${was(received.previous, shortLabel(q))}, ` +
        `ответ дан на ${n(answered.value!)}, из них в установленный срок — ${n(onTime.value!)}.`,
    });
  } else sentences.push({ key: 'incidents.noData', generated: `Сведений об инцидентах ${forPeriod(p)} нет: показатели не внесены.` });
  return { id: 'incidents', title: 'Инцидент-менеджмент', figures: [received, answered, onTime], sentences, noData: !r };
}

