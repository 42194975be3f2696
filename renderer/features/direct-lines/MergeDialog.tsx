/** «Объединить»: the chosen questions become duplicates of one main question (the user picks which). */
import { useEffect, useRef, useState } from 'react';
import type { QuestionView } from './model';

interface Props {
  questions: QuestionView[];
  numbers: Map<string, number>;
  onMerge(targetId: string, sourceIds: string[]): void;
  onCancel(): void;
}

export function MergeDialog({ questions, numbers, onMerge, onCancel }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  // Only a question without an assignment can become a duplicate: the main one is the assigned one, if any.
  const [target, setTarget] = useState(() => (questions.find((q) => q.assignment) ?? questions[0])!.id);
  useEffect(() => ref.current?.showModal(), []);
  const blocked = questions.filter((q) => q.assignment && q.id !== target);

  return (
    <dialog
      ref={ref}
      className="confirm dl-merge"
      aria-labelledby="dl-merge-title"
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <h2 id="dl-merge-title">Объединить вопросы-дубликаты</h2>
      <div className="confirm-message">
        <p>Выберите основной вопрос: остальные станут его дубликатами. Ответ и поручение — у основного; в статистике «поступило» учитываются все.</p>
        <fieldset className="dl-merge-list">
          <legend className="visually-hidden">Основной вопрос</legend>
          {questions.map((q) => (
            <label key={q.id}>
              <input type="radio" name="dl-merge-target" checked={target === q.id} onChange={() => setTarget(q.id)} />
              <span>
                <strong>№ {numbers.get(q.id)}</strong> {q.text}
              </span>
            </label>
          ))}
        </fieldset>
        {blocked.length > 0 && <p className="dl-danger">По вопросу № {numbers.get(blocked[0]!.id)} есть поручение: сделайте основным его или сначала снимите поручение.</p>}
      </div>
      <div className="confirm-buttons">
        <button type="button" className="button" onClick={onCancel}>
          Отмена
        </button>
        <button
          type="button"
          className="button button-primary"
          disabled={blocked.length > 0}
          onClick={() =>
            onMerge(
              target,
              questions.filter((q) => q.id !== target).map((q) => q.id),
            )
          }
        >
          Объединить
        </button>
      </div>
    </dialog>
  );
}
