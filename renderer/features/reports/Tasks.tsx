/**
 * Tasks: last period's (each marked done / not done, with a comment) and the next period's
 * (an editable list: add, edit, move, remove with «Отменить»; the following report starts from it).
 */
import { useLayoutEffect, useRef } from 'react';
import { useCommand } from '../../shell/commands';
import { useToast } from '../../shell/toasts';
import { newId } from './model';
import { AutoText } from './SectionBlock';
import type { TaskDone, TaskNext } from './types';

export type DoneMark = { done: boolean | null; comment: string };

const marks: { value: boolean | null; label: string }[] = [
  { value: true, label: 'выполнена' },
  { value: false, label: 'не выполнена' },
  { value: null, label: 'не отмечена' },
];

interface Narrated {
  narrative: string;
  onNarrative: (text: string) => void;
}

export function TasksDone(
  props: { tasks: TaskDone[]; marks: Record<string, DoneMark>; onMark: (id: string, mark: DoneMark) => void; periodLabel: string; previousLabel: string } & Narrated,
) {
  const { tasks, onMark, periodLabel, previousLabel } = props;
  return (
    <section className="rp-section" aria-labelledby="rp-h-done">
      <h2 id="rp-h-done">Выполнение задач, поставленных на {periodLabel}</h2>
      <AutoText
        id="rp-n-tasksDone"
        label="Текст перед задачами прошлого отчёта"
        className="rp-narrative"
        value={props.narrative}
        placeholder="Вступление (необязательно): что удалось, что нет и почему. Попадёт в отчёт перед списком."
        onChange={props.onNarrative}
      />
      {tasks.length === 0 && <p className="muted">
          В отчёте за {previousLabel} задачи на {periodLabel} не записаны. Задачи, которые вы запишете ниже, появятся здесь в следующем отчёте.
        </p>}
      <ol className="rp-done-list">
        {tasks.map((t, i) => {
          const mark = props.marks[t.id] ?? { done: t.done, comment: t.comment };
          const state = mark.done === true ? 'done' : mark.done === false ? 'not-done' : 'open';
          return (
            <li key={t.id} className={`rp-done rp-done-${state}`} data-id={t.id}>
              <div className="rp-done-text">{t.text}</div>
              <div className="rp-done-marks" role="radiogroup" aria-label={`Задача ${i + 1}: отметка`}>
                {marks.map((m) => (
                  <label key={String(m.value)} className="rp-mark">
                    <input type="radio" name={`rp-done-${t.id}`} checked={mark.done === m.value} onChange={() => onMark(t.id, { ...mark, done: m.value })} />
                    {m.label}
                  </label>
                ))}
              </div>
              <input
                type="text"
                className="rp-done-comment"
                aria-label={`Задача ${i + 1}: комментарий`}
                placeholder={mark.done === false ? 'Почему не выполнена (попадёт в отчёт)' : 'Комментарий (попадёт в отчёт)'}
                value={mark.comment}
                onChange={(e) => onMark(t.id, { ...mark, comment: e.target.value })}
              />
            </li>
          );
        })}
      </ol>
    </section>
  );
}

export function TasksNext({ tasks, onChange, nextLabel, narrative, onNarrative }: { tasks: TaskNext[]; onChange: (list: TaskNext[]) => void; nextLabel: string } & Narrated) {
  const toast = useToast();
  const latest = useRef(tasks);
  latest.current = tasks;
  // Focus moves in the same commit as the change, so keys typed right after land in the right task.
  const focusNext = useRef<string | null>(null);
  useLayoutEffect(() => {
    if (!focusNext.current) return;
    document.getElementById(`rp-next-${focusNext.current}`)?.focus();
    focusNext.current = null;
  }, [tasks]);
  const focusTask = (id: string) => {
    focusNext.current = id;
  };

  const add = () => {
    const task = { id: newId(), text: '' };
    onChange([...tasks, task]);
    focusTask(task.id);
  };
  useCommand('new', add); // Ctrl+N: a new task for the next period
  const move = (i: number, by: -1 | 1) => {
    const j = i + by;
    if (j < 0 || j >= tasks.length) return;
    const list = [...tasks];
    [list[i], list[j]] = [list[j]!, list[i]!];
    onChange(list);
    focusTask(list[j]!.id);
  };
  const remove = (i: number) => {
    const removed = tasks[i]!;
    onChange(tasks.filter((_, k) => k !== i));
    if (removed.text.trim())
      toast(`Задача удалена: «${removed.text.slice(0, 60)}»`, {
        action: {
          label: 'Отменить',
          run: () => {
            const list = [...latest.current];
            list.splice(Math.min(i, list.length), 0, removed);
            onChange(list);
          },
        },
      });
  };

  return (
    <section className="rp-section" aria-labelledby="rp-h-next">
      <h2 id="rp-h-next">Задачи на {nextLabel}</h2>
      <p className="muted">Следующий отчёт начнётся с этого списка: там задачи можно будет отметить выполненными. Ctrl+N — новая задача, Alt+↑ / Alt+↓ — переставить.</p>
      <AutoText
        id="rp-n-tasksNext"
        label="Текст перед задачами на следующий период"
        className="rp-narrative"
        value={narrative}
        placeholder="Вступление (необязательно): «В 2026 году пресс-служба продолжит…». Попадёт в отчёт перед списком задач."
        onChange={onNarrative}
      />
      <ol className="rp-next-list">
        {tasks.map((t, i) => (
          <li
            key={t.id}
            className="rp-next"
            data-id={t.id}
            onKeyDown={(e) => {
              if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
              e.preventDefault();
              move(i, e.key === 'ArrowUp' ? -1 : 1);
            }}
          >
            <span className="rp-next-n">{i + 1}.</span>
            <AutoText id={`rp-next-${t.id}`} label={`Задача ${i + 1}`} value={t.text} onChange={(text) => onChange(tasks.map((x) => (x.id === t.id ? { ...x, text } : x)))} />
            <div className="rp-next-actions">
              <button type="button" className="icon-button" aria-label={`Выше: задача ${i + 1}`} disabled={i === 0} onClick={() => move(i, -1)}>
                ↑
              </button>
              <button type="button" className="icon-button" aria-label={`Ниже: задача ${i + 1}`} disabled={i === tasks.length - 1} onClick={() => move(i, 1)}>
                ↓
              </button>
              <button type="button" className="icon-button" aria-label={`Удалить задачу ${i + 1}`} onClick={() => remove(i)}>
                ×
              </button>
            </div>
          </li>
        ))}
      </ol>
      <button type="button" className="button" onClick={add} title="Ctrl+N">
        + Добавить задачу
      </button>
    </section>
  );
}
