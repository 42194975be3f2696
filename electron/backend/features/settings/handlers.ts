import type { HandlerTable } from '../../context.js';

export const settingsHandlers: HandlerTable<'settings.get' | 'settings.save'> = {
  'settings.get': (_input, { store }) => store.get('settings', 'settings') ?? null,

  'settings.save': (input, { store, now }) =>
    store.mutate((tx) => tx.put('settings', { ...input, id: 'settings', updatedAt: now().toISOString() })),
};
