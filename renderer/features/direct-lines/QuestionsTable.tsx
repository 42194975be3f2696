/**
 * The session's questions in queue order, each main question followed by its merged duplicates.
 * The resident's name shows here (and in the question's card) only: nowhere else in the app.
 * Click or Enter opens a question; ↑/↓ move; the checkboxes pick questions to merge.
 */
import type { KeyboardEvent } from 'react';
import { formatDateShort } from '../../../electron/backend/format';
import { assignmentTone, channels, effectiveStatuses, ruDay, timeOf, withDuplicates, type QuestionView } from './model';

interface Props {
  questions: QuestionView[];
  numbers: Map<string, number>;
  timeZone: string;
  selected: Set<string>;
  onToggle(id: string): void;
  openId: string | null;
  highlightId: string | null;
  onOpen(id: string): void;
  compact: boolean;
}

function State({ q, numbers }: { q: QuestionView; numbers: Map<string, number> }) {
  if (q.mergedInto) return <span className="dl-pill dl-pill-muted">дубликат № {numbers.get(q.mergedInto) ?? '?'}</span>;
  const a = q.assignment;
  return (
    <div className="dl-state">
      {q.answeredLive && <span className="dl-pill dl-pill-ok">отвечен в эфире</span>}
      {a && q.assignmentStatus && (
        <div>
          <span className={`dl-pill dl-pill-${assignmentTone[q.assignmentStatus]}`}>{effectiveStatuses[q.assignmentStatus]}</span>
          <div className="cell-sub">
            {a.department}, срок {ruDay(a.deadline)}
          </div>
        </div>
      )}
      {!q.publishedAnswer && !a && <div className="cell-sub dl-warn">нет письменного ответа</div>}
      {q.publishedAnswer && !a && <div className="cell-sub">письменный ответ есть</div>}
      {q.duplicateIds.length > 0 && <div className="cell-sub">+ дубликатов: {q.duplicateIds.length}</div>}
    </div>
  );
}

export function QuestionsTable({ questions, numbers, timeZone, selected, onToggle, openId, highlightId, onOpen, compact }: Props) {
  const onKeyDown = (e: KeyboardEvent<HTMLTableRowElement>, id: string) => {
    if (e.target !== e.currentTarget) return; // the checkbox handles its own keys
    if (e.key === 'Enter') {
      e.preventDefault();
      onOpen(id);
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      ((e.key === 'ArrowDown' ? e.currentTarget.nextElementSibling : e.currentTarget.previousElementSibling) as HTMLElement | null)?.focus();
    }
  };

  return (
    <table className={`data-table dl-questions${compact ? ' compact' : ''}`}>
      <thead>
        <tr>
          <th scope="col" className="col-check">
            <span className="visually-hidden">Выбрать для объединения</span>
          </th>
          <th scope="col" className="dl-num">
            №
          </th>
          <th scope="col" className="col-wide">
            Поступил
          </th>
          <th scope="col" className="col-extra">
            Канал
          </th>
          <th scope="col" className="col-wide">
            Тема
          </th>
          <th scope="col">Вопрос</th>
          <th scope="col" className="col-extra">
            Район
          </th>
          <th scope="col" className="col-extra" title="Персональные данные (152-ФЗ)">
            Житель <span className="pd-mark">ПД</span>
          </th>
          <th scope="col">Состояние</th>
        </tr>
      </thead>
      <tbody>
        {withDuplicates(questions).map((q) => {
          const n = numbers.get(q.id);
          const classes = [
            q.mergedInto ? 'dup-row' : '',
            q.assignmentStatus === 'overdue' ? 'overdue' : '',
            q.id === openId ? 'selected' : '',
            q.id === highlightId ? 'highlight' : '',
          ].filter(Boolean);
          return (
            <tr key={q.id} data-id={q.id} tabIndex={0} className={classes.join(' ') || undefined} aria-selected={q.id === openId} onClick={() => onOpen(q.id)} onKeyDown={(e) => onKeyDown(e, q.id)}>
              <td className="col-check" onClick={(e) => e.stopPropagation()}>
                {!q.mergedInto && (
                  <input type="checkbox" aria-label={`Выбрать вопрос № ${n}`} checked={selected.has(q.id)} onChange={() => onToggle(q.id)} />
                )}
              </td>
              <td className="dl-num">{n ?? '↳'}</td>
              <td className="col-wide dl-nowrap">
                {formatDateShort(q.receivedAt, timeZone).slice(0, 5)}
                <div className="cell-sub">{timeOf(q.receivedAt, timeZone)}</div>
              </td>
              <td className="col-extra">{channels[q.channel]}</td>
              <td className="col-wide">{q.topic}</td>
              <td className="col-text">
                <div className="clamp">{q.text}</div>
                <div className="cell-sub dl-compact-only">
                  {q.topic} · {channels[q.channel]}
                  {q.resident?.name && (
                    <>
                      {' · '}
                      <span className="pd-value">{q.resident.name}</span>
                    </>
                  )}
                </div>
              </td>
              <td className="col-extra">{q.district || <span className="muted">—</span>}</td>
              <td className="col-extra">
                {q.resident?.name ? <span className="pd-value">{q.resident.name}</span> : q.anonymisedAt ? <span className="muted">обезличено</span> : <span className="muted">—</span>}
              </td>
              <td>
                <State q={q} numbers={numbers} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
