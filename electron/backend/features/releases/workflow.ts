/**
 * The approval workflow, as pure functions from a release to the next one (the handlers write).
 *
 *   черновик ─submit→ на согласовании ─approve→ согласовано ─publish→ опубликовано ─unpublish→ снято
 *      ↑                    │  ↑                     │  │                    │                    │
 *      └──────return────────┘  └──edited (reopen)────┘  └──return──→ draft   └─edited: needsRepublish, publish again
 *   снято ─submit→ на согласовании
 *
 * Every step records who and when (history), keeps its comment, and makes a version.
 */
import { randomUUID } from 'node:crypto';
import { AppError, fieldError } from '../../errors.js';
import { checklistOf } from './checklist.js';
import {
  releaseStatuses,
  type Comment,
  type HistoryAction,
  type HistoryEntry,
  type Release,
  type ReleaseChannel,
  type ReleaseContent,
  type ReleaseStatus,
  type ReleaseVersion,
  type VersionReason,
} from './schema.js';
import { AUTOSAVE_VERSION_MINUTES, contentOf, hashContent, makeVersion } from './versions.js';

export interface StepResult {
  release: Release;
  versions: ReleaseVersion[];
}

type Who = { by: string | null; at: string };

const entry = (action: HistoryAction, from: ReleaseStatus | null, to: ReleaseStatus, who: Who, extra: Partial<HistoryEntry> = {}): HistoryEntry => ({
  at: who.at,
  by: who.by,
  action,
  from,
  to,
  comment: '',
  version: null,
  ...extra,
});

const comment = (text: string, kind: Comment['kind'], who: Who): Comment => ({ id: randomUUID(), at: who.at, by: who.by, text, kind });

/** Adds a version and ties the last history entry to it. */
function withVersion(r: Release, reason: VersionReason, who: Who, note = ''): StepResult {
  const made = makeVersion(r, reason, { by: who.by, at: who.at, note });
  const history = [...made.release.history];
  const last = history[history.length - 1];
  if (last && last.at === who.at && last.version === null) history[history.length - 1] = { ...last, version: made.version.number };
  return { release: { ...made.release, history }, versions: [made.version] };
}

export type EditMode = 'autosave' | 'save' | 'photo' | 'restore';

/**
 * An edit of the content. An approved release goes back to approval; a published one stays
 * published, marked «нужно переопубликовать», with a new version. Autosaves make at most one
 * version per AUTOSAVE_VERSION_MINUTES; explicit saves one whenever the content differs from the last.
 */
export function applyEdit(current: Release, patch: Partial<ReleaseContent>, who: Who, mode: EditMode, note = ''): StepResult & { changed: boolean } {
  const before = contentOf(current);
  const after = contentOf({ ...current, ...patch });
  const changed = JSON.stringify(before) !== JSON.stringify(after);
  if (!changed && mode !== 'save' && mode !== 'restore') return { release: current, versions: [], changed };

  let r: Release = { ...current, ...after };
  let reason: VersionReason | null = null;
  if (changed) {
    r = { ...r, revision: current.revision + 1, updatedAt: who.at, editedBy: who.by ?? current.editedBy };
    if (current.status === 'approved') {
      r = { ...r, status: 'review', history: [...r.history, entry('reopen', 'approved', 'review', who)] };
      reason = 'reopen';
    } else if (current.status === 'published' && !current.needsRepublish) {
      r = { ...r, needsRepublish: true, history: [...r.history, entry('editPublished', 'published', 'published', who)] };
      reason = 'editPublished';
    }
  }
  const differsFromLast = hashContent(after) !== current.version.hash;
  if (mode === 'restore') {
    r = { ...r, history: [...r.history, entry('restore', current.status, r.status, who, { comment: note })] };
    reason = 'restore';
  } else if (!reason && differsFromLast) {
    const minutes = (Date.parse(who.at) - Date.parse(current.version.at)) / 60_000;
    if (mode !== 'autosave' || minutes >= AUTOSAVE_VERSION_MINUTES) reason = mode;
  }
  if (!reason) return { release: r, versions: [], changed };
  return { ...withVersion(r, reason, who, note), changed };
}

// ---- steps -------------------------------------------------------------------------------

export type StepName = 'submit' | 'approve' | 'return' | 'publish' | 'unpublish';

