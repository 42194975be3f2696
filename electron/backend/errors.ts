import { z } from 'zod';

export type ErrorCode = 'validation' | 'not_found' | 'read_only' | 'conflict' | 'unknown_method' | 'internal';

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

export const notFound = (what: string) => new AppError('not_found', `${what} не найден(а). Возможно, запись удалена в другом окне.`);

/** An error about one field, raised by a handler's own rule (not by the schema). */
export function fieldError(field: string, label: string, message: string): AppError {
  return new AppError('validation', `Поле «${label}»: ${message}`, [{ field, label, message }]);
}

const typeNames: Record<string, string> = {
  string: 'текст',
  number: 'число',
  boolean: 'да или нет',
  array: 'список',
  object: 'объект',
  date: 'дата',
};

function plainMessage(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null) return 'обязательное поле';
      return `ожидается ${typeNames[issue.expected] ?? issue.expected}`;
    case 'too_big':
      if (issue.origin === 'string') return `слишком длинно: не более ${issue.maximum} символов`;
      if (issue.origin === 'array') return `слишком много элементов: не более ${issue.maximum}`;
      return `не больше ${issue.maximum}`;
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? 'обязательное поле' : `не короче ${issue.minimum} символов`;
      if (issue.origin === 'array') return `нужно не меньше ${issue.minimum}`;
      return `не меньше ${issue.minimum}`;
    case 'invalid_format':
      if (issue.format === 'email') return 'это не адрес электронной почты (пример: press@admin.ru)';
      if (issue.format === 'url') return 'это не адрес сайта (пример: https://admin.ru)';
      if (issue.format === 'date' || issue.format === 'datetime') return 'неверная дата';
      return undefined;
    case 'invalid_value':
      return `допустимые значения: ${issue.values.map(String).join(', ')}`;
    case 'unrecognized_keys':
      return `неизвестные поля: ${issue.keys.join(', ')}`;
    default:
      return undefined;
  }
}

z.config(z.locales.ru());
z.config({ customError: (issue) => plainMessage(issue) });

function inner(schema: z.core.$ZodType): z.core.$ZodType | undefined {
  const def = schema._zod.def as { innerType?: z.core.$ZodType; in?: z.core.$ZodType };
  return def.innerType ?? def.in;
}

/** Finds the human label (set with .describe()) of the field at `path`, walking wrappers, objects and arrays. */
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
    const key = path[i++];
    const def = node._zod.def as { type: string; shape?: Record<string, z.core.$ZodType>; element?: z.core.$ZodType };
    if (def.type === 'object' && def.shape) node = def.shape[String(key)];
    else if (def.type === 'array' && def.element) node = def.element;
    else node = undefined;
    if (i === path.length && node) label = described(node) ?? (typeof key === 'string' ? key : label);
  }
  return label;
}

function formatPath(path: PropertyKey[]): string {
  return path.map(String).join('.');
}

export function validationError(schema: z.ZodType, error: z.ZodError): AppError {
  const issues: FieldIssue[] = error.issues.map((issue) => {
    const field = formatPath(issue.path);
    const label = labelFor(schema, issue.path) ?? (field || 'запрос');
    const position = issue.path.filter((p) => typeof p === 'number').map((n) => ` № ${Number(n) + 1}`).join('');
    return { field, label: label + position, message: issue.message };
  });
  const first = issues[0]!;
  const more = issues.length > 1 ? ` (и ещё ошибок: ${issues.length - 1})` : '';
  return new AppError('validation', `Поле «${first.label}»: ${first.message}${more}`, issues);
}

export function toErrorBody(err: unknown): ApiErrorBody {
  if (err instanceof AppError) return err.toBody();
  const message = err instanceof Error ? err.message : String(err);
  return { code: 'internal', message: `Внутренняя ошибка: ${message}` };
}
