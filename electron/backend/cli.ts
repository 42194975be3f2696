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

const HELP = `Пресс-деск — командная строка

Использование: press-desk [--data-dir ПАПКА] КОМАНДА [параметры]

Команды:
  demo [--years N] [--scale N]      заполнить новую папку данных демо-городом (N лет данных;
                                    --scale добавляет N синтетических записей для нагрузочных проверок)
  backup [--out ФАЙЛ]               резервная копия (без --out — в папку backups внутри папки данных)
  restore ФАЙЛ                      восстановить данные из резервной копии или архива (.pdbackup)
  check                             проверить целостность папки данных
  export outlets --out ФАЙЛ.docx [--include-archived]
                                    справочник СМИ в Word
  call МЕТОД ['JSON']               вызвать любой метод программы (список: press-desk methods)
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
  if (result.kind !== 'file') return result.path;
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

export async function runCli(argv: string[], log: (line: string) => void = console.log): Promise<number> {
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
  const known = ['demo', 'backup', 'restore', 'check', 'export', 'call'];
  if (!known.includes(command)) throw new CliError(`Неизвестная команда «${command}». Справка: press-desk --help`);

  const dataDir = resolveDataDir(argv);
  const backend = await openBackend({ dataDir });
  try {
    const store = backend.ctx.store;
    if (store.readOnly && command !== 'check' && command !== 'export' && !(command === 'backup' && option(rest, '--out'))) {
      const h = store.lockHolder;
      log(`Внимание: папку данных использует ${h?.user ?? '?'} на компьютере ${h?.host ?? '?'} — открыто только для чтения.`);
    }
    for (const r of store.recoveries) log(`Восстановление: ${r.message}`);
    switch (command) {
      case 'demo': {
        const years = intOption(rest, '--years', 1);
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
        if (what !== 'outlets') throw new CliError(`Неизвестный вид выгрузки «${what ?? ''}». Доступно: outlets.`);
        if (!out) throw new CliError('Укажите файл: --out ФАЙЛ.docx');
        const file = saveExport(await call(backend, 'outlets.exportDocx', { includeArchived: rest.includes('--include-archived') }), out);
        log(`Справочник СМИ сохранён: ${file}`);
        return 0;
      }
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
  runCli(process.argv.slice(2))
    .then((code) => process.exit(code))
    .catch((err) => {
      console.error(err instanceof CliError ? `Ошибка: ${err.message}` : err);
      process.exit(err instanceof CliError ? 2 : 1);
    });
}
