import { randomUUID } from 'node:crypto';
import type { ExportResult } from '../../api.js';
import type { AppStore } from '../../collections.js';
import type { Ctx, HandlerTable } from '../../context.js';
import { AppError, fieldError, notFound } from '../../errors.js';
import { checklistOf, countsOf, TARGETS } from './checklist.js';
import { buildBatchDocx, buildReleaseDocx } from './docx.js';
import type { ContentPatch } from './inputs.js';
import { discardPhoto, inspectPhoto, photoPath, readPhoto, writePhoto } from './photos.js';
import { checkDirectLineLink, checkEventLink, findEvent, hasEvents, requireStaff, staffName, staffOf } from './refs.js';
import { nationalProjects, releaseChannels, ReleaseContent, releaseStatuses, releaseTypes, versionReasons, type Photo, type Release, type ReleaseVersion } from './schema.js';
import { contentFromEvent, defaultContacts, templatesFor } from './templates.js';
import { isDay, orgTimeZone, toZonedIso } from './time.js';
import type { DraftSaved, PhotoFile, ReleaseDiff, ReleaseOptions, VersionDetail } from './types.js';
import { board, bodyTextOf, dateOf, dayOf, listReleases, toView, type ReleaseView } from './view.js';
import { AUTOSAVE_VERSION_MINUTES, contentOf, diffContent, makeVersion, versionSummary } from './versions.js';
import { addComment, applyEdit, applyStep, type EditMode, type StepName, type StepResult } from './workflow.js';

const who = (ctx: Ctx, by: string | null) => ({ by, at: ctx.now().toISOString() });

function mustGet(store: Pick<AppStore, 'get'>, id: string): Release {
  const r = store.get('releases', id);
  if (!r) throw notFound('Релиз не найден');
  return r;
}

export function versionsOf(store: AppStore, releaseId: string): ReleaseVersion[] {
  return store
    .all('releaseVersions')
    .filter((v) => v.releaseId === releaseId)
    .sort((a, b) => b.number - a.number);
}

function versionOf(store: AppStore, releaseId: string, number: number, field = 'number'): ReleaseVersion {
  const v = store.all('releaseVersions').find((x) => x.releaseId === releaseId && x.number === number);
  if (!v) throw fieldError(field, 'Номер версии', `у релиза нет версии № ${number}`);
  return v;
}

/** The fields the input names (left out = unchanged), with date-times in the organisation's zone. */
function patchOf(input: ContentPatch, tz: string): Partial<ReleaseContent> {
  const patch: Partial<ReleaseContent> = {};
  for (const [k, v] of Object.entries(input)) if (v !== undefined && k in ReleaseContent.shape) (patch as Record<string, unknown>)[k] = v;
  if (input.plannedAt) patch.plannedAt = toZonedIso(input.plannedAt, tz);
  if (input.eventAt) patch.eventAt = isDay(input.eventAt) ? input.eventAt : toZonedIso(input.eventAt, tz);
  return patch;
}

async function write(ctx: Ctx, id: string, fn: (r: Release) => StepResult): Promise<ReleaseView> {
  const saved = await ctx.store.mutate((tx) => {
    const result = fn(mustGet(tx, id));
    const release = tx.put('releases', result.release);
    for (const v of result.versions) tx.put('releaseVersions', v);
    return release;
  });
  return toView(ctx.store, saved, orgTimeZone(ctx));
}

/** A new release: version 1 and the «создан» step. */
async function createRelease(ctx: Ctx, content: ReleaseContent, by: string | null): Promise<ReleaseView> {
  const at = ctx.now().toISOString();
  const draft: Release = {
    ...content,
    id: randomUUID(),
    createdAt: at,
    updatedAt: at,
    status: 'draft',
    revision: 0,
    needsRepublish: false,
    createdBy: by,
    editedBy: by,
    history: [{ at, by, action: 'create', from: null, to: 'draft', comment: '', version: 1 }],
    comments: [],
    publications: [],
    version: { number: 0, at, hash: '' },
    approvedVersion: null,
    publishedVersion: null,
  };
  const { release, version } = makeVersion(draft, 'create', { by, at });
  const saved = await ctx.store.mutate((tx) => {
    tx.put('releaseVersions', version);
    return tx.put('releases', release);
  });
  return toView(ctx.store, saved, orgTimeZone(ctx));
}

