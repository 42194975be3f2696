/**
 * `press-desk`: the same handlers as the UI, without a window.
 * Every command honours --data-dir DIR and PRESS_DESK_DATA_DIR.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { api, type ExportResult } from './api.js';
import { openBackend, type Backend } from './app.js';
import { resolveDataDir } from './paths.js';
import { resolveSessionRef } from './features/direct-lines/sessions.js';
import { runSyncCli, SYNC_HELP, SyncCliError } from './cli-sync.js';

const HELP = `Пресс-деск — командная строка

Использование: press-desk [--data-dir ПАПКА] КОМАНДА [параметры]

Команды:
  demo [--years N] [--scale N]      заполнить новую папку данных демо-городом (N лет данных, по умолчанию 3;
                                    --scale добавляет N синтетических записей для нагрузочных проверок)
  backup [--out ФАЙЛ]               резервная копия (без --out — в папку backups внутри папки данных)
  restore ФАЙЛ                      восстановить данные из резервной копии или архива (.pdbackup)
  check                             проверить целостность папки данных
  export outlets --out ФАЙЛ.docx [--include-archived]
                                    справочник СМИ в Word
  export contracts [--year ГОД] --out ФАЙЛ.docx
                                    реестр контрактов со СМИ за год (без --year — текущий год)
  export contract НОМЕР --out ФАЙЛ.docx
                                    ведомость исполнения одного контракта: публикации, акты, платежи, остаток
  export acts [--year ГОД] --out ФАЙЛ.docx
                                    реестр опубликованных муниципальных правовых актов за год
  export direct-line ID|ДАТА --kind qa|assignments --out ФАЙЛ.docx [--without-unanswered]
                                    прямая линия (идентификатор или дата ГГГГ-ММ-ДД): qa — вопросы и ответы
                                    для газеты (без неотвеченных — только с --without-unanswered),
                                    assignments — перечень поручений со сроками
  export plan --from ДАТА --to ДАТА --out ФАЙЛ.docx [--include-cancelled]
                                    план мероприятий на период (ГГГГ-ММ-ДД; неделя пн–вс или месяц —
                                    с заголовком «на неделю» / «на месяц»)
  export ics --out ФАЙЛ.ics [--from ДАТА] [--to ДАТА]
                                    календарь мероприятий для телефона (iCalendar); без дат — все
  export release ID --out ФАЙЛ.docx
                                    пресс-релиз на бланке организации (ГОСТ): текст, цитаты, фото, контакты
  export releases --from ДАТА --to ДАТА --out ФАЙЛ.docx [--status published,approved]
                                    пресс-релизы за период одним документом (по умолчанию — опубликованные)
  export report --year ГОД [--period q1|q2|q3|q4|h1|h2] --out ФАЙЛ.docx
                                    отчёт о деятельности в области информационной политики за год
                                    (или квартал, полугодие) в сравнении с тем же периодом прошлого года
${SYNC_HELP}  call МЕТОД ['JSON']               вызвать любой метод программы (список: press-desk methods)
  methods                           список методов
  --help                            эта справка

Папка данных: --data-dir ПАПКА, иначе переменная PRESS_DESK_DATA_DIR, иначе папка программы пользователя.
`;

class CliError extends Error {}

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const value = args[i + 1];
  if (!value || value.startsWith('--')) throw new CliError(`Параметр ${name}: не указано значение.`);
  return value;
}

function intOption(args: string[], name: string, fallback: number): number {
  const raw = option(args, name);
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new CliError(`Параметр ${name}: ожидается целое число, получено «${raw}».`);
  return n;
}

async function call(backend: Backend, method: string, input: unknown): Promise<any> {
  const outcome = await backend.invoke(method, input);
  if (!outcome.ok) throw new CliError(outcome.error.message);
  return outcome.result;
}

function saveExport(result: ExportResult, out: string): string {
  // Only Electron's shell turns a file into 'saved' or 'cancelled'; the CLI always gets the bytes.
  if (result.kind !== 'file') throw new CliError('метод не вернул файл.');
  fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
  fs.writeFileSync(out, Buffer.from(result.base64, 'base64'));
  return path.resolve(out);
}

/** Drops --data-dir and its value so commands see only their own arguments. */
function withoutDataDir(argv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--data-dir') i++;
    else if (!argv[i]!.startsWith('--data-dir=')) out.push(argv[i]!);
  }
  return out;
}

