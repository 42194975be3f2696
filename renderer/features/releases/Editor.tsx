/** One release: header with save state and export, the workflow bar, the text (left) and its facts, checklist and comments (right). */
import { useCallback, useEffect, useState } from 'react';
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
import { useAutosave, type SaveState } from './use-autosave';
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
  useEffect(() => {
    api.releases
      .get({ id })
      .then(setView)
      .catch((err) => setError(errorText(err)));
  }, [id]);
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
  return <Loaded initial={view} timeZone={timeZone} history={sub === 'history'} />;
}

function SaveBadge({ state, timeZone }: { state: SaveState; timeZone: string }) {
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

function Loaded({ initial, timeZone, history }: { initial: ReleaseView; timeZone: string; history: boolean }) {
  const toast = useToast();
  const options = useReleaseOptions();
  const staff = options?.staff ?? [];
  const me = useMe(staff);
  const [view, setView] = useState(initial);
  const [form, setForm] = useState<Form>(() => formOf(initial, timeZone));
  const [bodyKey, setBodyKey] = useState(0);
  const [exporting, setExporting] = useState(false);
  const id = initial.id;

  const autosave = useAutosave(id, me, initial.revision, (s) =>
    setView((v) => ({ ...v, revision: s.revision, status: s.status, statusLabel: s.statusLabel, needsRepublish: s.needsRepublish, counts: s.counts, checklist: s.checklist, updatedAt: s.savedAt })),
  );

  const set = <K extends keyof Form>(key: K, value: Form[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    autosave.change({ [key]: (key === 'eventAt' || key === 'plannedAt') && value === '' ? null : value });
  };

  /** A full view from a workflow step, a photo change or a restore. */
  const accept = useCallback(
    (v: ReleaseView, resetText = false) => {
      autosave.revision.current = v.revision;
      setView(v);
      if (resetText) {
        setForm(formOf(v, timeZone));
        setBodyKey((k) => k + 1);
      }
    },
    [autosave.revision, timeZone],
  );

  /** Linking goes straight to the backend (not the autosave queue): a refused link must not block the typing. */
  const link = async (patch: LinkPatch) => {
    await autosave.flush();
    try {
      await api.releases.saveDraft({ id, by: me, expectedRevision: autosave.revision.current, ...patch });
      accept(await api.releases.get({ id }));
    } catch (err) {
      toast(errorText(err), { tone: 'error' });
    }
  };

  useCommand('save', () => {
    void (async () => {
      await autosave.flush();
      try {
        const v = await api.releases.save({ id, by: me, expectedRevision: autosave.revision.current, note: '' });
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
      await autosave.flush();
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
        <SaveBadge state={autosave.state} timeZone={timeZone} />
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

      <WorkflowBar view={view} me={me} timeZone={timeZone} flush={autosave.flush} onDone={accept} />

      {history ? (
        <History id={id} me={me} timeZone={timeZone} current={view} onRestored={(v) => (accept(v, true), void navigate(`/releases/${id}`))} />
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
              <BodyEditor key={bodyKey} initial={view.body} onChange={(body) => autosave.change({ body })} />
              <div className="rl-counter muted">
                {view.counts.body.words} сл., {view.counts.body.chars} зн. · всего {view.counts.total.chars} зн.
              </div>
            </div>
            <QuotesEditor quotes={form.quotes} onChange={(q) => set('quotes', q)} />
            <Photos view={view} me={me} onChange={(v) => accept(v)} />
            <ContactsEditor contacts={form.contacts} onChange={(c) => set('contacts', c)} />
          </div>
          <aside className="rl-side">
            <ChecklistPanel checklist={view.checklist} />
            <ReleaseSitePanel
              releaseId={id}
              plannedLocal={form.plannedAt}
              timeZone={timeZone}
              flush={autosave.flush}
              approved={view.status === 'approved' || view.status === 'published'}
              onTextReplaced={() => void api.releases.get({ id }).then((v) => accept(v, true))}
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
            <Comments view={view} me={me} timeZone={timeZone} onDone={accept} />
          </aside>
        </div>
      )}
    </div>
  );
}
