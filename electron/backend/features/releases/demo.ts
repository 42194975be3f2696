/**
 * A realistic year (or several) of releases for the demo town: announcements and post-releases of
 * the calendar's events, national-project news, warnings, statements and greetings; mostly published,
 * a few on approval or in draft for the coming days, a returned one, a withdrawn one, one edited after
 * publication; a few photos (PNGs drawn in code). Every release has its history and versions.
 */
import { randomUUID } from 'node:crypto';
import type { AppStore } from '../../collections.js';
import { seededRandom, type Random } from '../../demo/random.js';
import { formatDateLong } from '../../format.js';
import type { StaffMember } from '../settings/schema.js';
import { checklistOf } from './checklist.js';
import { eventKinds, greetings, people, photoCaptions, topics, town, weather, type Topic } from './demo-text.js';
import { scenePng } from './png.js';
import { photoPath, writePhoto } from './photos.js';
import { allEvents, findEvent } from './refs.js';
import { docFromParagraphs } from './render.js';
import { ReleaseContent, type HistoryEntry, type Photo, type Release, type ReleaseStatus, type ReleaseVersion, type VersionReason } from './schema.js';
import { boilerplate } from './templates.js';
import { isoInZone, toZonedIso } from './time.js';
import { hashContent } from './versions.js';

export interface ReleasesDemoOptions {
  years: number;
  now: Date;
  timeZone: string;
  staff: StaffMember[];
  organisation: { name: string; city: string; site: string; newspaper: string; timeZone: string };
  perYear?: number;
}

const DAY = 86_400_000;
const channelsByType: Record<Release['type'], Release['channels']> = {
  announcement: ['site', 'media', 'social'],
  postRelease: ['site', 'media', 'newspaper', 'social'],
  statement: ['site', 'newspaper'],
  news: ['site', 'social'],
  greeting: ['site', 'newspaper', 'social'],
  warning: ['site', 'social', 'media'],
};
const phones = ['+7 (38553) 2-11-70', '+7 (38553) 2-11-71'];

interface Plan {
  at: number;
  content: ReleaseContent;
  /** The first draft: shorter, without the quote. */
  draft: ReleaseContent;
}

const fill = (s: string, vars: Record<string, string>) => s.replace(/\{(\w+)\}/g, (_, k: string) => vars[k] ?? '');
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
/** «Лысенко Ольга Николаевна» → «Ольга Лысенко», as a release quotes people. */
const shortName = (full: string) => {
  const [surname, name] = full.split(' ');
  return name ? `${name} ${surname}` : full;
};
const decimal = (r: Random, a: number, b: number) => (a + r.next() * (b - a)).toFixed(1).replace('.', ',');

function varsFor(r: Random, at: number, tz: string): Record<string, string> {
  const year = Number(isoInZone(at, tz).slice(0, 4));
  const school = r.pick(town.schools);
  const place = r.pick(town.places);
  return {
    street: r.pick(town.streets),
    district: r.pick(town.districts),
    school: school.at,
    schoolName: school.name,
    place: place.at,
    placeName: place.name,
    yard: r.pick(town.yards),
    contractor: r.pick(town.contractors),
    km: decimal(r, 0.6, 4.8),
    n: String(r.int(3, 14)),
    n2: String(r.int(120, 420)),
    n3: String(r.int(200, 1500)),
    pct: String(r.int(40, 90)),
    sum: decimal(r, 2, 48),
    year: String(year),
    next: String(year + 1),
    date: formatDateLong(new Date(at + 2 * DAY), tz).replace(/ \d{4} г\.$/, ''),
    date2: formatDateLong(new Date(at + 16 * DAY), tz).replace(/ \d{4} г\.$/, ''),
    deadline: r.pick(['1 августа', '15 августа', '1 сентября', '1 октября']),
    weather: r.pick(weather),
  };
}

