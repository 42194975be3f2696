/**
 * Hash routing: #/outlets, #/outlets/ID, #/settings, and a place inside a record after its id
 * (#/direct-lines/ID/live, #/direct-lines/ID/question/QID). The URL keeps the place across reloads.
 * renderer/api.ts reads (and clears) the one-time #token=… before this module ever looks at the hash.
 */
import { useSyncExternalStore } from 'react';
import { sectionIds, type SectionId } from './sections';

export interface Route {
  section: SectionId;
  id?: string;
  /** What follows the id, segments joined by «/» (the feature reads it: "live", "question/QID"). */
  sub?: string;
}

/** Сводка is the start screen (after the welcome form on the first start). */
export const DEFAULT_PATH = '/summary';

export function parseHash(hash: string): Route {
  const [section, id, ...rest] = hash.replace(/^#\/?/, '').split('/').map((p) => decodeURIComponent(p));
  if (!section || !sectionIds.includes(section as SectionId)) return parseHash(`#${DEFAULT_PATH}`);
  if (!id) return { section: section as SectionId };
  const sub = rest.filter(Boolean).join('/');
  return sub ? { section: section as SectionId, id, sub } : { section: section as SectionId, id };
}

export function pathOf(route: Route): string {
  const sub = route.id && route.sub ? `/${route.sub.split('/').map(encodeURIComponent).join('/')}` : '';
  return `/${route.section}${route.id ? `/${encodeURIComponent(route.id)}` : ''}${sub}`;
}

let current: Route = parseHash(window.location.hash);
let started = false;
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((l) => l());

/** A card with unsaved changes registers this; it answers whether leaving is all right. */
type LeaveGuard = () => Promise<boolean>;
let guard: LeaveGuard | null = null;
let asking = false;

export function setLeaveGuard(next: LeaveGuard | null): void {
  guard = next;
}

async function mayLeave(): Promise<boolean> {
  if (!guard) return true;
  if (asking) return false;
  asking = true;
  try {
    return await guard();
  } finally {
    asking = false;
  }
}

function write(route: Route, replace: boolean): void {
  const url = `${window.location.pathname}${window.location.search}#${pathOf(route)}`;
  if (replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  current = route;
  emit();
}

/** Goes to a path like "/outlets/ID"; asks the leave guard first. Resolves false if the user stayed. */
export async function navigate(path: string, opts: { replace?: boolean; force?: boolean } = {}): Promise<boolean> {
  const next = parseHash(`#${path}`);
  if (pathOf(next) === pathOf(current)) return true;
  if (!opts.force && !(await mayLeave())) return false;
  write(next, !!opts.replace);
  return true;
}

/** Starts listening to the address bar (back/forward, typed hashes). Call once, after the API client has loaded. */
export function startRouter(): void {
  if (started) return;
  started = true;
  current = parseHash(window.location.hash);
  history.replaceState(null, '', `${window.location.pathname}${window.location.search}#${pathOf(current)}`);
  window.addEventListener('hashchange', async () => {
    const next = parseHash(window.location.hash);
    if (pathOf(next) === pathOf(current)) return;
    const previous = current;
    if (await mayLeave()) {
      current = next;
      emit();
    } else {
      history.replaceState(null, '', `${window.location.pathname}${window.location.search}#${pathOf(previous)}`);
    }
  });
  // Ask before a reload or close loses unsaved edits (in Electron the main process turns this
  // into a «Закрыть без сохранения?» dialog: 'will-prevent-unload').
  window.addEventListener('beforeunload', (e) => {
    if (guard) e.preventDefault();
  });
  emit();
}

export function useRoute(): Route {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => current,
  );
}
