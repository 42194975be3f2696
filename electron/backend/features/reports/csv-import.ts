/**
 * CSV import of indicators, all or nothing: every line is checked first, and the first fault refused
 * names its line and column («Строка 4, столбец «Подписчиков»: не может быть отрицательным»).
 * Separator «;» (Excel in Russian) or «,», taken from the header line; quotes as in RFC 4180;
 * dates ДД.ММ.ГГГГ or ГГГГ-ММ-ДД; numbers may carry spaces between thousands.
 */
import { randomUUID } from 'node:crypto';
import type { Ctx } from '../../context.js';
import { AppError } from '../../errors.js';
import { parseInput } from '../../schema-kit.js';
import { csvColumns, platforms, type IndicatorKind } from './api-types.js';
import { indicatorSchemas } from './schema.js';

const MAX_ROWS = 50_000;

/** Splits CSV text into rows of cells; `lines[i]` is the line number (1-based) row i starts on. */
export function parseCsv(text: string, sep: string): { rows: string[][]; lines: number[] } {
  const rows: string[][] = [];
  const lines: number[] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        cell += c;
      }
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === sep) row.push(cell), (cell = '');
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      lines.push(rowLine);
      row = [];
      cell = '';
      rowLine = ++line;
    } else cell += c;
  }
  if (cell !== '' || row.length) row.push(cell), rows.push(row), lines.push(rowLine);
  return { rows, lines };
}

const norm = (s: string) => s.trim().toLocaleLowerCase('ru-RU').replace(/ё/g, 'е');
const platformByName = new Map<string, string>([
  ...Object.entries(platforms).map(([code, name]) => [norm(name), code] as const),
  ...Object.keys(platforms).map((code) => [code, code] as const),
  ['вк', 'vk'], ['вконтакте', 'vk'], ['ок', 'ok'], ['телеграм', 'telegram'], ['телеграмм', 'telegram'], ['госпаблик', 'gosp'], ['другое', 'other'],
]);

type Cell = { ok: true; value: unknown } | { ok: false; message: string };

function toDate(raw: string): Cell {
  const s = raw.trim();
  const ru = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  const [y, m, d] = ru ? [+ru[3]!, +ru[2]!, +ru[1]!] : iso ? [+iso[1]!, +iso[2]!, +iso[3]!] : [0, 0, 0];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (!y || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
    return { ok: false, message: `неверная дата «${s}» (пример: 31.12.2026 или 2026-12-31)` };
  return { ok: true, value: `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` };
}

function toCount(raw: string): Cell {
  const s = raw.replace(/[\s\u00a0\u202f]/g, '');
  if (!/^-?\d+$/.test(s)) return { ok: false, message: `ожидается целое число, получено «${raw.trim()}»` };
  const n = Number(s);
  if (n < 0) return { ok: false, message: `не может быть отрицательным (${raw.trim()})` };
  return { ok: true, value: n };
}

function toPlatform(raw: string): Cell {
  const code = platformByName.get(norm(raw));
  return code ? { ok: true, value: code } : { ok: false, message: `неизвестная площадка «${raw.trim()}» (допустимо: ${Object.values(platforms).join(', ')})` };
}

const converters: Record<string, (raw: string) => Cell> = {
  date: toDate,
  from: toDate,
  to: toDate,
  count: toCount,
  participants: toCount,
  received: toCount,
  answered: toCount,
  answeredOnTime: toCount,
  platform: toPlatform,
};

const fail = (line: number, column: string, message: string) =>
  new AppError('validation', `Строка ${line}, столбец «${column}»: ${message}. Ничего не импортировано.`, [{ field: `line${line}.${column}`, label: `Строка ${line}, столбец «${column}»`, message }]);

/** Reads and checks the whole file; throws on the first fault. */
export function readIndicatorCsv(kind: IndicatorKind, text: string): Record<string, unknown>[] {
  const clean = text.replace(/^\uFEFF/, '');
  const headerLine = clean.split(/\r?\n/, 1)[0] ?? '';
  const sep = (headerLine.match(/;/g)?.length ?? 0) >= (headerLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const { rows, lines } = parseCsv(clean, sep);
  const columns = csvColumns[kind];
  const header = rows[0] ?? [];
  const index = new Map<string, number>();
  header.forEach((h, i) => {
    const col = columns.find((c) => norm(c.label) === norm(h) || norm(c.name) === norm(h));
    if (!col) throw fail(1, h.trim() || `№ ${i + 1}`, `неизвестный столбец; ожидаются: ${columns.map((c) => c.label).join(sep === ';' ? '; ' : ', ')}`);
    if (index.has(col.name)) throw fail(1, h.trim(), 'столбец повторяется');
    index.set(col.name, i);
  });
  for (const col of columns) if (!col.optional && !index.has(col.name)) throw fail(1, col.label, 'нет такого столбца в заголовке');
  const out: Record<string, unknown>[] = [];
  const schema = indicatorSchemas[kind];
  for (let r = 1; r < rows.length; r++) {
    const cells = rows[r]!;
    const line = lines[r]!;
    if (cells.every((c) => c.trim() === '')) continue;
    if (cells.length > header.length) throw fail(line, `№ ${header.length + 1}`, `лишний столбец: в заголовке ${header.length}`);
    const record: Record<string, unknown> = {};
    for (const col of columns) {
      const at = index.get(col.name);
      const raw = at === undefined ? '' : (cells[at] ?? '');
      if (raw.trim() === '') {
        if (col.optional) record[col.name] = col.name === 'source' ? 'импорт CSV' : '';
        else throw fail(line, col.label, 'пустое значение');
        continue;
      }
      const convert = converters[col.name];
      const cell = convert ? convert(raw) : ({ ok: true, value: raw.trim() } as Cell);
      if (!cell.ok) throw fail(line, col.label, cell.message);
      record[col.name] = cell.value;
    }
    const parsed = parseInput(schema, record);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const col = columns.find((c) => c.name === issue.path[0]);
      throw fail(line, col?.label ?? String(issue.path[0] ?? ''), issue.message);
    }
    out.push(parsed.data);
    if (out.length > MAX_ROWS) throw new AppError('validation', `В файле больше ${MAX_ROWS.toLocaleString('ru-RU')} строк: разделите его на части. Ничего не импортировано.`);
  }
  if (out.length === 0) throw new AppError('validation', 'В файле нет строк с данными (только заголовок). Ничего не импортировано.');
  return out;
}

export async function importCsv(ctx: Ctx, kind: IndicatorKind, text: string): Promise<{ imported: number }> {
  const rows = readIndicatorCsv(kind, text);
  const now = ctx.now().toISOString();
  await ctx.store.mutate((tx) => {
    for (const row of rows) tx.put(kind, { ...row, id: randomUUID(), createdAt: now, updatedAt: now } as never);
  });
  return { imported: rows.length };
}
