/** One release: header with save state and export, the workflow bar, the text (left) and its facts, checklist and comments (right). */
import { useCallback, useEffect, useRef, useState, type MutableRefObject } from 'react';
import type { DraftSaved } from '../../../electron/backend/features/releases/types';
import type { SaveQueue } from '../../shell/save-queue';
import type { ReleaseView } from '../../../electron/backend/features/releases/view';
import type { MediaContact, Quote, ReleaseChannel, ReleaseType } from '../../../electron/backend/features/releases/schema';
import { api } from '../../api';
import { useAppState } from '../../shell/app-state';
import { useCommand } from '../../shell/commands';
import { navigate } from '../../shell/router';
import { saveExport } from '../../shell/save-export';
import { formatTime } from '../../shell/time';
import { useToast } from '../../shell/toasts';
import { ReleaseSitePanel } from '../sync/ReleaseSitePanel';
import { BodyEditor } from './BodyEditor';
import { ChecklistPanel, Comments } from './Side';
import { ContactsEditor, Counter, QuotesEditor, TagsEditor } from './Fields';
import { requestNewRelease } from './Header';
import { History } from './History';
import { Links, type LinkPatch } from './Links';
import { MeSelect } from './MeSelect';
import { useMe } from './me';
import { Photos } from './Photos';
import { useReleaseQueue, type Run, type SaveState } from './use-autosave';
import { errorText, toLocalInput, useReleaseOptions } from './util';
import { WorkflowBar } from './Workflow';

interface Form {
  type: ReleaseType;
  headline: string;
  lead: string;
  quotes: Quote[];
  contacts: MediaContact[];
  tags: string[];
  nationalProject: string;
  eventAt: string;
  place: string;
  plannedAt: string;
  channels: ReleaseChannel[];
}

const formOf = (v: ReleaseView, tz: string): Form => ({
  type: v.type,
  headline: v.headline,
  lead: v.lead,
  quotes: v.quotes,
  contacts: v.contacts,
  tags: v.tags,
  nationalProject: v.nationalProject,
  eventAt: toLocalInput(v.eventAt, tz),
  place: v.place,
  plannedAt: toLocalInput(v.plannedAt, tz),
  channels: v.channels,
});

export function Editor({ id, sub }: { id: string; sub?: string }) {
  const { timeZone } = useAppState();
  const [view, setView] = useState<ReleaseView | null>(null);
  const [error, setError] = useState('');
  const me = useMe(useReleaseOptions()?.staff ?? []);
  const saved = useRef<(s: DraftSaved) => void>(undefined);
  const { queue, state } = useReleaseQueue(id, me, timeZone, (s) => saved.current?.(s));
  // Read through the queue: a save still under way from the last visit lands first.
  useEffect(() => {
    let stale = false;
    setView(null);
    queue
      .run(() => api.releases.get({ id }), { independent: true, read: true })
      .then((v) => !stale && setView(v))
      .catch((err) => !stale && setError(errorText(err)));
    return () => {
      stale = true;
    };
  }, [id, queue]);
  useCommand('close', () => void navigate('/releases'));
  useCommand('new', () => {
    requestNewRelease();
    void navigate('/releases');
  });
  if (error)
    return (
      <div className="page">
        <p className="error-summary" role="alert">
          {error}
        </p>
        <a href="#/releases">← К релизам</a>
      </div>
    );
  if (!view) return <div className="page muted">Загрузка…</div>;
  return <Loaded key={id} initial={view} queue={queue} state={state} saved={saved} timeZone={timeZone} history={sub === 'history'} />;
}

function SaveBadge({ state, timeZone, queue }: { state: SaveState; timeZone: string; queue: SaveQueue<ReleaseView> }) {
  if (state.kind === 'conflict')
    return (
      <span className="rl-save rl-save-error" role="alert" data-testid="rl-save">
        Не сохранено: {state.message}.{' '}
        <button type="button" className="button button-small" onClick={() => void queue.resolve('mine').catch(() => undefined)}>
          Оставить мой вариант
        </button>{' '}
        <button type="button" className="button button-small" onClick={() => void queue.resolve('theirs').catch(() => undefined)}>
          Взять сохранённый
        </button>
      </span>
    );
  const text =
    state.kind === 'pending' || state.kind === 'saving'
      ? 'Сохранение…'
      : state.kind === 'saved'
        ? `Сохранено ${formatTime(state.at, timeZone)}`
        : state.kind === 'error'
          ? `Не сохранено: ${state.message}`
          : 'Изменений нет';
  return (
    <span className={`rl-save rl-save-${state.kind}`} role="status" data-testid="rl-save">
      {text}
    </span>
  );
}

