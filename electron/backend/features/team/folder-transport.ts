import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AppError, validationError } from '../../errors.js';
import { createDurably, exists, makeDir, replaceDurably, unavailable } from './folder-files.js';
import { encodeSegment, isOwnTemp, parseSegment, segmentName, segmentSeq } from './folder-segments.js';
import { DeviceId, PeerInfo, TEAM_FORMAT, TeamOp } from './ops.js';
import type { Received, TeamTransport, TransportIssue } from './transport.js';

export { assertNotInside } from './folder-place.js';

/**
 * The team folder (a share, a USB stick, a Яндекс.Диск or Syncthing folder):
 *   DIR/PressDeskTeam/v1/info.json
 *   DIR/PressDeskTeam/v1/devices/<deviceId>/seg-<seq>.ndjson   sealed, never rewritten
 *   DIR/PressDeskTeam/v1/devices/<deviceId>/device.json        that device's PeerInfo
 * No two computers ever write one file, so share locks and sync clients' conflict copies cannot corrupt anything.
 */

const ROOT = 'PressDeskTeam';
const VERSION_DIR = `v${TEAM_FORMAT}`;
const where = (...parts: string[]) => path.posix.join(ROOT, VERSION_DIR, ...parts);

const TeamInfo = z.object({ format: z.number().int().positive(), teamId: z.string().min(1).max(100), createdAt: z.string() });
const Cursor = z.record(DeviceId, z.number().int().nonnegative());
const DEVICE_DIR = /^[0-9a-f]{16}$/;
/** Our own leftover temp files are swept after this long (a send in progress takes seconds). */
const STALE_TEMP_MS = 60 * 60 * 1000;
/** A segment is one send; anything this big named seg-N is not ours. */
const MAX_SEGMENT_BYTES = 512 * 1024 * 1024;

export interface FolderTransportOptions {
  /** The team this computer already joined: open() then never creates a new one (an empty stick is not our team). */
  teamId?: string;
  now?: () => Date;
}

export class FolderTransport implements TeamTransport {
  readonly kind = 'folder' as const;
  readonly target: string;
  private readonly versionDir: string;
  private teamId: string | undefined;
  private readonly now: () => Date;
  private sending: Promise<unknown> = Promise.resolve();

  constructor(teamDir: string, options: FolderTransportOptions = {}) {
    this.target = path.resolve(teamDir);
    this.versionDir = path.join(this.target, ROOT, VERSION_DIR);
    this.teamId = options.teamId;
    this.now = options.now ?? (() => new Date());
  }

  private get devicesDir() {
    return path.join(this.versionDir, 'devices');
  }

