/** `call` (the result, or throw with the Russian message) and `fail` (the error it must give) over a backend. */
import type { Method } from '../../electron/backend/api.js';
import type { Backend } from '../../electron/backend/app.js';

export function callersOf(backend: Pick<Backend, 'invoke'>) {
  const call = async (method: Method, input: unknown) => {
    const o = await backend.invoke(method, input);
    if (!o.ok) throw new Error(`${method}: ${o.error.message}`);
    return o.result;
  };
  const fail = async (method: Method, input: unknown) => {
    const o = await backend.invoke(method, input);
    if (o.ok) throw new Error(`${method} was expected to fail, but succeeded`);
    return o.error;
  };
  return { call, fail };
}
