/** Version history: the list of versions, a word-level diff of one against the current text, «Восстановить». */
import { useEffect, useState } from 'react';
import type { ReleaseDiff } from '../../../electron/backend/features/releases/types';
import type { VersionSummary } from '../../../electron/backend/features/releases/versions';
import type { ReleaseView } from '../../../electron/backend/features/releases/view';
import { api } from '../../api';
import { useConfirm } from '../../shell/dialog';
import { useToast } from '../../shell/toasts';
import type { Run } from './use-autosave';
import { errorText, formatWhen } from './util';

export function History(props: { id: string; me: string | undefined; timeZone: string; current: ReleaseView; run: Run; onRestored: (v: ReleaseView) => void }) {
  const { id, me, timeZone, current, run, onRestored } = props;
  const toast = useToast();
  const confirm = useConfirm();
  const [versions, setVersions] = useState<VersionSummary[] | null>(null);
  const [selected, setSelected] = useState<number | null>(null);
  const [diff, setDiff] = useState<ReleaseDiff | null>(null);
  const [error, setError] = useState('');

  useEffect(() => {
    api.releases
      .versions({ id })
      .then((list) => {
        const sorted = [...list].sort((a, b) => b.number - a.number);
        setVersions(sorted);
        setSelected((s) => s ?? sorted[1]?.number ?? sorted[0]?.number ?? null);
      })
      .catch((err) => setError(errorText(err)));
  }, [id, current.version.number]);

  useEffect(() => {
    if (selected === null) return;
    setDiff(null);
    api.releases
      .diff({ id, from: selected })
      .then(setDiff)
      .catch((err) => setError(errorText(err)));
  }, [id, selected, current.revision]);

  const restore = async (n: number) => {
    if (!me) return;
    const ok = await confirm({ title: 'Восстановить версию', message: `Вернуть текст версии ${n}? Текущий текст останется в истории.`, confirmLabel: 'Восстановить' });
    if (!ok) return;
    try {
      onRestored(await run(() => api.releases.restoreVersion({ id, number: n, by: me })));
      toast(`Восстановлена версия ${n}.`);
    } catch (err) {
      toast(errorText(err), { tone: 'error' });
    }
  };

  return (
    <div className="rl-history">
      <section className="rl-panel rl-versions" aria-label="Версии">
        <h2>Версии</h2>
        {error && <p className="error-summary">{error}</p>}
        <ul>
          {versions?.map((v) => (
            <li key={v.number}>
              <button type="button" className={`rl-version ${selected === v.number ? 'active' : ''}`} aria-pressed={selected === v.number} onClick={() => setSelected(v.number)}>
                <strong>Версия {v.number}</strong> <span className="muted">{formatWhen(v.at, timeZone)}</span>
                <div className="cell-sub">
                  {v.reasonLabel}
                  {v.byName && ` · ${v.byName}`} · {v.statusLabel} · {v.words} сл.
                  {v.approved && ' · согласованная'}
                  {v.published && ' · опубликованная'}
                </div>
                {v.note && <div className="cell-sub">«{v.note}»</div>}
              </button>
            </li>
          ))}
        </ul>
      </section>
      <section className="rl-panel rl-diff" aria-label="Изменения">
        {selected !== null && (
          <div className="rl-diff-head">
            <h2>
              Версия {selected} → текущий текст
            </h2>
            {diff && (
              <span className="muted">
                <span className="rl-ins">+{diff.added}</span> <span className="rl-del-count">−{diff.removed}</span> сл.
              </span>
            )}
            <button type="button" className="button" onClick={() => void restore(selected)}>
              Восстановить
            </button>
          </div>
        )}
        {!diff && selected !== null && <p className="muted">Загрузка…</p>}
        {diff && diff.texts.every((t) => !t.changed) && diff.meta.length === 0 && <p className="muted">Текст этой версии совпадает с текущим.</p>}
        {diff?.texts
          .filter((t) => t.changed)
          .map((t) => (
            <div key={t.field} className="rl-diff-field">
              <h3>{t.label}</h3>
              <div className="rl-diff-text">
                {t.parts.map((p, i) =>
                  p.added ? (
                    <ins key={i}>{p.value}</ins>
                  ) : p.removed ? (
                    <del key={i}>{p.value}</del>
                  ) : (
                    <span key={i}>{p.value}</span>
                  ),
                )}
              </div>
            </div>
          ))}
        {diff && diff.meta.length > 0 && (
          <table className="data-table rl-meta-diff">
            <thead>
              <tr>
                <th scope="col">Поле</th>
                <th scope="col">Было</th>
                <th scope="col">Стало</th>
              </tr>
            </thead>
            <tbody>
              {diff.meta.map((m) => (
                <tr key={m.field}>
                  <td>{m.label}</td>
                  <td>
                    <del>{m.before || '—'}</del>
                  </td>
                  <td>
                    <ins>{m.after || '—'}</ins>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
