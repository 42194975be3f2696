/** The frame around every section: top bar with search, sidebar, the page, the status bar. */
import { CalendarPage } from '../features/calendar/CalendarPage';
import { EventsPage } from '../features/calendar/EventsPage';
import { ContractsPage } from '../features/contracts/ContractsPage';
import { DirectLinesPage } from '../features/direct-lines/DirectLinesPage';
import { OutletsPage } from '../features/outlets/OutletsPage';
import { ReleasesPage } from '../features/releases/ReleasesPage';
import { ReportsPage } from '../features/reports/ReportsPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { SummaryPage } from '../features/summary/SummaryPage';
import { OutboxPage } from '../features/sync/OutboxPage';
import { SitePage } from '../features/sync/SitePage';
import { useAppState } from './app-state';
import { Banners } from './Banners';
import { GlobalSearch } from './GlobalSearch';
import { useHotkeys } from './hotkeys';
import { NotBuilt } from './NotBuilt';
import { useRoute } from './router';
import { sectionOf } from './sections';
import { Sidebar } from './Sidebar';
import { StatusBar } from './StatusBar';

function Page() {
  const route = useRoute();
  switch (route.section) {
    case 'summary':
      return <SummaryPage />;
    case 'reports':
      return <ReportsPage id={route.id} sub={route.sub} />;
    case 'outlets':
      return <OutletsPage id={route.id} />;
    case 'settings':
      // Настройки → Сайт and the outbox of publications (features/sync) are tabs of Настройки.
      if (route.id === 'site') return <SitePage />;
      if (route.id === 'outbox') return <OutboxPage />;
      return <SettingsPage focusStaffId={route.id} />;
    case 'contracts':
      return <ContractsPage id={route.id} sub={route.sub} />;
    case 'direct-lines':
      return <DirectLinesPage id={route.id} sub={route.sub} />;
    case 'calendar':
      // The grid with the «Сегодня» panel beside it (or the open event's card).
      return <CalendarPage id={route.id} sub={route.sub} />;
    case 'events':
      return <EventsPage id={route.id} />;
    case 'releases':
      return <ReleasesPage id={route.id} sub={route.sub} />;
    default:
      return <NotBuilt key={route.section} section={sectionOf(route.section)} />;
  }
}

export function Shell() {
  const { status, settings, timeZone } = useAppState();
  useHotkeys();
  return (
    <div className="shell">
      <a className="skip-link" href="#main" onClick={(e) => (e.preventDefault(), document.getElementById('main')?.focus())}>
        Перейти к содержимому
      </a>
      <Banners status={status} timeZone={timeZone} />
      <header className="topbar">
        <div className="brand">Пресс-деск</div>
        <GlobalSearch />
        {settings && (
          <div className="topbar-org" title={settings.organisation.name}>
            {settings.organisation.name}
          </div>
        )}
      </header>
      <div className="workspace">
        <Sidebar />
        <main id="main" className="content" tabIndex={-1}>
          <Page />
        </main>
      </div>
      <StatusBar />
    </div>
  );
}
