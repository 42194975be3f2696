/** Repeat: none, weekly on chosen weekdays, or monthly (the same date or the same weekday of the month); until a date or N times. */
import { dateLong } from '../../../electron/backend/features/calendar/fmt';
import { weekdayCodes } from '../../../electron/backend/features/calendar/schema';
import { fieldId, type FieldErrors } from '../../shell/form-kit';
import { isDate } from './dates';
import { nthWeekdayOf, weekdayOf, type RecurrenceDraft, type RepeatMode, type WeekdayCode } from './draft';

const dayShort: Record<WeekdayCode, [string, string]> = {
  MO: ['пн', 'понедельник'],
  TU: ['вт', 'вторник'],
  WE: ['ср', 'среда'],
  TH: ['чт', 'четверг'],
  FR: ['пт', 'пятница'],
  SA: ['сб', 'суббота'],
  SU: ['вс', 'воскресенье'],
};
const dayAccusative: Record<WeekdayCode, string> = { MO: 'понедельник', TU: 'вторник', WE: 'среду', TH: 'четверг', FR: 'пятницу', SA: 'субботу', SU: 'воскресенье' };
const ordinal: Record<string, [string, string]> = {
  '1': ['первый', 'первую'],
  '2': ['второй', 'вторую'],
  '3': ['третий', 'третью'],
  '4': ['четвёртый', 'четвёртую'],
  '-1': ['последний', 'последнюю'],
};

/** «во второй четверг», «в последнюю пятницу» */
function nthText(date: string): string {
  const code = nthWeekdayOf(date);
  const n = code.slice(0, -2);
  const day = code.slice(-2) as WeekdayCode;
  const fem = ['WE', 'FR', 'SA'].includes(day);
  const word = `${ordinal[n]![fem ? 1 : 0]} ${dayAccusative[day]}`;
  return `${/^вт/.test(word) ? 'во' : 'в'} ${word}`;
}

interface Props {
  value: RecurrenceDraft;
  onChange(next: RecurrenceDraft): void;
  startDate: string;
  errors: FieldErrors;
  /** «еженедельно по понедельникам…» as the backend words the loaded rule. */
  currentText: string;
  /** Editing one occurrence of a series: the rule belongs to the series. */
  occurrenceOfSeries: boolean;
}

