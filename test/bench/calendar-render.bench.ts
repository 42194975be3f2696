/**
 * Calendar render benchmark: the month view in Chromium with 1,000 events in the month (June 2026),
 * time to painted. Goal: ≤ 200 ms.
 *
 *   npm run build && node --import tsx test/bench/calendar-render.bench.ts     (prints the figures; exit 1 if the goal is missed)
 *   import { benchCalendarRender } from './calendar-render.bench.js'           (from run.ts: returns the figures)
 *
 * A data folder with the demo town's settings (Asia/Barnaul) and 1,000 single events over the 30 days of June 2026,
 * served by `node dist/web.mjs`, opened in Debian's Chromium (the browser in Europe/Moscow, as the e2e tests).
 * The page sets performance marks (renderer/features/calendar/CalendarGrid.tsx): 'pd-cal-fetch' when the grid asks
 * for its range, 'pd-cal-data' when calendar.list has answered, 'pd-cal-painted' two animation frames after
 * FullCalendar took the events (the grid with them is on screen). Measured:
 *   - switch: the month view asked for (the «‹» button from July back to June) → painted, in the page's clock;
 *     this is «rendering the month view» and what the goal is judged on;
 *   - of which: calendar.list over HTTP + JSON (fetch → data) and FullCalendar's layout and paint (data → painted);
 *   - open: a fresh page load of #/calendar (navigation start → painted), the app's own start included.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Page } from '@playwright/test';
import { openBackend } from '../../electron/backend/app.js';
import { demoSettings } from '../../electron/backend/demo/town.js';
import { syntheticEvents } from './calendar.bench.js';

export interface CalendarRenderBenchResult {
  events: number;
  month: string;
  runs: number;
  /** Month view asked for → painted (ms). */
  switchP50Ms: number;
  switchP95Ms: number;
  /** calendar.list round trip inside that. */
  fetchP50Ms: number;
  /** FullCalendar: events in → painted. */
  renderP50Ms: number;
  renderP95Ms: number;
  /** Page load of #/calendar → painted. */
  openP50Ms: number;
  openP95Ms: number;
  /** Events drawn in the cells and hidden behind «+ ещё N» (together: all of them). */
  drawn: number;
  behindMore: number;
  goalMs: number;
  ok: boolean;
}

interface Painted {
  view: string;
  events: number;
  rendered: number;
  fetchMs: number;
  renderMs: number;
  totalMs: number;
  at: number;
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const EVENTS = 1000;
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};

async function makeFolder(dir: string): Promise<void> {
  const backend = await openBackend({ dataDir: dir, backups: false });
  try {
    const saved = await backend.invoke('settings.save', demoSettings);
    if (!saved.ok) throw new Error(saved.error.message);
    // syntheticEvents puts a focused month's singles on four Mondays (250 a day); a real busy month spreads
    // them: here over all 30 days of June (33–34 a day), at the same times of day.
    const events = syntheticEvents(2026, { weekly: 0, daily: 0, singles: EVENTS, monthFocus: 6 }).map((e, i) => {
      const day = String(1 + (i % 30)).padStart(2, '0');
      return { ...e, start: `2026-06-${day}${e.start.slice(10)}`, end: `2026-06-${day}${e.end.slice(10)}` };
    });
    await backend.ctx.store.mutate((tx) => events.forEach((e) => tx.put('events', e)));
  } finally {
    await backend.close();
  }
}

async function startServer(dir: string): Promise<{ url: string; child: ChildProcess }> {
  const web = path.join(root, 'dist', 'web.mjs');
  if (!fs.existsSync(web)) throw new Error('dist/web.mjs is missing: run `npm run build` first.');
  const child = spawn(process.execPath, [web, '--data-dir', dir, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start in 20 s:\n${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`the server exited with code ${code}:\n${output}`)));
  });
  return { url, child };
}

/**
 * Runs `act` in the page and waits for the grid to be painted with `events` events. A string, not a function:
 * tsx compiles functions with name helpers that do not exist in the page.
 */
async function paintedAfter(page: Page, act: string, events: number | null): Promise<Painted & { sinceAct: number }> {
  return page.evaluate(`new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('not painted in 30 s')), 30000);
    const t0 = performance.now();
    const on = (e) => {
      if (${events === null ? 'false' : `e.detail.events !== ${events}`}) return;
      window.removeEventListener('pd:calendar-painted', on);
      clearTimeout(timer);
      resolve({ ...e.detail, sinceAct: e.detail.at - t0 });
    };
    window.addEventListener('pd:calendar-painted', on);
    ${act};
  })`) as Promise<Painted & { sinceAct: number }>;
}