function contacts(staff: StaffMember[]): ReleaseContent['contacts'] {
  return staff.slice(0, 2).map((s, i) => ({ name: s.name, position: s.position, phone: phones[i] ?? '', email: 'press@aleysk.example.ru' }));
}

function topicPlan(r: Random, topic: Topic, at: number, o: ReleasesDemoOptions): Plan {
  const v = varsFor(r, at, o.timeZone);
  const body = [...topic.body].sort(() => r.next() - 0.5).slice(0, r.int(2, Math.min(4, topic.body.length))).map((p) => fill(p, v));
  const quote = r.pick(topic.quotes);
  const base = {
    type: topic.type,
    headline: fill(r.pick(topic.headlines), v),
    lead: fill(r.pick(topic.leads), v),
    nationalProject: topic.project,
    tags: topic.tags,
    place: cap(fill(topic.place ?? '', v)),
    eventAt: topic.type === 'announcement' ? isoInZone(at + 2 * DAY, o.timeZone).slice(0, 10) : null,
    plannedAt: isoInZone(at, o.timeZone),
    channels: channelsByType[topic.type],
    contacts: contacts(o.staff),
  };
  const closing = ['', boilerplate(o.organisation)];
  return {
    at,
    content: ReleaseContent.parse({ ...base, body: docFromParagraphs([...body, ...closing]), quotes: [{ text: quote.text, ...quote.who }] }),
    draft: ReleaseContent.parse({ ...base, body: docFromParagraphs([...body.slice(0, 1), ...closing]) }),
  };
}

function greetingPlan(g: (typeof greetings)[number], year: number, o: ReleasesDemoOptions): Plan {
  const at = Date.parse(toZonedIso(`${year}-${String(g.month).padStart(2, '0')}-${String(g.day).padStart(2, '0')}T08:00`, o.timeZone)) - (g.month === 1 ? DAY : 0);
  const text = [
    `Уважаемые ${g.whom}!`,
    `Сердечно поздравляю вас с ${g.occasion}!`,
    'Этот праздник объединяет всех нас — тех, кому дорог наш город, его история и его будущее. Благодарю вас за труд, за неравнодушие и за то, что вы делаете Алейск лучше.',
    'Желаю вам крепкого здоровья, благополучия, мира и добра вашим семьям!',
    `${people.head.position.replace(/^г/, 'Г')} ${people.head.speaker}`,
  ];
  const content = ReleaseContent.parse({
    type: 'greeting',
    headline: `Поздравление главы города с ${g.occasion}`,
    lead: `Глава города Алейска ${people.head.speaker} поздравляет жителей с ${g.occasion}.`,
    body: docFromParagraphs(text),
    tags: ['поздравление'],
    plannedAt: isoInZone(at, o.timeZone),
    channels: channelsByType.greeting,
    contacts: contacts(o.staff),
  });
  return { at, content, draft: content };
}

