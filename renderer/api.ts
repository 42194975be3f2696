/**
 * The renderer's only way to the backend: a typed client over window.pressDesk
 * (Electron's preload) or, in browser mode, the same interface over HTTP.
 */
import type { ApiEvents, EventName, Input, Method, Outcome, Output, PressDeskBridge } from '../electron/backend/api';
import type { FieldIssue } from '../electron/backend/errors';

declare global {
  interface Window {
    pressDesk?: PressDeskBridge;
  }
}

export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly issues: FieldIssue[] = [],
  ) {
    super(message);
  }
  /** The message for one form field, if the backend named it. */
  forField(field: string): string | undefined {
    return this.issues.find((i) => i.field === field)?.message;
  }
}

const TOKEN_KEY = 'press-desk-token';

/** Browser mode: the token comes once in the URL fragment (#token=…), then lives in sessionStorage. */
function browserToken(): string {
  const match = /token=([\w-]+)/.exec(window.location.hash);
  if (match) {
    sessionStorage.setItem(TOKEN_KEY, match[1]!);
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

function httpBridge(): PressDeskBridge {
  const token = browserToken();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let source: EventSource | null = null;
  const connect = () => {
    source = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
    for (const event of ['saved', 'status', 'sync'] satisfies EventName[]) {
      source.addEventListener(event, (e) => listeners.get(event)?.forEach((l) => l(JSON.parse((e as MessageEvent).data))));
    }
  };
  return {
    async invoke(method, input) {
      try {
        const res = await fetch(`/api/${method}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-press-desk-token': token },
          body: JSON.stringify({ input }),
        });
        return (await res.json()) as Outcome;
      } catch {
        return { ok: false, error: { code: 'internal', message: 'Нет связи с сервером Пресс-деска. Он запущен?' } };
      }
    },
    on(event, listener) {
      if (!source) connect();
      const set = listeners.get(event) ?? listeners.set(event, new Set()).get(event)!;
      set.add(listener as (payload: unknown) => void);
      return () => set.delete(listener as (payload: unknown) => void);
    },
  };
}

export const bridge: PressDeskBridge = window.pressDesk ?? httpBridge();
export const isElectron = !!window.pressDesk;

/** phase 'end' carries whether the call succeeded. */
type CallListener = (method: Method, phase: 'start' | 'end', ok?: boolean) => void;
const callListeners = new Set<CallListener>();

/** Lets the shell see calls in flight (the status bar shows «Сохранение…» while a write is pending). */
export function onCall(listener: CallListener): () => void {
  callListeners.add(listener);
  return () => callListeners.delete(listener);
}

export async function call<M extends Method>(method: M, input: Input<M>): Promise<Output<M>> {
  callListeners.forEach((l) => l(method, 'start'));
  let outcome: Outcome = { ok: false, error: { code: 'internal', message: 'Вызов прерван.' } };
  try {
    outcome = await bridge.invoke(method, input);
  } finally {
    callListeners.forEach((l) => l(method, 'end', outcome.ok));
  }
  if (!outcome.ok) throw new ApiError(outcome.error.code, outcome.error.message, outcome.error.issues);
  return outcome.result as Output<M>;
}

export function onEvent<E extends EventName>(event: E, listener: (payload: ApiEvents[E]) => void): () => void {
  return bridge.on(event, listener);
}

type Group<M> = M extends `${infer G}.${string}` ? G : never;
type Args<M extends Method> = undefined extends Input<M> ? [input?: Input<M>] : [input: Input<M>];
export type Client = {
  [G in Group<Method>]: {
    [M in Method as M extends `${G}.${infer Name}` ? Name : never]: (...args: Args<M>) => Promise<Output<M>>;
  };
};

/** api.outlets.list({ query: 'газета' }) → call('outlets.list', …), fully typed. */
export const api = new Proxy({} as Client, {
  get: (_t, group: string) =>
    new Proxy({}, { get: (_g, name: string) => (input?: unknown) => call(`${group}.${name}` as Method, input as never) }),
});
