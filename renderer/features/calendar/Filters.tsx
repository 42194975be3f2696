/** Filters by kind, staff member, status and national project (and a search), shared by Календарь and Мероприятия. */
import type { DictionariesView } from '../../../electron/backend/features/calendar/api-types';
import { eventStatuses } from '../../../electron/backend/features/calendar/schema';
import { anyFilter, noFilters, useStaff, type CalendarFilterState } from './use-calendar-data';

export function Filters({ value, onChange, dict }: { value: CalendarFilterState; onChange: (next: CalendarFilterState) => void; dict: DictionariesView | null }) {
  const staff = useStaff();
  const set = (patch: Partial<CalendarFilterState>) => onChange({ ...value, ...patch });
  return (
    <div className="cal-filters" role="search" aria-label="Фильтры мероприятий">
      <input
        type="search"
        className="cal-filter-search"
        aria-label="Поиск мероприятий"
        placeholder="Название, место, участник…"
        value={value.query}
        onChange={(e) => set({ query: e.target.value })}
      />
      <select aria-label="Вид мероприятия" value={value.kind} onChange={(e) => set({ kind: e.target.value })}>
        <option value="">Все виды</option>
        {dict?.kinds
          .filter((k) => !k.archived || k.id === value.kind)
          .map((k) => (
            <option key={k.id} value={k.id}>
              {k.name}
            </option>
          ))}
      </select>
      <select aria-label="Сотрудник" value={value.staff} onChange={(e) => set({ staff: e.target.value })}>
        <option value="">Все сотрудники</option>
        {staff.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </select>
      <select aria-label="Статус" value={value.status} onChange={(e) => set({ status: e.target.value })}>
        <option value="">Все статусы</option>
        {Object.entries(eventStatuses).map(([id, name]) => (
          <option key={id} value={id}>
            {name}
          </option>
        ))}
      </select>
      <select aria-label="Нацпроект / программа" value={value.project} onChange={(e) => set({ project: e.target.value })}>
        <option value="">Все нацпроекты и программы</option>
        {dict?.projects
          .filter((p) => !p.archived || p.id === value.project)
          .map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
      </select>
      {anyFilter(value) && (
        <button type="button" className="button button-small" onClick={() => onChange(noFilters)}>
          Сбросить фильтры
        </button>
      )}
    </div>
  );
}