function eventPlans(store: AppStore, r: Random, o: ReleasesDemoOptions, from: number, to: number): Plan[] {
  const plans: Plan[] = [];
  const kinds = new Set(['press-conference', 'field-day', 'ceremony', 'opening', 'residents', 'session']);
  for (const e of allEvents(store)) {
    const start = Date.parse(e.start.length === 10 ? `${e.start}T10:00:00Z` : e.start);
    if (!kinds.has(e.kindId) || e.status === 'cancelled' || start < from || start > to) continue;
    const facts = findEvent(store, e.id, o.timeZone);
    if (!facts) continue;
    // What was said and done: the national project's topic, else one sharing a tag, else what such events are like.
    const byProject = topics.find((t) => t.project && t.project === facts.nationalProject);
    const topic = byProject ?? topics.find((t) => t.type !== 'warning' && t.tags.some((tag) => facts.tags.includes(tag)));
    const kind = eventKinds[e.kindId] ?? eventKinds['press-conference']!;
    const v = varsFor(r, start, o.timeZone);
    const who = facts.participants.map((p) => (p.position ? `${p.name}, ${p.position}` : p.name)).join('; ');
    const when = formatDateLong(new Date(start), o.timeZone).replace(/ \d{4} г\.$/, '');
    const time = facts.allDay ? '' : ` в ${isoInZone(start, o.timeZone).slice(11, 16)}`;
    const quoteBy = facts.participants[0];
    const quote = byProject ? r.pick(byProject.quotes).text : kind.quote;
    const what = facts.title.charAt(0).toLowerCase() + facts.title.slice(1);
    const common = {
      eventId: e.id,
      eventAt: facts.start,
      place: facts.place,
      nationalProject: facts.nationalProject,
      tags: facts.tags,
      contacts: contacts(o.staff),
    };
    const held = start < o.now.getTime() && e.status !== 'postponed';
    if (held) {
      const body = [
        `${cap(when)} — ${facts.title}. Место проведения: ${facts.place}.`,
        who ? `В мероприятии приняли участие ${who}.` : '',
        fill(kind.body, v),
        topic ? fill(r.pick(topic.body), v) : '',
        'Фотографии — на официальном сайте и в сообществе администрации города в ВКонтакте.',
        '',
        boilerplate(o.organisation),
      ];
      const at = start + r.int(3, 7) * 3_600_000;
      const content = ReleaseContent.parse({
        ...common,
        type: 'postRelease',
        headline: `${facts.title}: ${r.pick(['итоги', 'как это было', 'главное'])}`.slice(0, 200),
        lead: `${cap(when)} в Алейске прошло мероприятие: ${what}.${who ? ` Участники: ${facts.participants.map((p) => shortName(p.name)).join(', ')}.` : ''}`,
        body: docFromParagraphs(body.filter((p, i) => p || i === body.length - 2)),
        quotes: quoteBy ? [{ text: quote, speaker: shortName(quoteBy.name), position: quoteBy.position }] : [],
        plannedAt: isoInZone(at, o.timeZone),
        channels: channelsByType.postRelease,
      });
      plans.push({ at, content, draft: { ...content, quotes: [] } });
    }
    if (e.kindId !== 'session' && (r.next() < 0.6 || !held)) {
      const at = start - r.int(1, 3) * DAY;
      const body = [
        `${cap(when)}${time} состоится мероприятие: ${what}. Место: ${facts.place || 'уточняется'}.`,
        who ? `Примут участие ${who}.` : '',
        topic ? fill(r.pick(topic.body), v) : '',
        'Приглашаем представителей СМИ. Аккредитация — по телефонам, указанным ниже.',
        '',
        boilerplate(o.organisation),
      ];
      const content = ReleaseContent.parse({
        ...common,
        type: 'announcement',
        headline: `${cap(when)} — ${facts.title}`.slice(0, 200),
        lead: `${cap(when)}${time} — ${what}.${facts.place ? ` Место: ${facts.place}.` : ''}`,
        body: docFromParagraphs(body.filter((p, i) => p || i === body.length - 2)),
        plannedAt: isoInZone(Math.floor(at / 3_600_000) * 3_600_000, o.timeZone),
        channels: channelsByType.announcement,
      });
      plans.push({ at, content, draft: content });
    }
  }
  return plans;
}