const verbs: Record<StepName, string> = {
  submit: 'отправить на согласование',
  approve: 'согласовать',
  return: 'вернуть на доработку',
  publish: 'опубликовать',
  unpublish: 'снять с публикации',
};
const allowedFrom: Record<StepName, ReleaseStatus[]> = {
  submit: ['draft', 'withdrawn'],
  approve: ['review'],
  return: ['review', 'approved'],
  publish: ['approved', 'published'],
  unpublish: ['published'],
};
const whatCan: Record<StepName, string> = {
  submit: 'Отправить на согласование можно черновик или снятый с публикации релиз.',
  approve: 'Согласовать можно только релиз, отправленный на согласование.',
  return: 'Вернуть на доработку можно релиз на согласовании или согласованный.',
  publish: 'Опубликовать можно только согласованный релиз (или опубликованный, изменённый после публикации).',
  unpublish: 'Снять с публикации можно только опубликованный релиз.',
};

function refuse(step: StepName, r: Release, extra = ''): AppError {
  return new AppError('conflict', `Нельзя ${verbs[step]}: релиз сейчас в статусе «${releaseStatuses[r.status]}». ${extra || whatCan[step]}`);
}

const commentKinds: Record<StepName, Comment['kind']> = { submit: 'submit', approve: 'approve', return: 'return', publish: 'comment', unpublish: 'unpublish' };

export interface StepOptions extends Who {
  comment?: string;
  overrideReason?: string;
  channels?: ReleaseChannel[];
}

export function applyStep(current: Release, step: StepName, o: StepOptions): StepResult {
  if (!allowedFrom[step].includes(current.status)) throw refuse(step, current);
  const who = { by: o.by, at: o.at };
  const notes = o.comment ? [comment(o.comment, commentKinds[step], who)] : [];
  let r: Release = { ...current, updatedAt: o.at, comments: [...current.comments, ...notes] };
  const go = (action: HistoryAction, to: ReleaseStatus, extra: Partial<HistoryEntry> = {}) => {
    r = { ...r, status: to, history: [...r.history, entry(action, current.status, to, who, { comment: o.comment ?? '', ...extra })] };
  };

  switch (step) {
    case 'submit': {
      if (!current.headline) throw fieldError('headline', 'Заголовок', 'нельзя отправить на согласование релиз без заголовка');
      go('submit', 'review');
      return withVersion(r, 'submit', who);
    }
    case 'approve': {
      const check = checklistOf(contentOf(current));
      if (check.photoProblems.length)
        throw fieldError('photos', 'Фотографии', `${check.photoProblems.join('; ')}. Подпись и автор каждого фото обязательны перед согласованием`);
      let override: HistoryEntry['override'];
      if (!check.passed) {
        if (!o.overrideReason)
          throw fieldError(
            'overrideReason',
            'Причина согласования с невыполненным чек-листом',
            `не выполнены пункты чек-листа: ${check.failing.join(', ')}. Согласовать можно, только указав причину`,
          );
        override = { reason: o.overrideReason, failing: check.failing };
        r = { ...r, comments: [...r.comments, comment(`Согласовано без пунктов чек-листа (${check.failing.join(', ')}): ${o.overrideReason}`, 'override', who)] };
      }
      go('approve', 'approved', override ? { override } : {});
      const done = withVersion(r, 'approve', who);
      return { ...done, release: { ...done.release, approvedVersion: done.release.version.number } };
    }
    case 'return':
      go('return', 'draft');
      return withVersion(r, 'return', who);
    case 'publish': {
      const republish = current.status === 'published';
      if (republish && !current.needsRepublish) throw refuse('publish', current, 'Релиз уже опубликован и после публикации не менялся.');
      go(republish ? 'republish' : 'publish', 'published');
      const done = withVersion({ ...r, needsRepublish: false }, 'publish', who);
      const number = done.release.version.number;
      const publication = { at: o.at, by: o.by, channels: o.channels ?? current.channels, version: number, republish };
      return { ...done, release: { ...done.release, publishedVersion: number, publications: [...done.release.publications, publication] } };
    }
    case 'unpublish': {
      r = { ...r, needsRepublish: false };
      go('unpublish', 'withdrawn');
      return withVersion(r, 'unpublish', who);
    }
  }
}

export function addComment(current: Release, text: string, who: Who): Release {
  return { ...current, updatedAt: who.at, comments: [...current.comments, comment(text, 'comment', who)] };
}
