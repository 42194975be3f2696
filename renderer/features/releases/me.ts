/** «Я — …»: which staff member is working at this computer (remembered in localStorage; default the first). */
import { useSyncExternalStore } from 'react';

const KEY = 'press-desk-releases-me';
const listeners = new Set<() => void>();

export function getMe(): string {
  try {
    return localStorage.getItem(KEY) ?? '';
  } catch {
    return '';
  }
}

export function setMe(id: string): void {
  try {
    localStorage.setItem(KEY, id);
  } catch {
    /* private mode: remembered for this session only */
  }
  listeners.forEach((l) => l());
}

/** The chosen staff id if it is still in the list, else the first staff member's id (or undefined). */
export function useMe(staff: readonly { id: string }[]): string | undefined {
  const stored = useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    getMe,
  );
  return staff.some((s) => s.id === stored) ? stored : staff[0]?.id;
}