/** Builds the stored release and its versions, walking the workflow up to `status`. */
function materialise(plan: Plan, status: ReleaseStatus, o: ReleasesDemoOptions, r: Random, extra: { returned?: boolean; needsRepublish?: boolean }): { release: Release; versions: ReleaseVersion[] } {
  const spec = o.staff.find((s) => s.role === 'specialist')?.id ?? o.staff[0]?.id ?? null;
  const head = o.staff.find((s) => s.role === 'head')?.id ?? spec;
  const end = Math.min(plan.at, o.now.getTime() - 60_000);
  const created = end - r.int(26, 72) * 3_600_000;
  const id = randomUUID();
  const versions: ReleaseVersion[] = [];
  const history: HistoryEntry[] = [];
  const comments: Release['comments'] = [];
  let current: ReleaseStatus = 'draft';
  const iso = (t: number) => new Date(t).toISOString();
  const version = (t: number, by: string | null, reason: VersionReason, content: ReleaseContent) => {
    versions.push({ id: randomUUID(), releaseId: id, number: versions.length + 1, at: iso(t), by, reason, note: '', status: current, hash: hashContent(content), content });
    return versions.length;
  };
  const step = (t: number, by: string | null, action: HistoryEntry['action'], to: ReleaseStatus, reason: VersionReason, content: ReleaseContent, more: Partial<HistoryEntry> = {}) => {
    const from = current;
    current = to;
    history.push({ at: iso(t), by, action, from, to, comment: '', version: version(t, by, reason, content), ...more });
  };
  history.push({ at: iso(created), by: spec, action: 'create', from: null, to: 'draft', comment: '', version: version(created, spec, 'create', plan.draft) });
  let content = plan.content;
  const span = Math.max(end - created, 4 * 3_600_000);
  const t = (k: number) => created + Math.round(span * k);
  const publications: Release['publications'] = [];
  let approvedVersion: number | null = null;
  let publishedVersion: number | null = null;
  let needsRepublish = false;
  if (status !== 'draft' || extra.returned) {
    step(t(0.2), spec, 'submit', 'review', 'submit', extra.returned ? plan.draft : content);
    if (extra.returned) {
      const text = r.pick(['Добавьте цитату и уточните сроки работ.', 'Нужна цитата главы и контактный телефон.', 'Лид длинный — сократите, пожалуйста, до двух предложений.']);
      step(t(0.35), head, 'return', 'draft', 'return', plan.draft, { comment: text });
      comments.push({ id: randomUUID(), at: iso(t(0.35)), by: head, text, kind: 'return' });
      if (status !== 'draft') step(t(0.5), spec, 'submit', 'review', 'submit', content);
    }
  }
  if (['approved', 'published', 'withdrawn'].includes(status)) {
    const check = checklistOf(content);
    const override = check.passed ? undefined : { reason: 'Фото передано в редакции отдельно, из фотобанка администрации.', failing: check.failing };
    step(t(0.7), head, 'approve', 'approved', 'approve', content, override ? { override } : {});
    approvedVersion = versions.length;
  }
  if (status === 'published' || status === 'withdrawn') {
    step(end, spec, 'publish', 'published', 'publish', content);
    publishedVersion = versions.length;
    publications.push({ at: iso(end), by: spec, channels: content.channels, version: publishedVersion, republish: false });
    if (extra.needsRepublish) {
      content = { ...content, lead: content.lead.replace(/\.$/, '') + ' (уточнено).' };
      history.push({ at: iso(end + 3_600_000), by: spec, action: 'editPublished', from: 'published', to: 'published', comment: '', version: version(end + 3_600_000, spec, 'editPublished', content) });
      needsRepublish = true;
    }
  }
  if (status === 'withdrawn') {
    const reason = 'Информация утратила актуальность: мероприятие перенесено.';
    step(end + 5 * 3_600_000, head, 'unpublish', 'withdrawn', 'unpublish', content, { comment: reason });
    comments.push({ id: randomUUID(), at: iso(end + 5 * 3_600_000), by: head, text: reason, kind: 'unpublish' });
  }
  if (status === 'draft') content = plan.draft;
  const last = versions[versions.length - 1]!;
  const release: Release = {
    ...content,
    id,
    createdAt: iso(created),
    updatedAt: last.at,
    status: current,
    revision: versions.length,
    needsRepublish,
    createdBy: spec,
    editedBy: spec,
    history,
    comments,
    publications,
    version: { number: last.number, at: last.at, hash: last.hash },
    approvedVersion,
    publishedVersion,
  };
  return { release, versions };
}