async function edit(ctx: Ctx, input: ContentPatch & { id: string; by?: string; expectedRevision?: number }, mode: EditMode, note = '') {
  const by = requireStaff(ctx, input.by);
  const patch = patchOf(input, orgTimeZone(ctx));
  if (patch.eventId !== undefined) checkEventLink(ctx.store, patch.eventId);
  if (patch.directLineId !== undefined) checkDirectLineLink(ctx.store, patch.directLineId);
  const w = who(ctx, by);
  type Outcome = { conflict: number; current: Release } | { release: Release; created: boolean };
  const outcome = await ctx.store.mutate((tx): Outcome => {
    const current = mustGet(tx, input.id);
    if (input.expectedRevision !== undefined && input.expectedRevision !== current.revision) {
      // Another window changed it since this editor loaded it: keep this text as a version, change nothing else.
      const { version } = makeVersion(current, 'conflict', { by, at: w.at, content: { ...contentOf(current), ...patch }, note: `ревизия ${input.expectedRevision}` });
      tx.put('releaseVersions', version);
      tx.put('releases', { ...current, version: { ...current.version, number: version.number, at: w.at } });
      return { conflict: version.number, current };
    }
    const result = applyEdit(current, patch, w, mode, note);
    if (!result.changed && result.versions.length === 0) return { release: current, created: false };
    const release = tx.put('releases', result.release);
    for (const v of result.versions) tx.put('releaseVersions', v);
    return { release, created: result.versions.length > 0 };
  });
  if ('conflict' in outcome)
    throw new AppError(
      'conflict',
      `Релиз изменён в другом окне (сейчас ревизия ${outcome.current.revision}, у вас — ${input.expectedRevision}). Ваш текст не потерян: он сохранён в истории как версия № ${outcome.conflict}. Откройте релиз заново и при необходимости восстановите эту версию.`,
    );
  return outcome;
}

const step = (name: StepName) => async (input: { id: string; by: string; comment?: string; overrideReason?: string }, ctx: Ctx) => {
  const by = requireStaff(ctx, input.by);
  return write(ctx, input.id, (r) => applyStep(r, name, { ...who(ctx, by), comment: input.comment, overrideReason: input.overrideReason }));
};

export const releaseHandlers: HandlerTable<
  | 'releases.options'
  | 'releases.list'
  | 'releases.board'
  | 'releases.get'
  | 'releases.templates'
  | 'releases.create'
  | 'releases.fromEvent'
  | 'releases.saveDraft'
  | 'releases.save'
  | 'releases.submit'
  | 'releases.approve'
  | 'releases.returnForRework'
  | 'releases.publish'
  | 'releases.unpublish'
  | 'releases.comment'
  | 'releases.versions'
  | 'releases.version'
  | 'releases.diff'
  | 'releases.restoreVersion'
  | 'releases.addPhoto'
  | 'releases.updatePhoto'
  | 'releases.removePhoto'
  | 'releases.photo'
  | 'releases.exportDocx'
  | 'releases.exportBatch'
