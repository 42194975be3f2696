/** Photos: pick a file (→ base64 → releases.addPhoto) with its caption and author; edit them; reorder (the first is the main one); remove. */
import { useEffect, useRef, useState } from 'react';
import type { Photo } from '../../../electron/backend/features/releases/schema';
import type { ReleaseView } from '../../../electron/backend/features/releases/view';
import { api } from '../../api';
import { useConfirm } from '../../shell/dialog';
import { fileToBase64 } from '../../shell/save-export';
import { useToast } from '../../shell/toasts';
import type { Run } from './use-autosave';
import { errorText } from './util';

/** Photo changes go through the release's queue (`run`): after the text typed before them, never beside it. */
export function Photos({ view, me, run, onChange }: { view: ReleaseView; me: string | undefined; run: Run; onChange: (v: ReleaseView) => void }) {
  const toast = useToast();
  const fileRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [caption, setCaption] = useState('');
  const [author, setAuthor] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  const add = async () => {
    if (!file) return setError('Выберите файл фотографии.');
    setBusy(true);
    setError('');
    try {
      // Queued at the click (read inside the queue): closing the editor at once still finds it under way.
      const v = await run(async () => api.releases.addPhoto({ id: view.id, by: me, fileName: file.name, base64: await fileToBase64(file), caption, author }), { independent: true });
      onChange(v);
      setFile(null);
      setCaption('');
      setAuthor('');
      if (fileRef.current) fileRef.current.value = '';
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="rl-section" aria-label="Фотографии">
      <h2>Фотографии</h2>
      {view.photos.length > 0 && (
        <ul className="rl-photos">
          {view.photos.map((p, i) => (
            <PhotoRow key={p.id} releaseId={view.id} photo={p} index={i} count={view.photos.length} me={me} run={run} onChange={onChange} onError={(m) => toast(m, { tone: 'error' })} />
          ))}
        </ul>
      )}
      <div className="rl-photo-add" role="group" aria-label="Добавить фото">
        <div className="field">
          <label htmlFor="f-photo-file">Файл (JPEG, PNG, WebP, GIF, до 20 МБ)</label>
          <input id="f-photo-file" ref={fileRef} type="file" accept="image/jpeg,image/png,image/webp,image/gif" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </div>
        <div className="field">
          <label htmlFor="f-photo-caption">Подпись</label>
          <input type="text" id="f-photo-caption" value={caption} onChange={(e) => setCaption(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="f-photo-author">Автор фото</label>
          <input type="text" id="f-photo-author" value={author} onChange={(e) => setAuthor(e.target.value)} />
        </div>
        <button type="button" className="button" disabled={busy || !file} onClick={() => void add()}>
          {busy ? 'Загрузка…' : 'Добавить фото'}
        </button>
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

function PhotoRow(props: { releaseId: string; photo: Photo; index: number; count: number; me: string | undefined; run: Run; onChange: (v: ReleaseView) => void; onError: (m: string) => void }) {
  const { releaseId, photo, index, count, me, run, onChange, onError } = props;
  const independent = { independent: true };
  const row = useRef<HTMLLIElement>(null);
  const confirm = useConfirm();
  const [src, setSrc] = useState('');
  const [caption, setCaption] = useState(photo.caption);
  const [author, setAuthor] = useState(photo.author);
  useEffect(() => {
    let stale = false;
    api.releases
      .photo({ id: releaseId, photoId: photo.id })
      .then((f) => !stale && setSrc(`data:${f.mime};base64,${f.base64}`))
      .catch(() => {});
    return () => {
      stale = true;
    };
  }, [releaseId, photo.id]);
  const update = async (patch: { caption?: string; author?: string }) => {
    if ((patch.caption ?? photo.caption) === photo.caption && (patch.author ?? photo.author) === photo.author) return;
    try {
      onChange(await run(() => api.releases.updatePhoto({ id: releaseId, photoId: photo.id, by: me, ...patch }), independent));
    } catch (err) {
      onError(errorText(err));
    }
  };
  /** One place up or down; the focus follows the photo (onto the other button at either end). */
  const move = async (delta: -1 | 1) => {
    try {
      onChange(await run(() => api.releases.updatePhoto({ id: releaseId, photoId: photo.id, by: me, position: index + 1 + delta }), independent));
      window.setTimeout(() => {
        const buttons = [...(row.current?.querySelectorAll<HTMLButtonElement>('.rl-photo-move button') ?? [])];
        (buttons.find((b) => b.dataset.dir === String(delta) && !b.disabled) ?? buttons.find((b) => !b.disabled))?.focus();
      });
    } catch (err) {
      onError(errorText(err));
    }
  };
  const remove = async () => {
    if (!(await confirm({ title: 'Удалить фото', message: `Удалить фото № ${index + 1} из релиза?`, confirmLabel: 'Удалить', danger: true }))) return;
    try {
      onChange(await run(() => api.releases.removePhoto({ id: releaseId, photoId: photo.id, by: me }), independent));
    } catch (err) {
      onError(errorText(err));
    }
  };
  return (
    <li className="rl-photo" data-testid="rl-photo" ref={row}>
      <div className="rl-thumb">{src ? <img src={src} alt={photo.caption || `Фото № ${index + 1}`} /> : null}</div>
      <div className="rl-photo-fields">
        <div className="muted">
          № {index + 1}
          {index === 0 ? ' (главное)' : ''} · {photo.width}×{photo.height} · {photo.originalName}
        </div>
        <input type="text" aria-label={`Подпись к фото № ${index + 1}`} placeholder="Подпись" value={caption} onChange={(e) => setCaption(e.target.value)} onBlur={() => void update({ caption })} />
        <input type="text" aria-label={`Автор фото № ${index + 1}`} placeholder="Автор фото" value={author} onChange={(e) => setAuthor(e.target.value)} onBlur={() => void update({ author })} />
        {(!photo.caption || !photo.author) && <div className="field-error">Для согласования нужны подпись и автор.</div>}
      </div>
      {count > 1 && (
        <div className="rl-photo-move" role="group" aria-label={`Порядок фото № ${index + 1}`}>
          <button type="button" className="button button-small" data-dir="-1" disabled={index === 0} aria-label={`Фото № ${index + 1} выше`} title="Выше" onClick={() => void move(-1)}>
            ↑
          </button>
          <button type="button" className="button button-small" data-dir="1" disabled={index === count - 1} aria-label={`Фото № ${index + 1} ниже`} title="Ниже" onClick={() => void move(1)}>
            ↓
          </button>
        </div>
      )}
      <button type="button" className="button button-quiet" onClick={() => void remove()}>
        Удалить
      </button>
    </li>
  );
}
