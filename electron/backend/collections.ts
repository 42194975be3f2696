import { outletCollections } from './features/outlets/schema.js';
import { settingsCollections } from './features/settings/schema.js';
import type { Store } from './store/store.js';

/** Every collection the store keeps; each feature contributes its own. */
export const collections = {
  ...settingsCollections,
  ...outletCollections,
};
export type Collections = typeof collections;
export type AppStore = Store<Collections>;
