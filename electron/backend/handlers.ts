import type { Method } from './api.js';
import type { HandlerTable } from './context.js';
import { contractHandlers } from './features/contracts/handlers.js';
import { calendarHandlers } from './features/calendar/handlers.js';
import { directLineHandlers } from './features/direct-lines/handlers.js';
import { outletHandlers } from './features/outlets/handlers.js';
import { releaseHandlers } from './features/releases/handlers.js';
import { reportHandlers } from './features/reports/handlers.js';
import { searchHandlers } from './features/search/handlers.js';
import { settingsHandlers } from './features/settings/handlers.js';
import { syncHandlers } from './features/sync/handlers.js';
import { systemHandlers } from './features/system/handlers.js';
import { todayHandlers } from './features/today/handlers.js';

/** Every method of the contract, implemented; a missing one is a type error. */
export const handlers: HandlerTable<Method> = {
  ...settingsHandlers,
  ...outletHandlers,
  ...releaseHandlers,
  ...searchHandlers,
  ...systemHandlers,
  ...todayHandlers,
  ...contractHandlers,
  ...directLineHandlers,
  ...calendarHandlers,
  ...reportHandlers,
  ...syncHandlers,
};
