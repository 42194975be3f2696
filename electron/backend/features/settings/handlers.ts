import type { HandlerTable } from '../../context.js';
import { dataFolderHandlers } from './data-folder.js';

export const settingsHandlers: HandlerTable<
  'settings.get' | 'settings.save' | 'settings.dataFolder.get' | 'settings.dataFolder.choose' | 'settings.dataFolder.reset' | 'settings.dataFolder.relaunch'
> = {
  ...dataFolderHandlers,
  'settings.get': (_input, { store }) => store.get('settings', 'settings') ?? null,

  'settings.save': (input, { store, now }) =>
    store.mutate((tx) => tx.put('settings', { ...input, id: 'settings', updatedAt: now().toISOString() })),
};
