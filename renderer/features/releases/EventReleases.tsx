/**
 * On the calendar's event card: the releases that link this event (or this occurrence of a series), and
 * «Подготовить анонс» / «Подготовить пост-релиз», which draft one from the event and open it.
 */
import { useEffect, useState } from 'react';
import type { ReleaseSummary } from '../../../electron/backend/features/releases/view';
import type { ReleaseType } from '../../../electron/backend/features/releases/schema';
import { api } from '../../api';
import { navigate } from '../../shell/router';
import { useToast } from '../../shell/toasts';
import { useMe } from './me';
import { errorText, useReleaseOptions } from './util';
import './releases.css';

type Linked = Pick<ReleaseSummary, 'id' | 'headline' | 'typeLabel' | 'statusLabel' | 'eventId'>;

/** `uid`: an event id, or «<eventId>/<occurrence>» for one occurrence of a series; `series`: the series as a whole. */
export function EventReleases({ uid, series = false }: { uid: string; series?: boolean }) {
  const toast = useToast();
  const options = useReleaseOptions();
  const me = useMe(options?.staff ?? []);
  const [list, setList] = useState<Linked[] | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let stale = false;
    // The filter matches the whole series; an occurrence shows only its own releases.
    api.releases
      .list({ eventId: uid, sort: 'created', direction: 'asc', limit: 100 })
      .then((r) => !stale && setList(r.items.filter((x) => !uid.includes('/') || x.eventId === uid)))
      .catch(() => !stale && setList([]));
    return () => {
      stale = true;
    };
  }, [uid]);

  const prepare = async (type: ReleaseType) => {
    setBusy(true);
    try {
      const r = await api.releases.fromEvent({ eventId: uid, type, by: me });
      setList((l) => [...(l ?? []), r]);
      // The card may have unsaved edits: then the leave guard asks, and the release stays listed here.
      await navigate(`/releases/${r.id}`);
    } catch (err) {
      toast(errorText(err), { tone: 'error' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="rl-event-releases" aria-label="Пресс-релизы мероприятия" data-testid="event-releases">
      <h3>Пресс-релизы</h3>
      {list && list.length > 0 ? (
        <ul>
          {list.map((r) => (
            <li key={r.id}>
              <a href={`#/releases/${encodeURIComponent(r.id)}`}>{r.headline || 'Без заголовка'}</a>{' '}
              <span className="cell-sub">
                {r.typeLabel} · {r.statusLabel}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="cell-sub">{list ? 'Релизов об этом мероприятии пока нет.' : 'Загрузка…'}</p>
      )}
      {series ? (
        <p className="cell-sub">Анонс и пост-релиз готовятся к конкретному повторению: откройте его в календаре.</p>
      ) : (
        <div className="rl-event-actions">
          <button type="button" className="button button-small" disabled={busy} onClick={() => void prepare('announcement')}>
            Подготовить анонс
          </button>
          <button type="button" className="button button-small" disabled={busy} onClick={() => void prepare('postRelease')}>
            Подготовить пост-релиз
          </button>
        </div>
      )}
    </section>
  );
}
