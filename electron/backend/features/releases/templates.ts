/**
 * Templates per type of release, with the organisation's boilerplate from the settings, and
 * «Подготовить анонс» from a calendar event. Placeholders are in square brackets: the checklist
 * warns while any is left.
 */
import type { AppStore } from '../../collections.js';
import { formatDateLong } from '../../format.js';
import type { Settings } from '../settings/schema.js';
import type { BodyDoc } from './body.js';
import type { EventFacts } from './refs.js';
import { staffOf } from './refs.js';
import { docFromParagraphs } from './render.js';
import { releaseTypes, type MediaContact, type ReleaseChannel, type ReleaseContent, type ReleaseType } from './schema.js';
import { toZonedIso } from './time.js';

export interface ReleaseTemplate {
  type: ReleaseType;
  label: string;
  /** What a good headline of this type looks like (shown as the placeholder). */
  headlineHint: string;
  leadHint: string;
  body: BodyDoc;
  channels: ReleaseChannel[];
}

type Org = Settings['organisation'] | undefined;

/** «Пресс-служба …. Официальный сайт: …» — the closing paragraph of every release. */
export function boilerplate(org: Org): string {
  if (!org) return 'Пресс-служба [организация]. Официальный сайт: [адрес сайта].';
  const parts = [`Пресс-служба: ${org.name}.`];
  if (org.site) parts.push(`Официальный сайт: ${org.site}.`);
  if (org.newspaper) parts.push(`Официальное печатное издание — газета «${org.newspaper.replace(/^газета\s+/i, '').replace(/[«»]/g, '')}».`);
  return parts.join(' ');
}

const bodies: Record<ReleaseType, (city: string) => string[]> = {
  announcement: (city) => [
    `[Дата] в [время] в ${city} [где] состоится [мероприятие].`,
    'В мероприятии примут участие [кто].',
    '[Зачем: что обсудят, что откроют, что это даст жителям.]',
    'Приглашаем представителей СМИ. Аккредитация — по телефонам, указанным ниже, до [дата].',
  ],
  postRelease: (city) => [
    `[Дата] в ${city} [где] состоялось [мероприятие].`,
    '[Главный итог: что решили, что открыли, сколько людей пришло.]',
    '[Подробности и цифры.]',
    '[Что будет дальше.]',
  ],
  statement: () => ['[Суть сообщения: что произошло или что решено.]', '[Основание: нормативный акт, решение, дата.]', '[Что нужно знать жителям и куда обращаться.]'],
  news: (city) => [`[Что произошло в ${city}.]`, '[Подробности: кто, где, когда, сколько.]', '[Что это даст жителям.]'],
  greeting: () => ['Уважаемые [кого поздравляем]!', '[Текст поздравления.]', 'С праздником!', '[Должность, ФИО]'],
  warning: (city) => [
    `[Что ожидается в ${city}: погода, отключение, перекрытие] [когда].`,
    '[Что делать жителям.]',
    'Телефоны экстренных служб: 112 (единый номер), ЕДДС города — [телефон].',
  ],
};

const hints: Record<ReleaseType, { headline: string; lead: string; channels: ReleaseChannel[] }> = {
  announcement: { headline: 'В Алейске пройдёт …', lead: 'Что, где, когда и для кого — в одном-двух предложениях.', channels: ['site', 'media', 'social'] },
  postRelease: { headline: 'В Алейске открыли …', lead: 'Главное о том, что произошло, и результат.', channels: ['site', 'media', 'newspaper', 'social'] },
  statement: { headline: 'Официально: …', lead: 'Суть сообщения и основание.', channels: ['site', 'newspaper'] },
  news: { headline: 'В Алейске …', lead: 'Что произошло и что это значит для жителей.', channels: ['site', 'social'] },
  greeting: { headline: 'Поздравление главы города с …', lead: 'Кого и с чем поздравляют.', channels: ['site', 'newspaper', 'social'] },
  warning: { headline: 'Внимание: …', lead: 'Что, когда и что делать.', channels: ['site', 'social', 'media'] },
};

export function templatesFor(settings: Settings | null | undefined): ReleaseTemplate[] {
  const org = settings?.organisation;
  const city = org?.city ?? '[город]';
  return (Object.keys(releaseTypes) as ReleaseType[]).map((type) => ({
    type,
    label: releaseTypes[type],
    headlineHint: hints[type].headline.replace('Алейске', city === 'Алейск' ? 'Алейске' : `г. ${city}`),
    leadHint: hints[type].lead,
    body: docFromParagraphs([...bodies[type](`г. ${city}`), '', boilerplate(org)]),
    channels: hints[type].channels,
  }));
}

/**
 * Contacts for media by default: the department's staff, with the phone and e-mail they last gave
 * in a release (the settings keep only names and positions).
 */
export function defaultContacts(store: AppStore): MediaContact[] {
  const known = new Map<string, MediaContact>();
  const recent = store.all('releases').sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)).slice(0, 200);
  for (const r of recent) for (const c of r.contacts) if (c.name && !known.has(c.name) && (c.phone || c.email)) known.set(c.name, c);
  return staffOf(store).map((s) => ({ name: s.name, position: s.position, phone: known.get(s.name)?.phone ?? '', email: known.get(s.name)?.email ?? '' }));
}

const participantsText = (e: EventFacts) => e.participants.map((p) => (p.position ? `${p.name}, ${p.position}` : p.name)).join('; ');

/** «Подготовить анонс» (or a post-release): date, place, participants and the project from the event. */
export function contentFromEvent(e: EventFacts, type: ReleaseType, org: Org, tz: string): Partial<ReleaseContent> {
  const day = e.start.slice(0, 10);
  const when = e.allDay ? formatDateLong(`${day}T12:00:00Z`, 'UTC') : `${formatDateLong(e.start, tz)} в ${e.start.slice(11, 16)}`;
  const city = org?.city ? `г. ${org.city}` : '';
  const where = e.place || '[где]';
  const people = participantsText(e);
  const past = type === 'postRelease';
  const paragraphs = [
    past ? `${when} ${where ? `(${where}) ` : ''}состоялось мероприятие «${e.title}».` : `${when} ${city ? `в ${city}, ` : ''}${where}, состоится мероприятие «${e.title}».`,
    people ? `${past ? 'В мероприятии приняли участие' : 'В мероприятии примут участие'}: ${people}.` : `${past ? 'В мероприятии приняли участие' : 'В мероприятии примут участие'} [кто].`,
    past ? '[Главный итог и подробности.]' : '[Что обсудят, что это даст жителям.]',
    ...(past ? [] : ['Приглашаем представителей СМИ. Аккредитация — по телефонам, указанным ниже.']),
    '',
    boilerplate(org),
  ];
  // An announcement goes out the day before at 10:00; a post-release on the day, at 17:00.
  const prevDay = new Date(Date.parse(`${day}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  const plannedAt = toZonedIso(past ? `${day}T17:00` : `${prevDay}T10:00`, tz);
  return {
    type,
    headline: e.title,
    lead: past ? '' : `${when} ${where ? `— ${where}: ` : ''}${e.title}.`.replace(/\.\.$/, '.'),
    body: docFromParagraphs(paragraphs),
    eventId: e.id,
    eventAt: e.allDay ? day : e.start,
    place: e.place,
    nationalProject: e.nationalProject,
    tags: e.tags,
    plannedAt,
  };
}