export async function generateReleasesDemo(store: AppStore, o: ReleasesDemoOptions): Promise<{ releases: number; releaseVersions: number; releasePhotos: number }> {
  const r = seededRandom(20260512);
  const now = o.now.getTime();
  const from = now - o.years * 365 * DAY;
  const until = now + 14 * DAY;
  const wanted = (o.perYear ?? 300) * o.years;
  const plans = eventPlans(store, r, o, from, until);
  for (let y = new Date(from).getUTCFullYear(); y <= new Date(until).getUTCFullYear(); y++)
    for (const g of greetings) {
      const plan = greetingPlan(g, y, o);
      if (plan.at >= from && plan.at <= until) plans.push(plan);
    }
  const weighted = topics.flatMap((t) => Array<Topic>(t.weight).fill(t));
  while (plans.length < wanted) {
    const at = from + r.next() * (until - from);
    const local = isoInZone(at, o.timeZone);
    const weekday = new Date(local.slice(0, 10) + 'T12:00:00Z').getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    const month = Number(local.slice(5, 7));
    const topic = r.pick(weighted);
    if (topic.months.length && !topic.months.includes(month)) continue;
    const hour = Date.parse(toZonedIso(`${local.slice(0, 10)}T${String(r.int(8, 17)).padStart(2, '0')}:${r.pick(['00', '15', '30', '45'])}`, o.timeZone));
    plans.push(topicPlan(r, topic, hour, o));
  }
  plans.sort((a, b) => a.at - b.at);

  const built = plans.map((plan, i) => {
    let status: ReleaseStatus = 'published';
    const extra: { returned?: boolean; needsRepublish?: boolean } = {};
    if (plan.at > now - DAY) status = plan.at > now + 7 * DAY ? r.pick(['draft', 'draft', 'review'] as const) : r.pick(['review', 'approved', 'approved', 'draft'] as const);
    else if (r.next() < 0.01) status = 'withdrawn';
    else if (r.next() < 0.01) status = 'draft';
    if (status === 'published' && plan.at > now - 30 * DAY && r.next() < 0.05) extra.needsRepublish = true;
    if ((status === 'review' || status === 'published') && r.next() < 0.06) extra.returned = true;
    if (i === plans.length - 1 && status !== 'review') status = 'review';
    return materialise(plan, status, o, r, extra);
  });

  // A few photos on the newest published news and post-releases, drawn in code.
  let photos = 0;
  const withPhoto = built.filter((b) => b.release.status === 'published' && ['news', 'postRelease'].includes(b.release.type)).slice(-photoCaptions.length);
  withPhoto.forEach((b, i) => {
    const photoId = randomUUID();
    const file = photoPath(b.release.id, photoId, 'image/png');
    const bytes = scenePng(640, 420, i * 5 + 3);
    writePhoto(store.dir, file, bytes);
    const photo: Photo = { id: photoId, file, mime: 'image/png', width: 640, height: 420, size: bytes.length, caption: b.release.headline.length <= 120 ? b.release.headline : photoCaptions[i]!, author: o.staff.find((s) => s.role === 'specialist')?.name ?? 'Пресс-служба', originalName: `foto-${i + 1}.png`, addedAt: b.release.createdAt, addedBy: b.release.createdBy };
    const photosNow = [...b.release.photos, photo];
    b.release = { ...b.release, photos: photosNow };
    for (const v of b.versions) if (v.number > 1) v.content = { ...v.content, photos: photosNow };
    for (const v of b.versions) v.hash = hashContent(v.content);
    b.release.version = { ...b.release.version, hash: b.versions[b.versions.length - 1]!.hash };
    photos++;
  });

  for (let i = 0; i < built.length; i += 400) {
    await store.mutate((tx) => {
      for (const b of built.slice(i, i + 400)) {
        tx.put('releases', b.release);
        for (const v of b.versions) tx.put('releaseVersions', v);
      }
    });
  }
  return { releases: built.length, releaseVersions: built.reduce((n, b) => n + b.versions.length, 0), releasePhotos: photos };
}