> = {
  'releases.options': (_input, { store }): ReleaseOptions => {
    const tagCounts = new Map<string, number>();
    for (const r of store.all('releases')) for (const t of r.tags) tagCounts.set(t, (tagCounts.get(t) ?? 0) + 1);
    const pairs = <T extends Record<string, string>>(o: T) => Object.entries(o).map(([value, label]) => ({ value, label }));
    return {
      types: pairs(releaseTypes),
      statuses: pairs(releaseStatuses),
      channels: pairs(releaseChannels),
      nationalProjects: [...new Set([...nationalProjects, ...store.all('releases').map((r) => r.nationalProject).filter(Boolean)])],
      tags: [...tagCounts].map(([tag, count]) => ({ tag, count })).sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag, 'ru')),
      staff: staffOf(store).map(({ id, name, position }) => ({ id, name, position })),
      targets: TARGETS,
      autosaveVersionMinutes: AUTOSAVE_VERSION_MINUTES,
      calendar: hasEvents(store),
    };
  },

  'releases.list': (query, ctx) => listReleases(ctx.store, query, orgTimeZone(ctx)),

  'releases.board': (query, ctx) => board(ctx.store, query, orgTimeZone(ctx)),

  'releases.get': ({ id }, ctx) => toView(ctx.store, mustGet(ctx.store, id), orgTimeZone(ctx)),

  'releases.templates': (_input, { store }) => templatesFor(store.get('settings', 'settings')),

  'releases.create': async ({ type, by, headline, template, eventId }, ctx) => {
    const author = requireStaff(ctx, by);
    checkEventLink(ctx.store, eventId);
    const tpl = template ? templatesFor(ctx.store.get('settings', 'settings')).find((t) => t.type === type) : undefined;
    const content = ReleaseContent.parse({ type, headline, body: tpl?.body, channels: tpl?.channels ?? [], contacts: defaultContacts(ctx.store), eventId });
    return createRelease(ctx, content, author);
  },

  'releases.fromEvent': async ({ eventId, type, by }, ctx) => {
    const author = requireStaff(ctx, by);
    if (!hasEvents(ctx.store)) throw new AppError('not_found', 'Календарь мероприятий в этой папке данных не ведётся: подготовить анонс не из чего.');
    const tz = orgTimeZone(ctx);
    const event = findEvent(ctx.store, eventId, tz);
    if (!event) throw notFound('Мероприятие не найдено в календаре');
    const settings = ctx.store.get('settings', 'settings');
    const tpl = templatesFor(settings).find((t) => t.type === type)!;
    const content = ReleaseContent.parse({ channels: tpl.channels, contacts: defaultContacts(ctx.store), ...contentFromEvent(event, type, settings?.organisation, tz) });
    return createRelease(ctx, content, author);
  },

  'releases.saveDraft': async (input, ctx): Promise<DraftSaved> => {
    const { release, created } = await edit(ctx, input, 'autosave');
    const text = bodyTextOf(release);
    return {
      id: release.id,
      revision: release.revision,
      status: release.status,
      statusLabel: releaseStatuses[release.status],
      needsRepublish: release.needsRepublish,
      savedAt: release.updatedAt,
      version: release.version.number,
      versionCreated: created,
      counts: countsOf(release, text),
      checklist: checklistOf(release, text),
    };
  },

  'releases.save': async ({ note, ...input }, ctx) => {
    const { release } = await edit(ctx, input, 'save', note);
    return toView(ctx.store, release, orgTimeZone(ctx));
  },

  'releases.submit': step('submit'),
  'releases.approve': step('approve'),
  'releases.returnForRework': step('return'),

  'releases.publish': async ({ id, by, at, channels }, ctx) => {
    const author = requireStaff(ctx, by);
    const when = at ? new Date(toZonedIso(at, orgTimeZone(ctx))).toISOString() : ctx.now().toISOString();
    return write(ctx, id, (r) => applyStep(r, 'publish', { by: author, at: when, channels }));
  },

  'releases.unpublish': async ({ id, by, reason }, ctx) => {
    const author = requireStaff(ctx, by);
    return write(ctx, id, (r) => applyStep(r, 'unpublish', { ...who(ctx, author), comment: reason }));
  },

  'releases.comment': async ({ id, by, text }, ctx) => {
    const author = requireStaff(ctx, by);
    return write(ctx, id, (r) => ({ release: addComment(r, text, who(ctx, author)), versions: [] }));
  },

  'releases.versions': ({ id }, { store }) => {
    const release = mustGet(store, id);
    return versionsOf(store, id).map((v) => versionSummary(v, release, (by) => staffName(store, by)));
  },

  'releases.version': ({ id, number }, { store }): VersionDetail => {
    mustGet(store, id);
    const v = versionOf(store, id, number);
    return { ...v, byName: staffName(store, v.by), reasonLabel: versionReasons[v.reason], counts: countsOf(v.content) };
  },

  'releases.diff': ({ id, from, to }, ctx): ReleaseDiff => {
    const release = mustGet(ctx.store, id);
    const name = (by: string | null) => staffName(ctx.store, by);
    const a = versionOf(ctx.store, id, from, 'from');
    const b = to === undefined ? null : versionOf(ctx.store, id, to, 'to');
    const { texts, meta } = diffContent(a.content, b ? b.content : contentOf(release), orgTimeZone(ctx));
    return {
      from: versionSummary(a, release, name),
      to: b ? versionSummary(b, release, name) : null,
      texts,
      meta,
      added: texts.reduce((n, t) => n + t.added, 0),
      removed: texts.reduce((n, t) => n + t.removed, 0),
    };
  },

  'releases.restoreVersion': async ({ id, number, by }, ctx) => {
    const author = requireStaff(ctx, by);
    mustGet(ctx.store, id);
    const v = versionOf(ctx.store, id, number);
    return write(ctx, id, (r) => applyEdit(r, v.content, who(ctx, author), 'restore', `восстановлена версия № ${number}`));
  },

  'releases.addPhoto': async ({ id, by, fileName, base64, caption, author }, ctx) => {
    const addedBy = requireStaff(ctx, by);
    const current = mustGet(ctx.store, id);
    if (current.photos.length >= 30) throw fieldError('photos', 'Фотографии', 'у релиза уже 30 фотографий — больше нельзя');
    const info = inspectPhoto(base64);
    const photoId = randomUUID();
    const file = photoPath(id, photoId, info.mime);
    const w = who(ctx, addedBy);
    const photo: Photo = { id: photoId, file, mime: info.mime, width: info.width, height: info.height, size: info.bytes.length, caption, author, originalName: fileName, addedAt: w.at, addedBy };
    writePhoto(ctx.dataDir, file, info.bytes);
    try {
      return await write(ctx, id, (r) => applyEdit(r, { photos: [...r.photos, photo] }, w, 'photo', `добавлено фото «${fileName || 'без имени'}»`));
    } catch (err) {
      discardPhoto(ctx.dataDir, file);
      throw err;
    }
  },

  'releases.updatePhoto': async ({ id, photoId, by, caption, author, position }, ctx) => {
    const editor = requireStaff(ctx, by);
    return write(ctx, id, (r) => {
      const i = r.photos.findIndex((p) => p.id === photoId);
      if (i < 0) throw notFound('Фотография не найдена');
      const photos = [...r.photos];
      const [photo] = photos.splice(i, 1);
      const next = { ...photo!, ...(caption !== undefined ? { caption } : {}), ...(author !== undefined ? { author } : {}) };
      photos.splice(position !== undefined ? Math.min(position - 1, photos.length) : i, 0, next);
      return applyEdit(r, { photos }, who(ctx, editor), 'autosave');
    });
  },

  'releases.removePhoto': async ({ id, photoId, by }, ctx) => {
    const editor = requireStaff(ctx, by);
    // The file stays: earlier versions show it and a restore brings it back.
    return write(ctx, id, (r) => {
      const photo = r.photos.find((p) => p.id === photoId);
      if (!photo) throw notFound('Фотография не найдена');
      return applyEdit(r, { photos: r.photos.filter((p) => p.id !== photoId) }, who(ctx, editor), 'photo', `удалено фото «${photo.originalName || photo.caption}»`);
    });
  },

  'releases.photo': ({ id, photoId }, ctx): PhotoFile => {
    const release = mustGet(ctx.store, id);
    const photo = release.photos.find((p) => p.id === photoId) ?? versionsOf(ctx.store, id).flatMap((v) => v.content.photos).find((p) => p.id === photoId);
    if (!photo) throw notFound('Фотография не найдена');
    const bytes = readPhoto(ctx.dataDir, photo);
    return { kind: 'file', name: photo.originalName || photo.file.split('/').pop()!, mime: photo.mime, base64: bytes.toString('base64'), width: photo.width, height: photo.height };
  },

  'releases.exportDocx': async ({ id }, ctx): Promise<ExportResult> => {
    const release = mustGet(ctx.store, id);
    return buildReleaseDocx(release, { store: ctx.store, dataDir: ctx.dataDir, tz: orgTimeZone(ctx), now: ctx.now() });
  },

  'releases.exportBatch': async ({ from, to, statuses, types, withPhotos }, ctx): Promise<ExportResult> => {
    const tz = orgTimeZone(ctx);
    const releases = ctx.store
      .all('releases')
      .filter((r) => (!statuses.length || statuses.includes(r.status)) && (!types.length || types.includes(r.type)))
      .filter((r) => {
        const day = dayOf(r, tz);
        return day >= from && day <= to;
      })
      .sort((a, b) => Date.parse(dateOf(a)) - Date.parse(dateOf(b)));
    return buildBatchDocx(releases, { from, to, withPhotos }, { store: ctx.store, dataDir: ctx.dataDir, tz, now: ctx.now() });
  },
};
