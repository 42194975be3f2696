/**
 * Настройки → Сайт → Рубрики: each release tag and national project → the site's categories
 * (several allowed). The categories come from the site («Обновить рубрики с сайта»).
 */
import { useEffect, useState } from 'react';
import type { MappingView } from '../../../electron/backend/features/sync/api-types';
import { call } from '../../api';
import { useToast } from '../../shell/toasts';
import { errorText } from './labels';

type Row = { key: string; categoryIds: number[] };
type Category = { id: number; name: string };

function CategoryPicker({ label, value, categories, onChange }: { label: string; value: number[]; categories: Category[]; onChange: (ids: number[]) => void }) {
  const name = (id: number) => categories.find((c) => c.id === id)?.name ?? `рубрика №${id} (нет на сайте)`;
  const free = categories.filter((c) => !value.includes(c.id));
  return (
    <div className="sync-picker">
      {value.map((id) => (
        <span key={id} className="sync-chip">
          {name(id)}
          <button type="button" aria-label={`Убрать рубрику «${name(id)}» у «${label}»`} onClick={() => onChange(value.filter((x) => x !== id))}>
            ×
          </button>
        </span>
      ))}
      {free.length > 0 && (
        <select
          aria-label={`Добавить рубрику для «${label}»`}
          value=""
          onChange={(e) => {
            const id = Number(e.target.value);
            if (id) onChange([...value, id]);
          }}
        >
          <option value="">{value.length ? '+ ещё рубрика…' : 'выберите рубрику…'}</option>
          {free.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      )}
    </div>
  );
}

function Rows({ title, rows, categories, onChange, empty }: { title: string; rows: Row[]; categories: Category[]; onChange: (rows: Row[]) => void; empty: string }) {
  return (
    <fieldset className="form-section sync-map-group">
      <legend>{title}</legend>
      {rows.length === 0 && <p className="muted">{empty}</p>}
      {rows.map((r, i) => (
        <div key={r.key} className="sync-map-row">
          <span className="sync-map-key">{r.key}</span>
          <span aria-hidden="true" className="muted">
            →
          </span>
          <CategoryPicker label={r.key} value={r.categoryIds} categories={categories} onChange={(ids) => onChange(rows.map((x, j) => (j === i ? { ...x, categoryIds: ids } : x)))} />
        </div>
      ))}
    </fieldset>
  );
}

/** Mapped rows first, then the tags and projects in use that have no categories yet. */
const toRows = (m: MappingView) => ({
  tags: [...m.tags.map((t) => ({ key: t.tag, categoryIds: t.categoryIds })), ...m.unmappedTags.map((key) => ({ key, categoryIds: [] }))],
  projects: [...m.nationalProjects.map((p) => ({ key: p.name, categoryIds: p.categoryIds })), ...m.unmappedProjects.map((key) => ({ key, categoryIds: [] }))],
});

export function SiteMapping({ configured, onDirty }: { configured: boolean; onDirty: (dirty: boolean) => void }) {
  const toast = useToast();
  const [mapping, setMapping] = useState<MappingView | null>(null);
  const [rows, setRows] = useState<{ tags: Row[]; projects: Row[] }>({ tags: [], projects: [] });
  const [saved, setSaved] = useState('');
  const [busy, setBusy] = useState<'' | 'save' | 'refresh'>('');
  const [error, setError] = useState('');
  const dirty = !!mapping && JSON.stringify(rows) !== saved;
  useEffect(() => onDirty(dirty), [dirty]);

  const accept = (m: MappingView) => {
    const r = toRows(m);
    setMapping(m);
    setRows(r);
    setSaved(JSON.stringify(r));
  };
  useEffect(() => {
    call('sync.mapping.get', {})
      .then(accept)
      .catch((err) => setError(errorText(err)));
  }, []);

  const run = async (what: typeof busy, job: () => Promise<MappingView>, done: string) => {
    setBusy(what);
    try {
      const m = await job();
      if (what === 'refresh' && dirty) {
        // Keep the unsaved choices; only the list of the site's categories is new.
        setMapping(m);
      } else accept(m);
      setError('');
      toast(done);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy('');
    }
  };
  const save = () =>
    run(
      'save',
      () =>
        call('sync.mapping.save', {
          tags: rows.tags.filter((r) => r.categoryIds.length).map((r) => ({ tag: r.key, categoryIds: r.categoryIds })),
          nationalProjects: rows.projects.filter((r) => r.categoryIds.length).map((r) => ({ name: r.key, categoryIds: r.categoryIds })),
        }),
      'Рубрики сохранены.',
    );
  const refresh = () => run('refresh', () => call('sync.mapping.refresh', {}), 'Рубрики сайта обновлены.');

  const categories = mapping?.siteCategories ?? [];
  return (
    <section className="panel" aria-labelledby="site-map-title">
      <h2 id="site-map-title">Рубрики на сайте</h2>
      <p className="muted sync-intro">Публикация получает рубрики сайта по тегам релиза и его национальному проекту.</p>
      {error && (
        <p className="error-summary" role="alert">
          {error}
        </p>
      )}
      {!mapping ? (
        !error && <p className="muted">Загрузка…</p>
      ) : (
        <>
          {categories.length === 0 && (
            <p className="sync-note" data-testid="no-categories">
              {configured ? 'Рубрики сайта ещё не загружены — нажмите «Обновить рубрики с сайта».' : 'Сначала подключите сайт: рубрики загружаются с него.'}
            </p>
          )}
          <div className="sync-map-groups">
            <Rows title="Теги релизов" rows={rows.tags} categories={categories} onChange={(tags) => setRows((r) => ({ ...r, tags }))} empty="Тегов пока нет: они появятся, когда у релизов будут теги." />
            <Rows
              title="Национальные проекты"
              rows={rows.projects}
              categories={categories}
              onChange={(projects) => setRows((r) => ({ ...r, projects }))}
              empty="Национальных проектов пока нет в релизах."
            />
          </div>
        </>
      )}
      <div className="form-actions">
        <button type="button" className="button button-primary" disabled={!!busy || !dirty} onClick={() => void save()}>
          {busy === 'save' ? 'Сохранение…' : 'Сохранить рубрики'}
        </button>
        <button type="button" className="button" disabled={!!busy || !configured} onClick={() => void refresh()}>
          {busy === 'refresh' ? 'Загрузка…' : 'Обновить рубрики с сайта'}
        </button>
        {dirty && <span className="dirty-note">Есть несохранённые изменения</span>}
      </div>
    </section>
  );
}