export function RecurrenceEditor({ value, onChange, startDate, errors, currentText, occurrenceOfSeries }: Props) {
  const set = (patch: Partial<RecurrenceDraft>) => onChange({ ...value, ...patch });
  const setMode = (mode: RepeatMode) => {
    const weekdays = value.weekdays.length ? value.weekdays : isDate(startDate) ? [weekdayOf(startDate)] : [];
    set({ mode, weekdays });
  };
  const toggleDay = (d: WeekdayCode) => set({ weekdays: value.weekdays.includes(d) ? value.weekdays.filter((x) => x !== d) : [...value.weekdays, d] });
  const err = (p: string) => errors[`recurrence.${p}`];
  const general = errors.recurrence ?? err('freq') ?? err('rule') ?? err('interval') ?? Object.entries(errors).find(([k]) => k.startsWith('recurrence.exdates'))?.[1];
  const exdates = value.original?.exdates.length ?? 0;

  return (
    <fieldset className="form-section cal-recurrence">
      <legend>Повторение</legend>
      <div className={`field${general ? ' field-invalid' : ''}`}>
        <select id={fieldId('recurrence.freq')} aria-label="Повторение" value={value.mode} onChange={(e) => setMode(e.target.value as RepeatMode)}>
          <option value="none">не повторяется</option>
          <option value="weekly">еженедельно</option>
          <option value="monthly">ежемесячно</option>
          {value.original && value.mode === 'custom' && <option value="custom">как задано: {currentText}</option>}
        </select>
        {general && <div className="field-error">{general}</div>}
      </div>

      {value.mode === 'weekly' && (
        <div className={`field${err('byWeekday') ? ' field-invalid' : ''}`}>
          <div className="cal-interval">
            <label htmlFor={fieldId('recurrence.interval')}>каждую</label>
            <input
              type="number"
              id={fieldId('recurrence.interval')}
              min={1}
              max={99}
              value={value.interval}
              onChange={(e) => set({ interval: e.target.value })}
              aria-label="Интервал, недель"
            />
            <span>{value.interval === '1' || value.interval === '' ? 'неделю' : 'нед.'}, по дням:</span>
          </div>
          <div className="cal-weekdays" role="group" aria-label="Дни недели" id={fieldId('recurrence.byWeekday')}>
            {weekdayCodes.map((d) => (
              <button key={d} type="button" aria-pressed={value.weekdays.includes(d)} aria-label={dayShort[d][1]} title={dayShort[d][1]} onClick={() => toggleDay(d)}>
                {dayShort[d][0]}
              </button>
            ))}
          </div>
          {err('byWeekday') && <div className="field-error">{err('byWeekday')}</div>}
        </div>
      )}

      {value.mode === 'monthly' && (
        <div className="field cal-radios" role="radiogroup" aria-label="Ежемесячно">
          <label>
            <input type="radio" name="monthlyBy" checked={value.monthlyBy === 'monthDay'} onChange={() => set({ monthlyBy: 'monthDay' })} />
            {isDate(startDate) ? `${Number(startDate.slice(8, 10))}-го числа` : 'в тот же день месяца'}
          </label>
          <label>
            <input type="radio" name="monthlyBy" checked={value.monthlyBy === 'weekday'} onChange={() => set({ monthlyBy: 'weekday' })} />
            {isDate(startDate) ? nthText(startDate) : 'в тот же день недели месяца'}
          </label>
        </div>
      )}

      {value.mode === 'custom' && <p className="field-hint">Правило задано иначе, чем умеет этот редактор; оно сохранится как есть. Выберите «еженедельно» или «ежемесячно», чтобы заменить его.</p>}

      {(value.mode === 'weekly' || value.mode === 'monthly') && (
        <div className="cal-ends">
          <div className={`field cal-end-choice${err('until') ? ' field-invalid' : ''}`}>
            <label className="cal-radio">
              <input type="radio" name="repeatEnds" checked={value.ends === 'until'} onChange={() => set({ ends: 'until' })} />
              до даты
            </label>
            <input
              type="date"
              id={fieldId('recurrence.until')}
              aria-label="Повторять до"
              value={value.until}
              disabled={value.ends !== 'until'}
              aria-invalid={err('until') ? true : undefined}
              onChange={(e) => set({ until: e.target.value })}
            />
            {err('until') && <div className="field-error">{err('until')}</div>}
          </div>
          <div className={`field cal-end-choice${err('count') ? ' field-invalid' : ''}`}>
            <label className="cal-radio">
              <input type="radio" name="repeatEnds" checked={value.ends === 'count'} onChange={() => set({ ends: 'count' })} />
              число раз
            </label>
            <input
              type="number"
              id={fieldId('recurrence.count')}
              aria-label="Число повторений"
              min={1}
              max={1000}
              value={value.count}
              disabled={value.ends !== 'count'}
              aria-invalid={err('count') ? true : undefined}
              onChange={(e) => set({ count: e.target.value })}
            />
            {err('count') && <div className="field-error">{err('count')}</div>}
          </div>
        </div>
      )}
      {value.mode !== 'none' && value.until && value.ends === 'until' && isDate(value.until) && <p className="field-hint">Последнее повторение — не позже {dateLong(value.until)}.</p>}
      {exdates > 0 && value.mode !== 'none' && <p className="field-hint">Удалённых из серии повторений: {exdates}.</p>}
      {occurrenceOfSeries && <p className="field-hint">Правило относится ко всей серии: изменить его можно для «этого и следующих» или для всех повторений.</p>}
    </fieldset>
  );
}
