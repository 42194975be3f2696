/**
 * `press-desk site | publish | sync`: the site commands of the CLI (cli.ts hands them over here).
 * The password is never an argument: PRESS_DESK_SITE_PASSWORD, or one line on standard input.
 */
import type { Backend } from './app.js';
import type { OutboxItemView, SiteCheck, SyncStatus } from './features/sync/api-types.js';
import { formatDateTime, formatInt } from './format.js';
import { orgTimeZone } from './features/releases/time.js';
import { runPull } from './features/sync/pull.js';
import { drain } from './features/sync/worker.js';

export const SYNC_HELP = `  site [--url АДРЕС --user ПОЛЬЗОВАТЕЛЬ]
                                    подключение к сайту WordPress: пароль приложения — из переменной
                                    PRESS_DESK_SITE_PASSWORD или одной строкой со стандартного ввода
                                    (никогда не параметром); затем проверка подключения.
                                    Без параметров — показать текущее подключение
  publish ID… [--planned]           поставить релизы в очередь на сайт (--planned — на запланированное время)
  sync [--status]                   один проход: отправить очередь, затем загрузить публикации сайта;
                                    код выхода не 0, если что-то не отправлено. --status — только состояние
`;

export class SyncCliError extends Error {}

type Call = (method: string, input: unknown) => Promise<any>;

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const v = args[i + 1];
  if (!v || v.startsWith('--')) throw new SyncCliError(`Параметр ${name}: не указано значение.`);
  return v;
}

/** One line from standard input (a pipe, or typed at a prompt). */
async function readLine(prompt: (s: string) => void): Promise<string> {
  if (process.stdin.isTTY) prompt('Пароль приложения WordPress (ввод виден на экране): ');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) {
    chunks.push(chunk as Buffer);
    if (process.stdin.isTTY && Buffer.concat(chunks).includes(10)) break;
  }
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0]!.trim();
}

const printCheck = (check: SiteCheck, log: (l: string) => void) => {
  for (const s of check.steps) log(`  ${s.ok ? '✓' : '✗'} ${s.label}: ${s.message}`);
  log(check.ok ? 'Подключение работает.' : 'Подключение не работает: см. отмеченные ✗ шаги.');
};

function printStatus(s: SyncStatus, site: { url: string; user: string }, items: OutboxItemView[], tz: string, log: (l: string) => void): void {
  if (!s.configured) return void log('Сайт не подключён: press-desk site --url АДРЕС --user ПОЛЬЗОВАТЕЛЬ');
  const when = (iso: string | null) => (iso ? formatDateTime(iso, tz) : 'не было');
  log(`Сайт: ${site.url}, пользователь ${site.user}.`);
  log(`В очереди: ${formatInt(s.waiting)}, с ошибкой: ${formatInt(s.failed)}, конфликтов: ${formatInt(s.conflicts)}.`);
  log(`Последняя отправка: ${when(s.lastSyncAt)}. Последняя загрузка публикаций сайта: ${when(s.pull.lastPullAt)}.`);
  for (const i of items) log(`  ${i.stateLabel}: ${i.actionLabel} «${i.releaseTitle}» (${i.releaseId})${i.error ? ` — ${i.error}` : ''}`);
}

export async function runSyncCli(command: string, rest: string[], backend: Backend, call: Call, log: (l: string) => void, warn: (l: string) => void): Promise<number> {
  if (command === 'site') {
    if (rest.some((a) => a === '--password' || a.startsWith('--password=')))
      throw new SyncCliError('Пароль не передаётся параметром (его видно в списке процессов и истории команд). Задайте PRESS_DESK_SITE_PASSWORD или введите его со стандартного ввода.');
    const url = option(rest, '--url');
    const user = option(rest, '--user');
    if (!url && !user) {
      const site = await call('sync.site.get', {});
      if (!site.url) log('Сайт не подключён.');
      else log(`Сайт: ${site.url}, пользователь: ${site.user}, пароль ${site.hasPassword ? 'сохранён' : 'не задан'}.`);
      log(site.secretStorage.explanation);
      return 0;
    }
    if (!url || !user) throw new SyncCliError('Укажите и адрес, и пользователя: press-desk site --url https://сайт.рф --user ИМЯ');
    const password = process.env.PRESS_DESK_SITE_PASSWORD || (await readLine(warn));
    if (!password) throw new SyncCliError('Пароль приложения не получен: задайте PRESS_DESK_SITE_PASSWORD или передайте его одной строкой на стандартный ввод.');
    const view = await call('sync.site.save', { url, user, password });
    log(`Подключение сохранено: ${view.url}, пользователь ${view.user}.`);
    log(view.secretStorage.explanation);
    const check = await call('sync.site.check', {});
    printCheck(check, log);
    return check.ok ? 0 : 1;
  }
  if (command === 'publish') {
    const ids = rest.filter((a) => !a.startsWith('--'));
    if (ids.length === 0) throw new SyncCliError('Укажите релизы: press-desk publish ID… (ID — из press-desk call releases.list)');
    const when = rest.includes('--planned') ? 'planned' : 'now';
    let failed = 0;
    for (const releaseId of ids) {
      const outcome = await backend.invoke('sync.publish', { releaseId, when });
      if (outcome.ok) log(`В очереди на сайт: «${(outcome.result as OutboxItemView).releaseTitle}» (${releaseId}).`);
      else {
        failed++;
        warn(`Ошибка: ${releaseId}: ${outcome.error.message}`);
      }
    }
    log('Отправка — командой press-desk sync или приложением, когда сайт доступен.');
    return failed ? 1 : 0;
  }
  // sync
  if (rest.includes('--status')) {
    const status: SyncStatus = await call('sync.status', {});
    const open: OutboxItemView[] = (await call('sync.outbox.list', { state: 'all' })).filter((i: OutboxItemView) => i.state !== 'done' && i.state !== 'cancelled');
    printStatus(status, await call('sync.site.get', {}), open, orgTimeZone(backend.ctx), log);
    return 0;
  }
  if (!(await call('sync.status', {})).configured) throw new SyncCliError('Сайт не подключён: press-desk site --url АДРЕС --user ПОЛЬЗОВАТЕЛЬ');
  const sent = await drain(backend.ctx, { all: true });
  log(`Отправлено: ${formatInt(sent.sent)}, с ошибкой: ${formatInt(sent.failed)}, конфликтов: ${formatInt(sent.conflicts)}, ждут: ${formatInt(sent.waiting)}.${sent.offline ? ` ${sent.offline}` : ''}`);
  const incremental = !!backend.ctx.store.get('syncSite', 'site')?.pullCursor;
  const pulled = await runPull(backend.ctx);
  if (pulled.error) warn(`Публикации сайта не загружены: ${pulled.error}`);
  else log(incremental ? `Загружено публикаций сайта, изменённых с прошлой загрузки: ${formatInt(pulled.fetched)}.` : `Загружено публикаций сайта: ${formatInt(pulled.fetched)}.`);
  const problems: OutboxItemView[] = (await call('sync.outbox.list', { state: 'all' })).filter((i: OutboxItemView) => ['failed', 'conflict', 'queued'].includes(i.state));
  for (const i of problems) warn(`  ${i.stateLabel}: «${i.releaseTitle}» (${i.releaseId})${i.error ? ` — ${i.error}` : ''}`);
  return problems.length || pulled.error ? 1 : 0;
}
