/**
 * The report for one period: its sections (figures, drafted sentences, text), the charts, last
 * period's tasks and the next period's. Edits autosave (Ctrl+S sends at once); «Выгрузить в Word».
 */
import { useCallback, useEffect, useState } from 'react';
import { nextOf } from '../../../electron/backend/features/reports/period';
import { formatDateTime } from '../../../electron/backend/format';
import { formatTime } from '../../shell/time';
import { api } from '../../api';
import { useAppState } from '../../shell/app-state';
import { useCommand } from '../../shell/commands';
import { saveExport } from '../../shell/save-export';
import { useToast } from '../../shell/toasts';
import { useDirtyGuard } from '../../shell/use-dirty-guard';
import { Chart } from './Chart';
import { CouncilName } from './CouncilName';
import { DrillDialog, type DrillRequest } from './DrillDialog';
import { dayText } from './model';
import { SectionBlock, type SectionEdits } from './SectionBlock';
import { TasksDone, TasksNext, type DoneMark } from './Tasks';
import type { ReportPeriod, ReportView, TaskNext } from './types';
import { useReportSave, type SaveState } from './use-report-save';

function SaveBadge({ state, savedAt }: { state: SaveState; savedAt: string | null }) {
  const { timeZone } = useAppState();
  const text =
    state.kind === 'pending'
      ? 'Есть несохранённые правки…'
      : state.kind === 'saving'
        ? 'Сохранение…'
        : state.kind === 'saved'
          ? `Сохранено в ${formatTime(state.at, timeZone)}`
          : state.kind === 'error'
            ? `Не сохранено: ${state.message}`
            : savedAt
              ? `Правки сохранены ${formatDateTime(savedAt, timeZone)}`
              : 'Правки сохраняются сами';
  return (
    <span className={`rp-save rp-save-${state.kind}`} data-testid="rp-save" role={state.kind === 'error' ? 'alert' : 'status'}>
      {text}
    </span>
  );
}

export function ReportEditor({ year, period, toolbar }: { year: number; period: ReportPeriod; toolbar: React.ReactNode }) {
  const [view, setView] = useState<ReportView | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    let stale = false;
    api.reports
      .get({ year, period })
      .then((v) => !stale && setView(v))
      .catch((err: Error) => !stale && setError(err.message));
    return () => {
      stale = true;
    };
  }, [year, period]);

  if (error)
    return (
      <>
        {toolbar}
        <p className="error-summary" role="alert">
          {error}
        </p>
      </>
    );
  if (!view)
    return (
      <>
        {toolbar}
        <p className="muted">Считаю показатели…</p>
      </>
    );
  return <Loaded initial={view} toolbar={toolbar} />;
}

