import { api, type Method, type Outcome } from './api.js';
import type { Ctx, Handler } from './context.js';
import { AppError, toErrorBody, validationError } from './errors.js';
import { handlers } from './handlers.js';
import { parseInput } from './schema-kit.js';

export type { Outcome };

export function isMethod(name: string): name is Method {
  return Object.prototype.hasOwnProperty.call(api, name);
}

/** The single door every transport uses: known method, valid input, writable folder, then the handler. */
export async function dispatch(ctx: Ctx, name: string, rawInput: unknown): Promise<Outcome> {
  try {
    if (!isMethod(name)) throw new AppError('unknown_method', `Неизвестный метод «${name}».`);
    const spec = api[name];
    const parsed = parseInput(spec.input, rawInput ?? undefined);
    if (!parsed.success) throw validationError(spec.input, parsed.error);
    if (spec.writes) ctx.store.assertWritable();
    const handler = handlers[name] as Handler<typeof name>;
    const result = await handler(parsed.data as never, ctx);
    return { ok: true, result };
  } catch (err) {
    if (!(err instanceof AppError)) console.error(`[press-desk] ${name} failed:`, err);
    return { ok: false, error: toErrorBody(err) };
  }
}
