import fs from 'node:fs';
import path from 'node:path';
import type { PeerInfo, TeamOp } from '../../electron/backend/features/team/ops.js';

export const DEV_A = 'aaaaaaaaaaaaaaa1';
export const DEV_B = 'bbbbbbbbbbbbbbb2';
export const DEV_C = 'ccccccccccccccc3';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
let opCounter = 0;

/** A valid ULID-shaped id, unique within the test run. */
function nextOpId(): string {
  let n = ++opCounter;
  let tail = '';
  for (let i = 0; i < 10; i++, n = Math.floor(n / 32)) tail = CROCKFORD[n % 32] + tail;
  return '01JFABCDEF' + '0'.repeat(6) + tail;
}

export function makeOp(deviceId: string, title = 'Пресс-конференция'): TeamOp {
  const id = nextOpId();
  return {
    opId: id,
    deviceId,
    hlc: `2026-12-05T06:18:11.000Z-0000-${deviceId}`,
    collection: 'events',
    recordId: `ev-${id.slice(-6)}`,
    kind: 'patch',
    fields: { title },
    baseHlc: { title: `2026-12-01T09:00:00.000Z-0000-${deviceId}` },
    schemaVersion: 1,
  };
}

export const makeOps = (deviceId: string, n: number) => Array.from({ length: n }, (_, i) => makeOp(deviceId, `Событие ${i + 1}`));

export function peer(deviceId: string, name: string): PeerInfo {
  return { deviceId, name, person: 'Соколова И. В., начальник отдела', exchangedAt: '2026-12-05T06:18:11.000Z' };
}

export const deviceDir = (teamDir: string, deviceId: string) => path.join(teamDir, 'PressDeskTeam', 'v1', 'devices', deviceId);

export const segFile = (teamDir: string, deviceId: string, seq: number) => path.join(deviceDir(teamDir, deviceId), `seg-${seq}.ndjson`);

/** Puts a file into another device's folder the way a copier or a sync client would (no durability needed). */
export function place(teamDir: string, deviceId: string, name: string, content: string | Buffer): string {
  const dir = deviceDir(teamDir, deviceId);
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}