/** The first time since this page load the grid was painted with `events` events (mark time: ms since navigation start). */
async function firstPainted(page: Page, events: number): Promise<Painted> {
  const until = Date.now() + 30_000;
  while (Date.now() < until) {
    const found = (await page.evaluate(`(window.__pdPainted || []).find((d) => d.events === ${events}) || null`)) as Painted | null;
    if (found) return found;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('the month view was not painted in 30 s');
}

export async function benchCalendarRender(opts: { runs?: number; log?: (line: string) => void } = {}): Promise<CalendarRenderBenchResult> {
  const runs = opts.runs ?? 20;
  const log = opts.log ?? console.log;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pd-bench-calendar-render-'));
  let server: ChildProcess | null = null;
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    await makeFolder(dir);
    const started = await startServer(dir);
    server = started.child;
    const origin = new URL(started.url).origin;
    const context = await browser.newContext({ viewport: { width: 1366, height: 820 }, locale: 'ru-RU', timezoneId: 'Europe/Moscow' });
    // Every painted grid is noted from the page's first script on (an init script is not subject to the app's CSP).
    await context.addInitScript(`window.__pdPainted = []; window.addEventListener('pd:calendar-painted', (e) => window.__pdPainted.push(e.detail));`);
    const page = await context.newPage();
    await page.goto(started.url); // takes the token into sessionStorage
    await page.waitForSelector('.shell');
    // The calendar opens on the view and date it showed last: the month view of June 2026.
    await page.evaluate(`localStorage.setItem('press-desk:calendar-view', 'dayGridMonth'); sessionStorage.setItem('press-desk:calendar-date', '2026-06-15')`);

    // Fresh page loads of #/calendar.
    const open: number[] = [];
    for (let i = 0; i <= runs; i++) {
      await page.goto(`${origin}/?run=${i}#/calendar`);
      const painted = await firstPainted(page, EVENTS);
      if (i > 0) open.push(painted.at); // the first load warms the server and the browser's caches
    }

    // Counting what is on screen: drawn in cells plus «+ ещё N» = all 1,000.
    const shown = (await page.evaluate(`({
      drawn: [...document.querySelectorAll('.fc-daygrid-day-events .fc-event:not(.ev-more)')].filter((el) => el.checkVisibility({ visibilityProperty: true })).length,
      more: [...document.querySelectorAll('.fc-daygrid-more-link, .fc-event.ev-more')]
        .filter((el) => el.checkVisibility({ visibilityProperty: true }))
        .reduce((n, a) => n + Number((/\\d+/.exec(a.textContent || '') || [0])[0]), 0),
    })`)) as { drawn: number; more: number };

    // Switching months: July → June (1,000), in the page's own clock.
    const sw: number[] = [];
    const fetch: number[] = [];
    const render: number[] = [];
    const next = `document.querySelector('button[aria-label="Следующий месяц"]').click()`;
    const prev = `document.querySelector('button[aria-label="Предыдущий месяц"]').click()`;
    for (let i = 0; i <= runs; i++) {
      await paintedAfter(page, next, null);
      const p = await paintedAfter(page, prev, EVENTS);
      if (i === 0) continue;
      sw.push(p.sinceAct);
      fetch.push(p.fetchMs);
      render.push(p.renderMs);
    }

    const result: CalendarRenderBenchResult = {
      events: EVENTS,
      month: '2026-06',
      runs,
      switchP50Ms: pct(sw, 50),
      switchP95Ms: pct(sw, 95),
      fetchP50Ms: pct(fetch, 50),
      renderP50Ms: pct(render, 50),
      renderP95Ms: pct(render, 95),
      openP50Ms: pct(open, 50),
      openP95Ms: pct(open, 95),
      drawn: shown.drawn,
      behindMore: shown.more,
      goalMs: 200,
      ok: false,
    };
    // Judged on the median, as the expansion benchmark: p95 on a shared 2-core machine mostly measures other processes.
    result.ok = result.switchP50Ms <= result.goalMs && shown.drawn + shown.more === EVENTS;
    const f = (n: number) => n.toFixed(0);
    log(`Календарь в Chromium: месячная сетка июня 2026 г. с ${EVENTS} мероприятиями (${runs} прогонов; браузер в Europe/Moscow, организация в Asia/Barnaul)`);
    log(`  на экране: ${shown.drawn} в клетках + ${shown.more} за «+ ещё N» = ${shown.drawn + shown.more}`);
    log(`  переход на месяц → сетка нарисована: p50 ${f(result.switchP50Ms)} мс, p95 ${f(result.switchP95Ms)} мс`);
    log(`    из них calendar.list по HTTP: p50 ${f(result.fetchP50Ms)} мс; FullCalendar (раскладка и отрисовка): p50 ${f(result.renderP50Ms)} мс, p95 ${f(result.renderP95Ms)} мс`);
    log(`  открытие страницы #/calendar → сетка нарисована (с запуском приложения): p50 ${f(result.openP50Ms)} мс, p95 ${f(result.openP95Ms)} мс`);
    log(`  цель ≤ ${result.goalMs} мс (медиана перехода на месяц): ${result.ok ? 'выполнена' : 'НЕ выполнена'}`);
    return result;
  } finally {
    await browser.close();
    if (server && server.exitCode === null) {
      const s = server;
      await new Promise<void>((resolve) => {
        s.once('exit', () => resolve());
        s.kill('SIGTERM');
      });
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  benchCalendarRender()
    .then((r) => process.exit(r.ok ? 0 : 1))
    .catch((err) => {
      console.error(err);
      process.exit(1);
    });
}
