import { contractCollections } from './features/contracts/schema.js';
import { calendarCollections } from './features/calendar/schema.js';
import { directLineCollections } from './features/direct-lines/schema.js';
import { outletCollections } from './features/outlets/schema.js';
import { releaseCollections } from './features/releases/schema.js';
import { reportCollections } from './features/reports/schema.js';
import { settingsCollections } from './features/settings/schema.js';
import { sitePublicationCollections } from './features/sync/site-publications.js';
import { syncCollections } from './features/sync/schema.js';
import type { Store } from './store/store.js';

/** Every collection the store keeps; each feature contributes its own. */
export const collections = {
  ...settingsCollections,
  ...outletCollections,
  ...releaseCollections,
  ...contractCollections,
  ...directLineCollections,
  ...calendarCollections,
  ...sitePublicationCollections,
  ...reportCollections,
  ...syncCollections,
};
export type Collections = typeof collections;
export type AppStore = Store<Collections>;
