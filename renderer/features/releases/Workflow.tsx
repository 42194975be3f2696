/** The workflow bar: the steps available in this status, and who did each step and when. */
import { useState } from 'react';
import type { ReleaseView } from '../../../electron/backend/features/releases/view';
import { api } from '../../api';
import { useToast } from '../../shell/toasts';
import { PromptDialog, type PromptRequest } from './Prompt';
import type { Run } from './use-autosave';
import { errorText, formatWhen } from './util';

type Ask = Omit<PromptRequest, 'resolve'>;
type Step = () => Promise<ReleaseView>;

const shownSteps = ['create', 'submit', 'return', 'approve', 'publish', 'unpublish'] as const;

export function WorkflowBar(props: { view: ReleaseView; me: string | undefined; timeZone: string; run: Run; onDone: (v: ReleaseView) => void }) {
  const { view, me, timeZone, run, onDone } = props;
  const toast = useToast();
  const [prompt, setPrompt] = useState<PromptRequest | null>(null);
  const [busy, setBusy] = useState(false);
  const ask = (r: Ask) => new Promise<string | null>((resolve) => setPrompt({ ...r, resolve }));

  /** Questions first (outside the queue, so typing saved meanwhile is not held up), then the step, after the pending text. */
  const go = async (prepare: () => Promise<Step | null> | Step, done: string) => {
    if (!me) return toast('Выберите себя в поле «Я —» (сотрудники — в «Настройках»).', { tone: 'error' });
    setBusy(true);
    try {
      const step = await prepare();
      if (step) {
        onDone(await run(step));
        toast(done);
      }
    } catch (err) {
      toast(errorText(err), { tone: 'error' });
    } finally {
      setBusy(false);
    }
  };
  const id = view.id;
  const by = me!;

  const submit = () => go(() => () => api.releases.submit({ id, by, comment: '' }), 'Отправлено на согласование.');
  const approve = () =>
    go(async () => {
      let overrideReason = '';
      if (!view.checklist.passed) {
        const reason = await ask({
          title: 'Согласовать с невыполненным чек-листом?',
          message: <p>Не выполнено: {view.checklist.failing.join(', ')}. Согласовать можно, указав причину — она сохранится в истории.</p>,
          label: 'Причина',
          confirmLabel: 'Согласовать',
          required: true,
        });
        if (reason === null) return null;
        overrideReason = reason;
      }
      return () => api.releases.approve({ id, by, comment: '', overrideReason });
    }, 'Релиз согласован.');
  const giveBack = () =>
    go(async () => {
      const comment = await ask({ title: 'Вернуть на доработку', label: 'Что исправить', confirmLabel: 'Вернуть', required: true });
      return comment === null ? null : () => api.releases.returnForRework({ id, by, comment });
    }, 'Возвращено на доработку.');
  const publish = () => go(() => () => api.releases.publish({ id, by }), view.status === 'published' ? 'Отмечено: переопубликовано.' : 'Отмечено: опубликовано.');
  const unpublish = () =>
    go(async () => {
      const reason = await ask({ title: 'Снять с публикации', label: 'Причина', confirmLabel: 'Снять с публикации', required: true, danger: true });
      return reason === null ? null : () => api.releases.unpublish({ id, by, reason });
    }, 'Снято с публикации.');

  const s = view.status;
  const btn = (label: string, onClick: () => void, primary = false, title?: string) => (
    <button type="button" className={`button ${primary ? 'button-primary' : ''}`} disabled={busy} onClick={onClick} title={title}>
      {label}
    </button>
  );
  return (
    <div className="rl-workflow" aria-label="Согласование">
      <div className="rl-workflow-actions">
        {(s === 'draft' || s === 'withdrawn') && btn('На согласование', () => void submit(), true)}
        {s === 'review' && btn('Согласовать', () => void approve(), true)}
        {(s === 'review' || s === 'approved') && btn('Вернуть на доработку', () => void giveBack())}
        {s === 'approved' && btn('Опубликовано', () => void publish(), true, 'Отметить, что релиз вышел в выбранных каналах')}
        {s === 'published' && view.needsRepublish && btn('Опубликовано', () => void publish(), true, 'Отметить переопубликацию исправленного текста')}
        {s === 'published' && btn('Снять с публикации', () => void unpublish())}
      </div>
      <ol className="rl-steps">
        {shownSteps.map((a) => {
          const st = view.steps[a];
          if (!st) return null;
          return (
            <li key={a}>
              <strong>{view.historyLabels[a]}</strong>: {st.byName || '—'}, {formatWhen(st.at, timeZone)}
            </li>
          );
        })}
      </ol>
      {prompt && <PromptDialog request={prompt} onClose={() => setPrompt(null)} />}
    </div>
  );
}