  async open(): Promise<{ teamId: string }> {
    try {
      if (!(await fs.promises.stat(this.target)).isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
      if (!this.teamId) {
        await makeDir(path.join(this.target, ROOT));
        await makeDir(this.versionDir);
        const fresh = { format: TEAM_FORMAT, teamId: randomUUID(), createdAt: this.now().toISOString() };
        // Two computers joining at once: the first info.json wins, the other reads it.
        await createDurably(path.join(this.versionDir, 'info.json'), Buffer.from(JSON.stringify(fresh, null, 2) + '\n'));
      }
      const info = await this.readInfo();
      await makeDir(this.devicesDir);
      this.teamId = info.teamId;
      return { teamId: info.teamId };
    } catch (err) {
      throw unavailable(this.target, err);
    }
  }

  send(ops: TeamOp[], self: PeerInfo): Promise<{ sent: number }> {
    // One instance sends one segment at a time, so the next seq is always read after the last one is sealed.
    const run = this.sending.then(() => this.sendNow(ops, self));
    this.sending = run.catch(() => undefined);
    return run;
  }

  private async sendNow(ops: TeamOp[], selfIn: PeerInfo): Promise<{ sent: number }> {
    const self = PeerInfo.safeParse(selfIn);
    if (!self.success) throw validationError(PeerInfo, self.error);
    const deviceId = self.data.deviceId;
    for (const [i, op] of ops.entries()) {
      const checked = TeamOp.safeParse(op);
      if (!checked.success) throw new AppError('validation', `Изменение № ${i + 1} не отправлено в папку отдела: ${checked.error.issues[0]?.message ?? 'неверные данные'}`);
      if (op.deviceId !== deviceId) throw new AppError('validation', `Изменение № ${i + 1} сделано на другом компьютере (${op.deviceId}) — этот компьютер отправляет только свои`);
    }
    try {
      await this.readInfo();
      const own = path.join(this.devicesDir, deviceId);
      await makeDir(own);
      await sweepStaleTemps(own);
      if (ops.length > 0) await this.writeSegment(own, deviceId, ops);
      await replaceDurably(path.join(own, 'device.json'), Buffer.from(JSON.stringify(self.data, null, 2) + '\n'));
      return { sent: ops.length };
    } catch (err) {
      throw unavailable(this.target, err);
    }
  }

  private async writeSegment(own: string, deviceId: string, ops: TeamOp[]): Promise<void> {
    for (let attempt = 0; attempt < 100; attempt++) {
      // 1 + the highest seq on disk: a crash after sealing but before the caller recorded it never reuses a number.
      const names = await fs.promises.readdir(own);
      const seq = 1 + Math.max(0, ...names.map((n) => segmentSeq(n) ?? 0));
      const sealed = await createDurably(path.join(own, segmentName(seq)), encodeSegment(deviceId, seq, ops, this.now()));
      if (sealed) return;
    }
    throw new AppError('conflict', `Папка отдела «${this.target}»: не удалось выбрать номер нового файла — в папке этого компьютера пишет ещё одна программа?`);
  }

  async receive(cursor: unknown, selfId: string): Promise<Received> {
    try {
      await this.readInfo();
      const after = Cursor.safeParse(cursor ?? {});
      // A cursor we cannot read only costs a re-read: receivers skip ops they have already seen.
      const next: Record<string, number> = after.success ? { ...after.data } : {};
      const got: Received = { ops: [], cursor: next, peers: [], issues: [] };
      await this.reportJunkAbove(got.issues);
      for (const entry of await fs.promises.readdir(this.devicesDir, { withFileTypes: true })) {
        if (!entry.isDirectory() || !DEVICE_DIR.test(entry.name)) {
          got.issues.push(junk(where('devices', entry.name), entry.isDirectory()));
          continue;
        }
        if (entry.name === selfId) continue;
        const last = await this.readDevice(entry.name, next[entry.name] ?? 0, got);
        if (last > 0 || entry.name in next) next[entry.name] = last;
      }
      return got;
    } catch (err) {
      throw unavailable(this.target, err);
    }
  }

  /** Reads one other device's segments after `after`, strictly in order; returns the last seq taken. */
  private async readDevice(deviceId: string, after: number, got: Received): Promise<number> {
    const dir = path.join(this.devicesDir, deviceId);
    const segments = new Map<number, string>();
    let peer: PeerInfo | undefined;
    for (const entry of await fs.promises.readdir(dir, { withFileTypes: true })) {
      const seq = entry.isFile() ? segmentSeq(entry.name) : null;
      if (seq !== null) segments.set(seq, entry.name);
      else if (entry.isFile() && entry.name === 'device.json') peer = await readPeer(path.join(dir, entry.name), deviceId);
      else if (!(entry.isFile() && isOwnTemp(entry.name))) got.issues.push(junk(where('devices', deviceId, entry.name), entry.isDirectory()));
    }
    if (peer) got.peers.push(peer);
    const whose = peer?.name ? `компьютера «${peer.name}»` : `компьютера ${deviceId}`;

    // Fewer segments than we have read: the folder was deleted and began again at 1 (its ops we already have are skipped).
    let last = Math.max(0, ...segments.keys()) < after ? 0 : after;
    for (;;) {
      const name = segments.get(last + 1);
      if (!name) {
        const later = [...segments.keys()].filter((s) => s > last + 1).sort((a, b) => a - b)[0];
        if (later !== undefined) {
          got.issues.push({
            kind: 'gap',
            where: where('devices', deviceId, segmentName(last + 1)),
            deviceId,
            message: `Нет файла «${segmentName(last + 1)}» ${whose}, а «${segmentName(later)}» уже есть: возможно, он ещё копируется. Изменения этого компьютера после него пока не принимаются`,
          });
        }
        return last;
      }
      const file = path.join(dir, name);
      const issueAt = where('devices', deviceId, name);
      const size = (await fs.promises.stat(file)).size;
      const read =
        size > MAX_SEGMENT_BYTES
          ? ({ ok: false, kind: 'unreadable', message: `Файл «${name}» ${whose} слишком велик для файла Пресс-деска — не принят` } as const)
          : parseSegment(await fs.promises.readFile(file), deviceId, last + 1, `Файл «${name}» ${whose}`);
      if (!read.ok) {
        // A refused segment holds back the rest of that device: ops after a hole could patch records we never got.
        got.issues.push({ kind: read.kind, where: issueAt, deviceId, message: read.message });
        return last;
      }
      got.ops.push(...read.ops);
      last++;
    }
  }

  /** Anything in PressDeskTeam/ and PressDeskTeam/v1/ that is not ours; a newer vN/ beside ours is a newer Press Desk. */
  private async reportJunkAbove(issues: TransportIssue[]): Promise<void> {
    for (const entry of await fs.promises.readdir(path.join(this.target, ROOT), { withFileTypes: true })) {
      const version = /^v([1-9]\d*)$/.exec(entry.name);
      if (entry.name === VERSION_DIR && entry.isDirectory()) continue;
      if (version && entry.isDirectory() && Number(version[1]) > TEAM_FORMAT) {
        issues.push({
          kind: 'format',
          where: path.posix.join(ROOT, entry.name),
          message: `В папке отдела есть данные более новой версии Пресс-деска («${ROOT}/${entry.name}») — обновите программу на этом компьютере`,
        });
      } else issues.push(junk(path.posix.join(ROOT, entry.name), entry.isDirectory()));
    }
    for (const entry of await fs.promises.readdir(this.versionDir, { withFileTypes: true })) {
      const ours = (entry.name === 'info.json' && entry.isFile()) || (entry.name === 'devices' && entry.isDirectory());
      if (!ours && !(entry.isFile() && isOwnTemp(entry.name))) issues.push(junk(where(entry.name), entry.isDirectory()));
    }
  }

  private async readInfo(): Promise<z.infer<typeof TeamInfo>> {
    const rel = where('info.json');
    let text: string;
    try {
      text = await fs.promises.readFile(path.join(this.versionDir, 'info.json'), 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      const why = (await exists(this.target)) ? `в ней нет «${rel}» (не та флешка или папка?)` : 'папка не найдена (флешка не вставлена или сетевой диск не подключён?)';
      throw new AppError('not_found', `Папка отдела «${this.target}» недоступна: ${why}`);
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      raw = undefined;
    }
    const format = (raw as { format?: unknown } | undefined)?.format;
    if (typeof format === 'number' && format > TEAM_FORMAT) {
      throw new AppError('read_only', `Папка отдела «${this.target}» создана более новой версией Пресс-деска (формат ${format}) — обновите программу`);
    }
    const info = TeamInfo.safeParse(raw);
    if (!info.success) throw new AppError('validation', `Папка отдела «${this.target}»: файл «${rel}» повреждён или создан не Пресс-деском`);
    if (this.teamId && info.data.teamId !== this.teamId) {
      throw new AppError('conflict', `В папке «${this.target}» данные другого отдела (${info.data.teamId}), а этот компьютер подключён к отделу ${this.teamId}`);
    }
    return info.data;
  }
}

function junk(at: string, isDir: boolean): TransportIssue {
  const name = path.posix.basename(at);
  const message = isDir ? `Папка «${name}» не создана Пресс-деском — пропущена` : `Файл «${name}» не создан Пресс-деском — пропущен`;
  const deviceId = /devices\/([0-9a-f]{16})\//.exec(at)?.[1];
  return { kind: 'junk', where: at, ...(deviceId ? { deviceId } : {}), message };
}

async function readPeer(file: string, deviceId: string): Promise<PeerInfo | undefined> {
  try {
    const peer = PeerInfo.safeParse(JSON.parse(await fs.promises.readFile(file, 'utf8')));
    return peer.success && peer.data.deviceId === deviceId ? peer.data : undefined;
  } catch {
    return undefined; // half-copied or replaced while read: the next exchange reads it
  }
}

/** Our own temp files left by a crash or an unplugged stick; only ours, only in our own folder. */
async function sweepStaleTemps(own: string): Promise<void> {
  for (const name of await fs.promises.readdir(own)) {
    if (!isOwnTemp(name)) continue;
    const file = path.join(own, name);
    const stat = await fs.promises.stat(file).catch(() => undefined);
    if (stat && Date.now() - stat.mtimeMs > STALE_TEMP_MS) await fs.promises.rm(file, { force: true });
  }
}
