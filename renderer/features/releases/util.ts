/** Small helpers of the releases screens: dates in the organisation's zone, options loaded once. */
import { useEffect, useState } from 'react';
import type { ReleaseOptions } from '../../../electron/backend/features/releases/types';
import { api } from '../../api';

/** ISO instant → «2026-05-12T10:00» wall clock in `timeZone` (for <input type="datetime-local">). */
export function toLocalInput(iso: string | null, timeZone: string): string {
  if (!iso) return '';
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return `${iso}T00:00`;
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** «12.05.2026 10:00» (or «12.05.2026» for a day) in the organisation's zone. */
export function formatWhen(iso: string | null | undefined, timeZone: string, withTime = true): string {
  if (!iso) return '';
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso.split('-').reverse().join('.');
  return new Intl.DateTimeFormat('ru-RU', {
    timeZone,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    ...(withTime ? { hour: '2-digit', minute: '2-digit' } : {}),
  }).format(new Date(iso));
}

/** Today as YYYY-MM-DD in `timeZone`. */
export function todayIn(timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

let cached: Promise<ReleaseOptions> | null = null;

/** releases.options, loaded once per screen visit (refresh: true re-reads tags after a save). */
export function useReleaseOptions(refresh = 0): ReleaseOptions | null {
  const [options, setOptions] = useState<ReleaseOptions | null>(null);
  useEffect(() => {
    if (!cached || refresh) cached = api.releases.options();
    let stale = false;
    cached.then((o) => !stale && setOptions(o)).catch(() => (cached = null));
    return () => {
      stale = true;
    };
  }, [refresh]);
  return options;
}

export const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));
