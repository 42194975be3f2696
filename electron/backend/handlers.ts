import type { Method } from './api.js';
import type { HandlerTable } from './context.js';
import { outletHandlers } from './features/outlets/handlers.js';
import { searchHandlers } from './features/search/handlers.js';
import { settingsHandlers } from './features/settings/handlers.js';
import { systemHandlers } from './features/system/handlers.js';

/** Every method of the contract, implemented; a missing one is a type error. */
export const handlers: HandlerTable<Method> = {
  ...settingsHandlers,
  ...outletHandlers,
  ...searchHandlers,
  ...systemHandlers,
};