/** The form as stored, with what is still waiting in the queue (a save refused on the last visit) on top. */
function formWithPending(v: ReleaseView, tz: string, pending: Record<string, unknown>): Form {
  const form = formOf(v, tz);
  for (const [k, value] of Object.entries(pending)) if (k in form) (form as unknown as Record<string, unknown>)[k] = value ?? '';
  return form;
}

interface LoadedProps {
  initial: ReleaseView;
  queue: SaveQueue<ReleaseView>;
  state: SaveState;
  saved: MutableRefObject<((s: DraftSaved) => void) | undefined>;
  timeZone: string;
  history: boolean;
}

function Loaded({ initial, queue, state, saved, timeZone, history }: LoadedProps) {
  const toast = useToast();
  const options = useReleaseOptions();
  const staff = options?.staff ?? [];
  const me = useMe(staff);
  const [view, setView] = useState(initial);
  const [form, setForm] = useState<Form>(() => formWithPending(initial, timeZone, queue.pendingPatch()));
  const [body] = useState(() => (queue.pendingPatch().body as ReleaseView['body'] | undefined) ?? initial.body);
  const [bodyKey, setBodyKey] = useState(0);
  const [exporting, setExporting] = useState(false);
  const id = initial.id;

  saved.current = (s) =>
    setView((v) => ({ ...v, revision: s.revision, status: s.status, statusLabel: s.statusLabel, needsRepublish: s.needsRepublish, counts: s.counts, checklist: s.checklist, updatedAt: s.savedAt }));

  const set = <K extends keyof Form>(key: K, value: Form[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    queue.change({ [key]: (key === 'eventAt' || key === 'plannedAt') && value === '' ? null : value });
  };

  /** A full view from a workflow step, a photo change or a restore. */
  const accept = useCallback(
    (v: ReleaseView, resetText = false) => {
      setView(v);
      if (resetText) {
        setForm(formOf(v, timeZone));
        setBodyKey((k) => k + 1);
      }
    },
    [timeZone],
  );

  // A merge or «взять сохранённый» brought the stored record: show its fields, except those still ours.
  useEffect(
    () =>
      queue.onRemote((v, keep) => {
        setView(v);
        setForm((f) => ({ ...formOf(v, timeZone), ...Object.fromEntries(Object.entries(f).filter(([k]) => keep.includes(k))) }));
        if (!keep.includes('body')) setBodyKey((k) => k + 1);
      }),
    [queue, timeZone],
  );

  /** Every change of the record goes through its queue, after the text typed before it. */
  const run: Run = useCallback((op, opts) => queue.run(op, opts), [queue]);
  const flush = useCallback(() => queue.flush(), [queue]);

  const link = async (patch: LinkPatch) => {
    try {
      accept(await run(async (revision) => (await api.releases.saveDraft({ id, by: me, expectedRevision: revision, ...patch }), api.releases.get({ id }))));
    } catch (err) {
      toast(errorText(err), { tone: 'error' });
    }
  };

  useCommand('save', () => {
    void (async () => {
      try {
        const v = await run((revision) => api.releases.save({ id, by: me, expectedRevision: revision, note: '' }));
        accept(v);
        toast(`Сохранена версия ${v.version.number}.`);
      } catch (err) {
        toast(errorText(err), { tone: 'error' });
      }
    })();
  });

  const exportDocx = async () => {
    setExporting(true);
    try {
      await flush();
      toast(saveExport(await api.releases.exportDocx({ id })));
    } catch (err) {
      toast(errorText(err), { tone: 'error' });
    } finally {
      setExporting(false);
    }
  };

  const targets = options?.targets ?? { headlineChars: 100, leadChars: 300 };
  return (
    <div className="page rl-editor">
      <header className="page-header rl-editor-head">
        <a href="#/releases" className="rl-back">
          ← Релизы
        </a>
        <h1 className="rl-editor-title">{form.headline || 'Новый релиз'}</h1>
        <span className={`rl-status rl-status-${view.status}`} data-testid="rl-status">
          {view.statusLabel}
        </span>
        {view.needsRepublish && <span className="badge rl-badge-warn">нужно переопубликовать</span>}
        <SaveBadge state={state} timeZone={timeZone} queue={queue} />
        <div className="page-actions">
          {options && <MeSelect staff={options.staff} />}
          <a className="button" href={history ? `#/releases/${id}` : `#/releases/${id}/history`}>
            {history ? 'К тексту' : 'История версий'}
          </a>
          <button type="button" className="button" disabled={exporting} onClick={() => void exportDocx()}>
            {exporting ? 'Экспорт…' : 'Экспорт в Word'}
          </button>
        </div>
      </header>

      <WorkflowBar view={view} me={me} timeZone={timeZone} run={run} onDone={accept} />

      {history ? (
        <History id={id} me={me} timeZone={timeZone} current={view} run={run} onRestored={(v) => (accept(v, true), void navigate(`/releases/${id}`))} />
      ) : (
        <div className="rl-columns">
          <div className="rl-main">
            <div className="field">
              <label htmlFor="f-headline">Заголовок</label>
              <input type="text" id="f-headline" value={form.headline} onChange={(e) => set('headline', e.target.value)} placeholder="Что произошло — коротко, до 100 знаков" />
              <Counter value={form.headline} target={targets.headlineChars} label="для сайта" />
            </div>
            <div className="field">
              <label htmlFor="f-lead">Лид</label>
              <textarea id="f-lead" rows={3} value={form.lead} onChange={(e) => set('lead', e.target.value)} placeholder="Что, где, когда — до 300 знаков" />
              <Counter value={form.lead} target={targets.leadChars} />
            </div>
            <div className="field">
              <span className="rl-label" id="rl-body-label">
                Текст
              </span>
              <BodyEditor key={bodyKey} initial={bodyKey ? view.body : body} onChange={(b) => queue.change({ body: b })} />
              <div className="rl-counter muted">
                {view.counts.body.words} сл., {view.counts.body.chars} зн. · всего {view.counts.total.chars} зн.
              </div>
            </div>
            <QuotesEditor quotes={form.quotes} onChange={(q) => set('quotes', q)} />
            <Photos view={view} me={me} run={run} onChange={(v) => accept(v)} />
            <ContactsEditor contacts={form.contacts} onChange={(c) => set('contacts', c)} />
          </div>
          <aside className="rl-side">
            <ChecklistPanel checklist={view.checklist} />
            <ReleaseSitePanel
              releaseId={id}
              plannedLocal={form.plannedAt}
              timeZone={timeZone}
              flush={flush}
              approved={view.status === 'approved' || view.status === 'published'}
              onTextReplaced={() => void run(() => api.releases.get({ id }), { independent: true }).then((v) => accept(v, true))}
            />
            <section className="rl-panel" aria-label="Публикация">
              <h2>Публикация</h2>
              <div className="field">
                <label htmlFor="f-type">Вид</label>
                <select id="f-type" value={form.type} onChange={(e) => set('type', e.target.value as ReleaseType)}>
                  {options?.types.map((t) => (
                    <option key={t.value} value={t.value}>
                      {t.label}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor="f-plannedAt">Планируемая публикация</label>
                <input id="f-plannedAt" type="datetime-local" value={form.plannedAt} onChange={(e) => set('plannedAt', e.target.value)} />
              </div>
              <fieldset className="rl-channels">
                <legend>Каналы</legend>
                {options?.channels.map((c) => (
                  <label key={c.value}>
                    <input
                      type="checkbox"
                      checked={form.channels.includes(c.value as ReleaseChannel)}
                      onChange={(e) => set('channels', e.target.checked ? [...form.channels, c.value as ReleaseChannel] : form.channels.filter((x) => x !== c.value))}
                    />
                    {c.label}
                  </label>
                ))}
              </fieldset>
              <div className="field">
                <label htmlFor="f-eventAt">Дата события</label>
                <input id="f-eventAt" type="datetime-local" value={form.eventAt} onChange={(e) => set('eventAt', e.target.value)} />
              </div>
              <div className="field">
                <label htmlFor="f-place">Место</label>
                <input type="text" id="f-place" value={form.place} onChange={(e) => set('place', e.target.value)} />
              </div>
              <TagsEditor tags={form.tags} suggestions={options?.tags.map((t) => t.tag) ?? []} onChange={(t) => set('tags', t)} />
              <div className="field">
                <label htmlFor="f-nationalProject">Национальный проект</label>
                <input type="text" id="f-nationalProject" list="rl-projects" value={form.nationalProject} onChange={(e) => set('nationalProject', e.target.value)} />
                <datalist id="rl-projects">
                  {options?.nationalProjects.map((p) => <option key={p} value={p} />)}
                </datalist>
              </div>
            </section>
            <Links view={view} timeZone={timeZone} onLink={link} />
            <Comments view={view} me={me} timeZone={timeZone} run={run} onDone={accept} />
          </aside>
        </div>
      )}
    </div>
  );
}
