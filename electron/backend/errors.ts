import { z } from 'zod';

export type ErrorCode = 'validation' | 'not_found' | 'read_only' | 'conflict' | 'unknown_method' | 'access_denied' | 'too_large' | 'internal';

export interface FieldIssue {
  field: string;
  label: string;
  message: string;
}

/** The one error shape every transport carries to the UI: a Russian message, and the fields at fault. */
export interface ApiErrorBody {
  code: ErrorCode;
  message: string;
  issues?: FieldIssue[];
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: FieldIssue[],
  ) {
    super(message);
  }
  toBody(): ApiErrorBody {
    return { code: this.code, message: this.message, ...(this.issues ? { issues: this.issues } : {}) };
  }
}

/** notFound('СМИ не найдено') → «СМИ не найдено. Возможно, запись удалена в другом окне.» */
export const notFound = (sentence: string) => new AppError('not_found', `${sentence}. Возможно, запись удалена в другом окне.`);

/** An error about one field, raised by a handler's own rule (not by the schema). */
export function fieldError(field: string, label: string, message: string): AppError {
  return new AppError('validation', `Поле «${label}»: ${message}`, [{ field, label, message }]);
}

const typeNames: Record<string, string> = {
  string: 'текст',
  number: 'число',
  int: 'целое число',
  bigint: 'целое число',
  boolean: 'да или нет',
  array: 'список',
  object: 'объект',
  date: 'дата',
};

/** 10000 → «10 000» (with a no-break space), as Russian text writes numbers. */
const num = (n: unknown) => (typeof n === 'number' || typeof n === 'bigint' ? n.toLocaleString('ru-RU') : String(n));

function plainMessage(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null) return 'обязательное поле';
      // NaN and ±Infinity are of type number to JavaScript, not to the user.
      if (issue.expected === 'number' && typeof issue.input === 'number') return Number.isNaN(issue.input) ? 'ожидается число' : 'ожидается конечное число';
      return `ожидается ${typeNames[issue.expected] ?? issue.expected}`;
    case 'too_big':
      if (issue.origin === 'string') return `слишком длинно: не более ${num(issue.maximum)} символов`;
      if (issue.origin === 'array') return `слишком много элементов: не более ${num(issue.maximum)}`;
      if (issue.origin === 'int' && Number(issue.maximum) >= Number.MAX_SAFE_INTEGER) return 'слишком большое число';
      return `не больше ${num(issue.maximum)}`;
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? 'обязательное поле' : `не короче ${num(issue.minimum)} символов`;
      if (issue.origin === 'array') return `нужно не меньше ${num(issue.minimum)}`;
      return `не меньше ${num(issue.minimum)}`;
    case 'invalid_format':
      if (issue.format === 'email') return 'это не адрес электронной почты (пример: press@admin.ru)';
      if (issue.format === 'url') return 'это не адрес сайта (пример: https://admin.ru)';
      if (issue.format === 'date' || issue.format === 'datetime') return 'неверная дата';
      return undefined;
    case 'invalid_value':
      // Enums with Russian names of their values set their own message (schema-kit's choice()).
      if (issue.input === undefined) return 'обязательное поле';
      return `допустимые значения: ${issue.values.map(String).join(', ')}`;
    case 'invalid_union': {
      // «'' or an e-mail» given a number: say what type is expected rather than zod's «Неверные входные данные».
      if (issue.input === undefined || issue.input === null) return 'обязательное поле';
      const inner = (issue.errors ?? []).flat();
      const typed = inner.find((i) => i.code === 'invalid_type');
      if (typed && inner.every((i) => i.code === 'invalid_type' || i.code === 'invalid_value')) return typed.message;
      return 'неверное значение';
    }
    case 'unrecognized_keys':
      return `неизвестные поля: ${issue.keys.join(', ')}`;
    default:
      return undefined;
  }
}

z.config(z.locales.ru());
z.config({ customError: (issue) => plainMessage(issue) });

