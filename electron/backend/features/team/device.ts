import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { writeFileDurably } from '../../store/durable-file.js';
import { DeviceId } from './ops.js';

/**
 * This computer, as the team knows it. Kept in the data folder's own device.json — not in the store,
 * so an archive or a backup restored on another computer does not make it this one.
 */
export const ThisDevice = z.object({
  deviceId: DeviceId,
  /** «ПК-1»: how the other computer names this one. */
  name: z.string().min(1).max(100),
  /** The staff member (settings.staff[].id) who works at this computer; null until chosen. */
  personId: z.string().max(64).nullable().default(null),
  /** The team place this data folder exchanges with; null when not in a team. */
  team: z
    .object({
      kind: z.enum(['folder', 'couchdb']),
      /** The folder that holds PressDeskTeam/, or the database URL (no password in it). */
      target: z.string().min(1).max(2000),
      user: z.string().max(200).optional(),
      teamId: z.string().max(100),
      joinedAt: z.string(),
    })
    .nullable()
    .default(null),
});
export type ThisDevice = z.infer<typeof ThisDevice>;

export const DEVICE_FILE = 'device.json';

const fileOf = (dataDir: string) => path.join(dataDir, DEVICE_FILE);

/** Reads this computer's identity, creating it (a new random id, the host name) the first time. */
export function readDevice(dataDir: string): ThisDevice {
  try {
    const parsed = ThisDevice.safeParse(JSON.parse(fs.readFileSync(fileOf(dataDir), 'utf8')));
    if (parsed.success) return parsed.data;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT' && !(err instanceof SyntaxError)) throw err;
  }
  const fresh: ThisDevice = { deviceId: randomBytes(8).toString('hex'), name: defaultName(), personId: null, team: null };
  writeDevice(dataDir, fresh);
  return fresh;
}

export function writeDevice(dataDir: string, device: ThisDevice): ThisDevice {
  const checked = ThisDevice.parse(device);
  writeFileDurably(fileOf(dataDir), JSON.stringify(checked, null, 2) + '\n');
  return checked;
}

function defaultName(): string {
  const host = os.hostname().trim().slice(0, 100);
  return host || 'Компьютер';
}
