import { collections } from '../../collections.js';
import type { Ctx, HandlerTable } from '../../context.js';
import { generateDemo } from '../../demo/generate.js';
import { listBackups } from '../../store/backups.js';
import { safeFileName } from '../../docx/gost.js';
import { checkDataFolder } from './check.js';
import type { SystemStatus } from './schema.js';

export const APP_VERSION = '0.1.0';

export function systemStatus({ store, dataDir }: Ctx): SystemStatus {
  const newest = listBackups(dataDir)[0];
  return {
    version: APP_VERSION,
    dataDir,
    readOnly: store.readOnly,
    lockHolder: store.lockHolder,
    staleLockRecovered: store.staleLockRecovered,
    recoveries: store.recoveries,
    lastSavedAt: store.lastSavedAt,
    lastBackupAt: newest ? newest.createdAt.toISOString() : null,
    counts: Object.fromEntries(Object.keys(collections).map((c) => [c, store.count(c as keyof typeof collections)])),
    configured: !!store.get('settings', 'settings'),
  };
}

export const systemHandlers: HandlerTable<
  'system.status' | 'system.check' | 'system.backupNow' | 'system.exportArchive' | 'system.importArchive' | 'system.fillDemo'
> = {
  'system.status': (_input, ctx) => systemStatus(ctx),

  'system.check': (_input, { store }) => checkDataFolder(store),

  'system.backupNow': (_input, ctx) => {
    const file = ctx.store.backupNow(ctx.now());
    ctx.statusChanged();
    return { file };
  },

  'system.exportArchive': (_input, { store, now }) => ({
    kind: 'file',
    name: safeFileName(`Пресс-деск архив ${now().toISOString().slice(0, 10)}`, 'pdbackup'),
    mime: 'application/zip',
    base64: Buffer.from(store.exportArchive()).toString('base64'),
  }),

  'system.importArchive': async ({ base64 }, ctx) => {
    // A safety copy of what is being replaced, so an import can always be undone from Настройки → Резервные копии.
    ctx.store.backupNow(ctx.now());
    const counts = await ctx.store.importArchive(new Uint8Array(Buffer.from(base64, 'base64')));
    ctx.statusChanged();
    return { counts };
  },

  'system.fillDemo': async ({ years, scale }, ctx) => {
    const counts = await generateDemo(ctx.store, { years, scale, now: ctx.now() });
    ctx.statusChanged();
    return { counts };
  },
};