function Loaded({ initial, toolbar }: { initial: ReportView; toolbar: React.ReactNode }) {
  const toast = useToast();
  const [view, setView] = useState(initial);
  const { year, period } = initial.period;
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [narratives, setNarratives] = useState<Record<string, string>>(() => ({
    ...Object.fromEntries(initial.sections.map((s) => [s.id, s.narrative])),
    tasksDone: initial.taskNarratives?.done ?? '',
    tasksNext: initial.taskNarratives?.next ?? '',
  }));
  const [marks, setMarks] = useState<Record<string, DoneMark>>({});
  const [next, setNext] = useState<TaskNext[]>(initial.tasksNext);
  const [drill, setDrill] = useState<DrillRequest | null>(null);
  const [exporting, setExporting] = useState(false);
  const save = useReportSave(year, period, useCallback((v: ReportView) => setView(v), []));

  useCommand('save', () => void save.flush().catch(() => undefined)); // a refusal shows in the badge
  // Autosave normally leaves nothing behind; a save that failed (read-only folder…) makes leaving ask.
  useDirtyGuard(save.state.kind === 'error', 'отчёте');

  const edits: SectionEdits = {
    sentence: (key, text, generated) => {
      setTexts((t) => ({ ...t, [key]: text }));
      save.edit.sentence(key, text.trim() === generated.trim() ? '' : text);
    },
    revert: (key, edited, generated) => {
      edits.sentence(key, generated, generated);
      toast('Предложение возвращено к тексту по данным.', { action: { label: 'Вернуть правку', run: () => edits.sentence(key, edited, generated) } });
    },
    narrative: (sectionId, text) => {
      setNarratives((n) => ({ ...n, [sectionId]: text }));
      save.edit.narrative(sectionId, text);
    },
  };
  const mark = (id: string, m: DoneMark) => {
    setMarks((all) => ({ ...all, [id]: m }));
    save.edit.taskDone(id, m.done, m.comment);
  };
  const changeNext = (list: TaskNext[]) => {
    setNext(list);
    save.edit.tasksNext(list);
  };

  const exportDocx = async () => {
    setExporting(true);
    try {
      await save.flush();
      toast(saveExport(await api.reports.exportDocx({ year, period })));
    } catch (err) {
      toast((err as Error).message, { tone: 'error' });
    } finally {
      setExporting(false);
    }
  };

  const { period: p, previous } = view;
  return (
    <>
      <div className="rp-bar">
        {toolbar}
        <div className="rp-actions">
        <SaveBadge state={save.state} savedAt={initial.savedAt} />
        <button type="button" className="button" onClick={() => void save.flush().catch(() => undefined)} title="Сохранить сейчас (Ctrl+S)">
          Сохранить
        </button>
        <button type="button" className="button button-primary" disabled={exporting} onClick={() => void exportDocx()}>
          {exporting ? 'Выгрузка…' : 'Выгрузить в Word'}
        </button>
        </div>
      </div>
      <div className="rp-layout">
        <nav className="rp-toc" aria-label="Содержание отчёта">
          <CouncilName initial={view.councilName} onSaved={(councilName) => setView((v) => ({ ...v, councilName }))} />
          <h2>Содержание</h2>
          <ol>
            {view.sections.map((s) => (
              <li key={s.id}>
                <a href={`#rp-section-${s.id}`} onClick={(e) => (e.preventDefault(), document.getElementById(`rp-h-${s.id}`)?.scrollIntoView({ block: 'start' }))}>
                  {s.title}
                </a>
                {s.noData && <span className="rp-toc-nodata"> · нет данных</span>}
              </li>
            ))}
            {view.charts.length > 0 && (
              <li>
                <a href="#rp-charts" onClick={(e) => (e.preventDefault(), document.getElementById('rp-charts')?.scrollIntoView({ block: 'start' }))}>
                  Графики
                </a>
              </li>
            )}
            <li>
              <a href="#rp-tasks" onClick={(e) => (e.preventDefault(), document.getElementById('rp-tasks')?.scrollIntoView({ block: 'start' }))}>
                Задачи
              </a>
            </li>
          </ol>
        </nav>
        <article className="rp-report" aria-label={`Отчёт за ${p.label}`}>
          <header className="rp-title">
            <h2>
              Информационная политика: отчёт за {p.label}
            </h2>
            <p className="muted">
              Числа посчитаны по данным Пресс-деска, рядом — {previous.label}; нажмите число, чтобы увидеть записи за ним.
            </p>
          </header>
          {view.asOf && (
            <p className="rp-asof" role="note">
              Период ещё не закончился: числа — на {dayText(view.asOf)}.
            </p>
          )}
          {view.empty && (
            <div className="rp-empty" role="note">
              <strong>За {p.label} данных нет.</strong> В Пресс-деске нет ни публикаций, ни мероприятий, ни показателей за этот период — отчёт не показывает
              нули вместо фактов: везде стоит «нет данных». Выберите другой период или внесите показатели.
            </div>
          )}
          {view.sections.map((s, i) => (
            <SectionBlock
              key={s.id}
              section={s}
              index={i}
              period={p}
              previous={previous}
              texts={texts}
              narrative={narratives[s.id] ?? s.narrative}
              edits={edits}
              onDrill={(f) => setDrill({ year, period, key: f.key, label: f.label })}
            />
          ))}
          {view.charts.length > 0 && (
            <section className="rp-section" id="rp-charts" aria-labelledby="rp-h-charts">
              <h2 id="rp-h-charts">Графики</h2>
              <div className="rp-charts">
                {view.charts.map((c) => (
                  <Chart key={c.id} chart={c} />
                ))}
              </div>
            </section>
          )}
          <div id="rp-tasks">
            <TasksDone
              tasks={view.tasksDone}
              marks={marks}
              onMark={mark}
              periodLabel={p.label}
              previousLabel={previous.label}
              narrative={narratives.tasksDone ?? ''}
              onNarrative={(text) => edits.narrative('tasksDone', text)}
            />
            <TasksNext tasks={next} onChange={changeNext} nextLabel={nextOf(p).label} narrative={narratives.tasksNext ?? ''} onNarrative={(text) => edits.narrative('tasksNext', text)} />
          </div>
        </article>
      </div>
      {drill && <DrillDialog request={drill} onClose={() => setDrill(null)} />}
    </>
  );
}
