import { z } from 'zod';
import type { Recovery } from '../../store/store.js';
import type { LockInfo } from '../../store/lock.js';
import type { QuarantinedRecord } from '../../store/quarantine.js';

export type { QuarantinedRecord };

export const QuarantineKey = z.object({
  key: z.string().trim().min(1).max(300).regex(/^[^/\\]+\.json$/, 'ожидается имя файла из списка отложенных записей').describe('Отложенная запись'),
});
export const QuarantineRestore = QuarantineKey.extend({
  /** The data already has a record under this id (its earlier saved version, maybe edited since): replace it only when asked. */
  overwrite: z.boolean().default(false).describe('Заменить действующую запись'),
});

export const ImportInput = z.object({
  fileName: z.string().max(500).default('').describe('Имя файла'),
  base64: z
    .string()
    .min(1)
    .max(300 * 1024 * 1024)
    .regex(/^[A-Za-z0-9+/=\s]*$/, 'файл передан в неверной кодировке')
    .describe('Файл архива'),
});

export const DemoInput = z
  .object({
    years: z.number().int().min(1).max(10).default(3).describe('Количество лет данных'),
    /** Extra synthetic records for load tests; the demo town itself has a realistic size. */
    scale: z.number().int().min(0).max(1_000_000).default(0).describe('Количество дополнительных записей'),
  })
  // Three calendar years by default (this one to date and two full ones): the annual report
  // (features/reports) compares the last full year with the one before it.
  .default({ years: 3, scale: 0 });

export interface SystemStatus {
  version: string;
  dataDir: string;
  readOnly: boolean;
  lockHolder: LockInfo | null;
  staleLockRecovered: LockInfo | null;
  recoveries: Recovery[];
  /** The folder was written by a newer version: open read-only, nothing in it touched. */
  newerFormat: { file: string; format: number } | null;
  /** Records set aside in quarantine/, waiting for the user. */
  quarantined: number;
  lastSavedAt: string | null;
  lastBackupAt: string | null;
  counts: Record<string, number>;
  configured: boolean;
}

export interface CheckProblem {
  collection: string;
  file: string;
  message: string;
}
export interface CheckReport {
  ok: boolean;
  files: number;
  records: number;
  problems: CheckProblem[];
  backups: number;
}