/**
 * `log` gets the command's output (stdout); `warn` gets notices about the folder (stderr), so the
 * output of `call` stays clean JSON for scripts even when the folder is read-only.
 */
export async function runCli(argv: string[], log: (line: string) => void = console.log, warn: (line: string) => void = console.error): Promise<number> {
  const dirAt = argv.indexOf('--data-dir');
  if (dirAt >= 0 && (!argv[dirAt + 1] || argv[dirAt + 1]!.startsWith('--')))
    throw new CliError('Параметр --data-dir: не указана папка данных.');
  if (argv.some((a) => a === '--data-dir=')) throw new CliError('Параметр --data-dir: не указана папка данных.');
  const args = withoutDataDir(argv);
  const [command, ...rest] = args;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    log(HELP);
    return 0;
  }
  if (command === 'methods') {
    for (const [name, spec] of Object.entries(api)) log(`${name}${spec.writes ? '  (изменяет данные)' : ''}`);
    return 0;
  }
  const known = ['demo', 'backup', 'restore', 'check', 'export', 'call', 'site', 'publish', 'sync'];
  if (!known.includes(command)) throw new CliError(`Неизвестная команда «${command}». Справка: press-desk --help`);

  const dataDir = resolveDataDir(argv);
  // `check` only looks: opened read-only, a damaged file is reported as it is on disk, not repaired first.
  const backend = await openBackend({ dataDir, readOnly: command === 'check' });
  try {
    const store = backend.ctx.store;
    if (store.readOnly && command !== 'check' && command !== 'export' && !(command === 'backup' && option(rest, '--out'))) {
      const h = store.lockHolder;
      warn(`Внимание: папку данных использует ${h?.user ?? '?'} на компьютере ${h?.host ?? '?'} — открыто только для чтения.`);
    }
    for (const r of store.recoveries) warn(`Восстановление: ${r.message}`);
    switch (command) {
      case 'demo': {
        const years = intOption(rest, '--years', 3);
        const scale = intOption(rest, '--scale', 0);
        const { counts } = await call(backend, 'system.fillDemo', { years, scale });
        log(`Демо-данные записаны в ${dataDir}: ${Object.entries(counts).map(([k, v]) => `${k} — ${v}`).join(', ')}.`);
        return 0;
      }
      case 'backup': {
        const out = option(rest, '--out');
        if (out) {
          const file = saveExport(await call(backend, 'system.exportArchive', {}), out);
          log(`Архив данных сохранён: ${file}`);
        } else {
          const { file } = await call(backend, 'system.backupNow', {});
          log(`Резервная копия создана: ${file}`);
        }
        return 0;
      }
      case 'restore': {
        const file = rest[0];
        if (!file) throw new CliError('Укажите файл: press-desk restore ФАЙЛ.pdbackup');
        if (!fs.existsSync(file)) throw new CliError(`Файл не найден: ${file}`);
        const base64 = fs.readFileSync(file).toString('base64');
        const { counts } = await call(backend, 'system.importArchive', { fileName: path.basename(file), base64 });
        log(`Данные восстановлены из ${file}: ${Object.entries(counts).map(([k, v]) => `${k} — ${v}`).join(', ')}.`);
        return 0;
      }
      case 'check': {
        const report = await call(backend, 'system.check', {});
        log(`Файлов данных: ${report.files}, записей: ${report.records}, резервных копий: ${report.backups}.`);
        for (const p of report.problems) log(`Ошибка: ${p.file}: ${p.message}`);
        log(report.ok ? 'Папка данных в порядке.' : 'Найдены ошибки.');
        return report.ok ? 0 : 1;
      }
      case 'export': {
        const what = rest[0];
        const out = option(rest, '--out');
        if (what === 'contracts' || what === 'contract' || what === 'acts') {
          if (!out) throw new CliError('Укажите файл: --out ФАЙЛ.docx');
          const year = intOption(rest, '--year', new Date().getFullYear());
          if (what === 'contract') {
            const number = rest[1];
            if (!number || number.startsWith('--')) throw new CliError('Укажите номер контракта: press-desk export contract НОМЕР --out ФАЙЛ.docx');
            const same = (s: string) => s.toLocaleLowerCase('ru-RU').replace(/\s+/g, '');
            const rows: { id: string; number: string; date: string; outlet: { name: string } }[] = (await call(backend, 'contracts.list', {})).rows;
            const found = rows.filter((r) => same(r.number) === same(number));
            if (found.length === 0) throw new CliError(`Контракт № ${number} не найден в реестре.`);
            if (found.length > 1)
              throw new CliError(`Контрактов № ${number} несколько: ${found.map((r) => `${r.outlet.name} от ${r.date} (id ${r.id})`).join('; ')}. Выгрузите нужный: press-desk call contracts.exportStatement '{"id":"…"}'.`);
            log(`Ведомость контракта сохранена: ${saveExport(await call(backend, 'contracts.exportStatement', { id: found[0]!.id }), out)}`);
          } else if (what === 'contracts') log(`Реестр контрактов за ${year} год сохранён: ${saveExport(await call(backend, 'contracts.exportRegister', { year }), out)}`);
          else log(`Реестр опубликованных актов за ${year} год сохранён: ${saveExport(await call(backend, 'contracts.exportActsRegister', { year }), out)}`);
          return 0;
        }
        if (what === 'direct-line') {
          const ref = rest[1];
          const kind = option(rest, '--kind');
          if (!ref || ref.startsWith('--')) throw new CliError('Укажите прямую линию: press-desk export direct-line ID|ДАТА --kind qa|assignments --out ФАЙЛ.docx');
          if (kind !== 'qa' && kind !== 'assignments') throw new CliError('Укажите вид: --kind qa (вопросы и ответы) или --kind assignments (поручения).');
          if (!out) throw new CliError('Укажите файл: --out ФАЙЛ.docx');
          let id: string;
          try {
            id = resolveSessionRef(store, ref).id;
          } catch (err) {
            throw new CliError((err as Error).message);
          }
          if (kind === 'qa') {
            const qa = await call(backend, 'directLines.exportQa', { id, publishWithoutUnanswered: rest.includes('--without-unanswered') }).catch((err: Error) => {
              throw new CliError(err.message.includes('без них') ? `${err.message} В командной строке: --without-unanswered.` : err.message);
            });
            log(`Вопросы и ответы сохранены: ${saveExport(qa, out)}`);
          }
          else log(`Перечень поручений сохранён: ${saveExport(await call(backend, 'directLines.exportAssignments', { id }), out)}`);
          return 0;
        }
        if (what === 'plan' || what === 'ics') {
          const from = option(rest, '--from');
          const to = option(rest, '--to');
          if (what === 'plan') {
            if (!from || !to) throw new CliError('Укажите период: press-desk export plan --from ГГГГ-ММ-ДД --to ГГГГ-ММ-ДД --out ФАЙЛ.docx');
            if (!out) throw new CliError('Укажите файл: --out ФАЙЛ.docx');
            log(`План мероприятий сохранён: ${saveExport(await call(backend, 'calendar.exportPlan', { from, to, includeCancelled: rest.includes('--include-cancelled') }), out)}`);
          } else {
            if (!out) throw new CliError('Укажите файл: --out ФАЙЛ.ics');
            log(`Календарь мероприятий сохранён: ${saveExport(await call(backend, 'calendar.exportIcs', { from, to }), out)}`);
          }
          return 0;
        }
        if (what === 'release' || what === 'releases') {
          if (!out) throw new CliError('Укажите файл: --out ФАЙЛ.docx');
          if (what === 'release') {
            const id = rest[1];
            if (!id || id.startsWith('--')) throw new CliError('Укажите релиз: press-desk export release ID --out ФАЙЛ.docx (ID — из press-desk call releases.list)');
            log(`Релиз сохранён: ${saveExport(await call(backend, 'releases.exportDocx', { id }), out)}`);
          } else {
            const from = option(rest, '--from');
            const to = option(rest, '--to');
            if (!from || !to) throw new CliError('Укажите период: press-desk export releases --from ГГГГ-ММ-ДД --to ГГГГ-ММ-ДД --out ФАЙЛ.docx');
            const statuses = option(rest, '--status')?.split(',').map((s) => s.trim()).filter(Boolean);
            log(`Релизы за период сохранены: ${saveExport(await call(backend, 'releases.exportBatch', { from, to, ...(statuses ? { statuses } : {}) }), out)}`);
          }
          return 0;
        }
        if (what === 'report') {
          if (!out) throw new CliError('Укажите файл: --out ФАЙЛ.docx');
          const raw = option(rest, '--year');
          if (!raw) throw new CliError('Укажите год: press-desk export report --year ГОД [--period q1|q2|q3|q4|h1|h2] --out ФАЙЛ.docx');
          const year = intOption(rest, '--year', 0);
          const period = option(rest, '--period') ?? 'year';
          if (!['year', 'q1', 'q2', 'q3', 'q4', 'h1', 'h2'].includes(period)) throw new CliError(`Параметр --period: ожидается q1, q2, q3, q4, h1 или h2, получено «${period}».`);
          log(`Отчёт сохранён: ${saveExport(await call(backend, 'reports.exportDocx', { year, period }), out)}`);
          return 0;
        }
        if (what !== 'outlets') throw new CliError(`Неизвестный вид выгрузки «${what ?? ''}». Доступно: outlets, contracts, contract, acts, direct-line, plan, ics, release, releases, report.`);
        if (!out) throw new CliError('Укажите файл: --out ФАЙЛ.docx');
        const file = saveExport(await call(backend, 'outlets.exportDocx', { includeArchived: rest.includes('--include-archived') }), out);
        log(`Справочник СМИ сохранён: ${file}`);
        return 0;
      }
      case 'site':
      case 'publish':
      case 'sync':
        if (store.readOnly && !(command === 'sync' && rest.includes('--status')) && !(command === 'site' && rest.length === 0))
          throw new CliError('Папку данных сейчас использует приложение: оно само отправляет очередь на сайт. Закройте его или выполните команду позже.');
        return await runSyncCli(command, rest, backend, (m, i) => call(backend, m, i), log, warn).catch((err) => {
          throw err instanceof SyncCliError ? new CliError(err.message) : err;
        });
      case 'call': {
        const [method, json] = rest;
        if (!method) throw new CliError('Укажите метод: press-desk call outlets.list \'{"query":"газета"}\'');
        let input: unknown;
        try {
          input = json ? JSON.parse(json) : undefined;
        } catch {
          throw new CliError('Параметры метода должны быть в формате JSON.');
        }
        log(JSON.stringify(await call(backend, method, input), null, 2));
        return 0;
      }
    }
    return 0;
  } finally {
    await backend.close();
  }
}

if (process.argv[1] && fs.realpathSync(fileURLToPath(import.meta.url)) === fs.realpathSync(path.resolve(process.argv[1]))) {
  // Exit only once stdout and stderr are flushed: into a pipe, process.exit() would cut long output.
  const exitAfterFlush = (code: number) => process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
  runCli(process.argv.slice(2))
    .then(exitAfterFlush)
    .catch((err) => {
      console.error(err instanceof CliError ? `Ошибка: ${err.message}` : err);
      exitAfterFlush(err instanceof CliError ? 2 : 1);
    });
}
