/**
 * The «Календарь» section until its month/week grid exists: the page holds the «Сегодня» panel
 * and says plainly that the grid is still being built. The calendar feature will replace this page
 * (and may put the panel beside its grid: TodayPanel needs nothing from here).
 */
import { TodayPanel } from './TodayPanel';

export function CalendarTodayPage() {
  return (
    <div className="page calendar-today-page">
      <header className="page-header">
        <h1>Календарь</h1>
      </header>
      <p className="calendar-today-note">Сетка календаря по месяцам и неделям ещё делается; пока здесь — то, что требует внимания сегодня.</p>
      <div className="calendar-today-layout">
        <TodayPanel />
      </div>
    </div>
  );
}
