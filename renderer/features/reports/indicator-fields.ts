/** The fields of each indicator kind as the table and the form show them. */
import { csvColumns, platforms, type IndicatorKind } from '../../../electron/backend/features/reports/api-types';
import { dayText } from './model';
import type { IndicatorRow } from './types';
import { todayIn } from '../releases/util';

export type FieldType = 'date' | 'count' | 'text' | 'platform' | 'long';
export interface FieldSpec {
  name: string;
  label: string;
  type: FieldType;
  required: boolean;
}

const typeOf: Record<string, FieldType> = {
  date: 'date',
  from: 'date',
  to: 'date',
  platform: 'platform',
  count: 'count',
  participants: 'count',
  received: 'count',
  answered: 'count',
  answeredOnTime: 'count',
  topic: 'long',
  result: 'long',
};

/** Same order and names as the CSV columns, so the table, the form and the file agree. */
export const fieldsOf = (kind: IndicatorKind): FieldSpec[] =>
  csvColumns[kind].map((c) => ({ name: c.name, label: c.label, type: typeOf[c.name] ?? 'text', required: !c.optional }));

export const platformOptions = Object.entries(platforms).map(([value, label]) => ({ value, label }));

const int = new Intl.NumberFormat('ru-RU');

export function cellText(field: FieldSpec, row: IndicatorRow): string {
  const v = (row as unknown as Record<string, unknown>)[field.name];
  if (v === undefined || v === null || v === '') return '';
  if (field.type === 'date') return dayText(String(v));
  if (field.type === 'count') return int.format(Number(v));
  if (field.type === 'platform') return platforms[v as keyof typeof platforms] ?? String(v);
  return String(v);
}

/** A form's text values → the row the backend checks (numbers as numbers; what is not a number stays text, so its error names the field). */
export function rowOf(fields: FieldSpec[], values: Record<string, string>, id?: string): Record<string, unknown> {
  const row: Record<string, unknown> = id ? { id } : {};
  for (const f of fields) {
    const raw = (values[f.name] ?? '').trim();
    if (f.type === 'count') {
      const n = Number(raw.replace(/[\s\u00a0]/g, ''));
      row[f.name] = raw !== '' && Number.isFinite(n) ? n : raw;
    } else row[f.name] = raw;
  }
  return row;
}

export function valuesOf(fields: FieldSpec[], row: IndicatorRow | null, timeZone: string): Record<string, string> {
  const today = todayIn(timeZone); // the organisation's today, not UTC's
  return Object.fromEntries(
    fields.map((f) => {
      const v = row ? (row as unknown as Record<string, unknown>)[f.name] : undefined;
      if (v !== undefined && v !== null) return [f.name, String(v)];
      return [f.name, f.type === 'platform' ? 'vk' : f.type === 'date' && f.name !== 'from' ? today : ''];
    }),
  );
}

/** The sample file: a header of Russian column names and one example line. */
export function sampleCsv(kind: IndicatorKind): string {
  const cols = csvColumns[kind];
  const quote = (s: string) => (/[;"\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return `${cols.map((c) => quote(c.label)).join(';')}\r\n${cols.map((c) => quote(c.example)).join(';')}\r\n`;
}
