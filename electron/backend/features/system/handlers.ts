import { api } from '../../api.js';
import { collections } from '../../collections.js';
import type { Ctx, HandlerTable } from '../../context.js';
import { generateDemo } from '../../demo/generate.js';
import { AppError, validationError } from '../../errors.js';
import { unpackArchive } from '../../store/archive.js';
import { listBackups } from '../../store/backups.js';
import { dropQuarantined, listQuarantine, readQuarantined } from '../../store/quarantine.js';
import { safeFileName } from '../../docx/gost.js';
import { formatDateTime } from '../../format.js';
import { orgTimeZone } from '../calendar/model.js';
import { checkDataFolder } from './check.js';
import type { SystemStatus } from './schema.js';

function quarantined({ dataDir }: Ctx, key: string) {
  const q = readQuarantined(dataDir, key);
  if (!q) throw new AppError('not_found', `Отложенной записи «${key}» нет: возможно, она уже восстановлена или удалена.`);
  return q;
}

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
    newerFormat: store.newerFormat,
    quarantined: listQuarantine(dataDir).length,
    lastSavedAt: store.lastSavedAt,
    lastBackupAt: newest ? newest.createdAt.toISOString() : null,
    counts: Object.fromEntries(Object.keys(collections).map((c) => [c, store.count(c as keyof typeof collections)])),
    configured: !!store.get('settings', 'settings'),
  };
}

/** The same checks the store makes on import, run before the safety backup is taken. */
function checkArchive(bytes: Uint8Array): void {
  const refuse = (why: string) => new AppError('validation', `Архив не принят: ${why}. Текущие данные не изменены.`);
  let content;
  try {
    content = unpackArchive(bytes);
  } catch (err) {
    throw refuse((err as Error).message);
  }
  for (const [c, records] of Object.entries(content.collections)) {
    const def = (collections as Record<string, { schema: import('zod').ZodType } | undefined>)[c];
    if (!def) throw refuse(`неизвестный раздел «${c}»`);
    for (let i = 0; i < records.length; i++) {
      const parsed = def.schema.safeParse(records[i]);
      if (!parsed.success) throw refuse(`раздел «${c}», запись № ${i + 1}: ${validationError(def.schema, parsed.error).message}`);
    }
  }
}

export const systemHandlers: HandlerTable<
  | 'system.status'
  | 'system.methods'
  | 'system.check'
  | 'system.backupNow'
  | 'system.exportArchive'
  | 'system.importArchive'
  | 'system.fillDemo'
  | 'system.quarantine.list'
  | 'system.quarantine.restore'
  | 'system.quarantine.discard'
> = {
  'system.status': (_input, ctx) => systemStatus(ctx),

  'system.methods': () => Object.fromEntries(Object.entries(api).map(([name, spec]) => [name, { writes: spec.writes }])),

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
    const bytes = new Uint8Array(Buffer.from(base64, 'base64'));
    // A file that is no archive of ours is refused before anything is written (not even the safety copy,
    // whose rotation could otherwise drop an old backup for nothing).
    checkArchive(bytes);
    // A safety copy of what is being replaced, so an import can always be undone from Настройки → Резервные копии.
    ctx.store.backupNow(ctx.now());
    const counts = await ctx.store.importArchive(bytes);
    ctx.statusChanged();
    return { counts };
  },

  'system.quarantine.list': (_input, { dataDir }) => listQuarantine(dataDir),

  'system.quarantine.restore': async ({ key, overwrite }, ctx) => {
    const q = quarantined(ctx, key);
    const def = (collections as Record<string, { schema: import('zod').ZodType } | undefined>)[q.collection];
    if (!def) throw new AppError('validation', `Раздела «${q.collection}» в этой версии нет: запись оставлена в отложенных.`);
    const parsed = def.schema.safeParse(q.record);
    if (!parsed.success) throw new AppError('validation', `Запись всё ещё не проходит проверку (${validationError(def.schema, parsed.error).message}): она оставлена в отложенных.`);
    await ctx.store.mutate((tx) => {
      const live = tx.get(q.collection as never, q.recordId) as { updatedAt?: string } | undefined;
      if (live && !overwrite) {
        const since = live.updatedAt ? ` (последнее изменение ${formatDateTime(live.updatedAt, orgTimeZone(ctx.store))})` : '';
        throw new AppError('conflict', `В данных уже есть эта запись${since}: восстановление заменит её отложенной копией. Подтвердите замену.`);
      }
      tx.put(q.collection as never, parsed.data as never);
    });
    dropQuarantined(ctx.dataDir, key);
    ctx.statusChanged();
    return { collection: q.collection, id: q.recordId };
  },

  'system.quarantine.discard': ({ key }, ctx) => {
    quarantined(ctx, key);
    dropQuarantined(ctx.dataDir, key);
    ctx.statusChanged();
    return { key };
  },

  'system.fillDemo': async ({ years, scale }, ctx) => {
    const counts = await generateDemo(ctx.store, { years, scale, now: ctx.now() });
    ctx.statusChanged();
    return { counts };
  },
};