/** The schema inside a wrapper (optional, default, nullable, catch, readonly, pipe, lazy), if `schema` is one. */
function inner(schema: z.core.$ZodType): z.core.$ZodType | undefined {
  const def = schema._zod.def as { type: string; innerType?: z.core.$ZodType; in?: z.core.$ZodType; getter?: () => z.core.$ZodType };
  return def.innerType ?? def.in ?? (def.type === 'lazy' ? def.getter?.() : undefined);
}

/** The schema of `key` inside an object, array, record, tuple or union (the first option that has it). */
function child(node: z.core.$ZodType, key: PropertyKey): z.core.$ZodType | undefined {
  const def = node._zod.def as {
    type: string;
    shape?: Record<string, z.core.$ZodType>;
    element?: z.core.$ZodType;
    valueType?: z.core.$ZodType;
    items?: z.core.$ZodType[];
    rest?: z.core.$ZodType | null;
    options?: z.core.$ZodType[];
  };
  switch (def.type) {
    case 'object':
      return def.shape?.[String(key)];
    case 'array':
      return def.element;
    case 'record':
      return def.valueType;
    case 'tuple':
      return def.items?.[Number(key)] ?? def.rest ?? undefined;
    case 'union':
      for (const option of def.options ?? []) {
        let n: z.core.$ZodType | undefined = option;
        while (n && inner(n)) n = inner(n);
        const found = n && child(n, key);
        if (found) return found;
      }
      return undefined;
    default:
      return undefined;
  }
}

/** Finds the human label (set with .describe()) of the field at `path`, walking wrappers, objects, arrays, records, tuples and unions. */
export function labelFor(schema: z.core.$ZodType, path: PropertyKey[]): string | undefined {
  let node: z.core.$ZodType | undefined = schema;
  let label: string | undefined;
  const described = (s: z.core.$ZodType) => z.globalRegistry.get(s)?.description;
  for (let i = 0; i <= path.length && node; ) {
    label = described(node) ?? label;
    const unwrapped = inner(node);
    if (unwrapped) {
      node = unwrapped;
      continue;
    }
    if (i === path.length) break;
    const key = path[i++]!;
    node = child(node, key);
    if (i === path.length && node) label = described(node) ?? (typeof key === 'string' ? key : label);
  }
  return label;
}

function formatPath(path: PropertyKey[]): string {
  return path.map(String).join('.');
}

/** The label of the request as a whole (an issue with an empty path: not an object, nothing sent). */
export const ROOT_LABEL = 'Параметры запроса';

export function validationError(schema: z.ZodType, error: z.ZodError): AppError {
  const issues: FieldIssue[] = error.issues.map((issue) => {
    const field = formatPath(issue.path);
    if (issue.path.length === 0) return { field, label: labelFor(schema, []) ?? ROOT_LABEL, message: issue.message };
    const label = labelFor(schema, issue.path) ?? field;
    // «E-mail контакта № 1»; in a list inside a list the outer item is named too: «Тег № 2 (Контакт № 1)».
    const indices = issue.path.flatMap((p, at) => (typeof p === 'number' ? [{ n: p + 1, at }] : []));
    const last = indices.pop();
    const outer = indices.reverse().map(({ n, at }) => ` (${labelFor(schema, issue.path.slice(0, at + 1)) ?? ''} № ${n})`);
    return { field, label: label + (last ? ` № ${last.n}` : '') + outer.join(''), message: issue.message };
  });
  const first = issues[0]!;
  const more = issues.length > 1 ? ` (и ещё ошибок: ${issues.length - 1})` : '';
  const head =
    first.field !== ''
      ? `Поле «${first.label}»: ${first.message}`
      : first.message === 'обязательное поле'
        ? `${first.label} не переданы`
        : `${first.label}: ${first.message}`;
  return new AppError('validation', head + more, issues);
}

export function toErrorBody(err: unknown): ApiErrorBody {
  if (err instanceof AppError) return err.toBody();
  const message = err instanceof Error ? err.message : String(err);
  return { code: 'internal', message: `Внутренняя ошибка: ${message}` };
}
