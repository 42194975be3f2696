/**
 * One report section: its figures beside the previous period (each opens the records behind it),
 * the drafted sentences (editable; an edited one says so and can go back to the draft), the free text.
 */
import { useLayoutEffect, useRef } from 'react';
import type { Figure, PeriodInfo, ReportSection } from './types';

/** A textarea that grows with its text (report sentences are one to five lines). */
export function AutoText(props: { id: string; value: string; onChange: (v: string) => void; label: string; className?: string; placeholder?: string }) {
  const ref = useRef<HTMLTextAreaElement>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.style.height = 'auto';
    el.style.height = `${el.scrollHeight + 2}px`;
  }, [props.value]);
  return (
    <textarea
      ref={ref}
      id={props.id}
      className={`rp-text ${props.className ?? ''}`}
      aria-label={props.label}
      rows={1}
      value={props.value}
      placeholder={props.placeholder}
      onChange={(e) => props.onChange(e.target.value)}
    />
  );
}

function changeClass(change: string | null): string {
  if (!change) return '';
  if (/^[+↑]/.test(change.trim())) return 'rp-up';
  if (/^[−–\-↓]/.test(change.trim())) return 'rp-down';
  return '';
}

function FiguresTable({ figures, period, previous, onDrill }: { figures: Figure[]; period: PeriodInfo; previous: PeriodInfo; onDrill: (f: Figure) => void }) {
  return (
    <table className="data-table rp-figures">
      <thead>
        <tr>
          <th scope="col">Показатель</th>
          <th scope="col" className="rp-num">
            {period.label}
          </th>
          <th scope="col" className="rp-num">
            {previous.label}
          </th>
          <th scope="col" className="rp-num">
            Изменение
          </th>
        </tr>
      </thead>
      <tbody>
        {figures.map((f) => (
          <tr key={f.key} data-key={f.key}>
            <th scope="row">{f.label}</th>
            <td className="rp-num">
              {f.value === null ? (
                <span className="rp-nodata">нет данных</span>
              ) : f.drillable ? (
                <button type="button" className="link rp-figure" title="Показать записи, из которых сложилось число" onClick={() => onDrill(f)}>
                  {f.display}
                </button>
              ) : (
                f.display
              )}
            </td>
            <td className="rp-num">{f.previous === null ? <span className="rp-nodata">нет данных</span> : f.previousDisplay}</td>
            <td className={`rp-num ${changeClass(f.change)}`}>{f.change ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export interface SectionEdits {
  sentence(key: string, text: string, generated: string): void;
  /** Back to the drafted text; the edit can be brought back («Отменить»). */
  revert(key: string, edited: string, generated: string): void;
  narrative(sectionId: string, text: string): void;
}

export function SectionBlock(props: {
  section: ReportSection;
  index: number;
  period: PeriodInfo;
  previous: PeriodInfo;
  texts: Record<string, string>;
  narrative: string;
  edits: SectionEdits;
  onDrill: (f: Figure) => void;
}) {
  const { section, index, period, previous, texts, narrative, edits, onDrill } = props;
  return (
    <section className="rp-section" id={`rp-section-${section.id}`} aria-labelledby={`rp-h-${section.id}`}>
      <h2 id={`rp-h-${section.id}`}>
        {index + 1}. {section.title}
      </h2>
      {section.noData && <p className="rp-nodata-note">За {period.label} данных по этому разделу нет — в отчёт попадёт только текст, который вы напишете.</p>}
      {section.figures.length > 0 && <FiguresTable figures={section.figures} period={period} previous={previous} onDrill={onDrill} />}
      {section.sentences.length > 0 && (
        <div className="rp-sentences">
          {section.sentences.map((s) => {
            const text = texts[s.key] ?? s.text;
            const edited = text.trim() !== s.generated.trim();
            return (
              <div key={s.key} className={`rp-sentence${edited ? ' rp-edited' : ''}`} data-key={s.key}>
                <AutoText id={`rp-s-${s.key}`} label={`Предложение: ${s.generated.slice(0, 60)}`} value={text} onChange={(v) => edits.sentence(s.key, v, s.generated)} />
                {edited && (
                  <div className="rp-sentence-meta">
                    <span className="badge">{text.trim() ? 'изменено вручную' : 'пусто: в отчёт пойдёт текст по данным'}</span>
                    <span className="cell-sub rp-generated" title="Текст, составленный по данным">
                      По данным: {s.generated}
                    </span>
                    <button type="button" className="button button-small button-quiet" onClick={() => edits.revert(s.key, text, s.generated)}>
                      Вернуть как было
                    </button>
                  </div>
                )}
              </div>
            );
          })}
        </div>
      )}
      <label className="rp-narrative-label" htmlFor={`rp-n-${section.id}`}>
        Текст раздела
      </label>
      <AutoText
        id={`rp-n-${section.id}`}
        label={`Текст раздела «${section.title}»`}
        className="rp-narrative"
        value={narrative}
        placeholder="Что важного сделано: события, проекты, выводы. Попадёт в отчёт после предложений с цифрами."
        onChange={(v) => edits.narrative(section.id, v)}
      />
    </section>
  );
}
