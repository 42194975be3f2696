import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { TransportIssue } from './transport.js';
import { DeviceId, TEAM_FORMAT, TeamOp } from './ops.js';

/**
 * The sealed segment a device writes to the team folder, one file per send:
 *   {"pressDeskTeam":1,"deviceId":…,"seq":…,"count":N,"writtenAt":…}
 *   N lines, one TeamOp each
 *   {"end":true,"count":N,"sha256":"<hex of every byte before this line>"}
 * A copy tool or a sync client may show the file before it is whole; the footer and its checksum
 * tell a finished segment from one still arriving.
 */

const SegmentHeader = z.object({
  pressDeskTeam: z.number().int().positive(),
  deviceId: DeviceId,
  seq: z.number().int().positive(),
  count: z.number().int().nonnegative(),
  writtenAt: z.string(),
});

const SegmentFooter = z.strictObject({
  end: z.literal(true),
  count: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

/** seg-1.ndjson, seg-12.ndjson; not «seg-12 (копия).ndjson», not seg-3.sync-conflict-….ndjson, not seg-01. */
const SEGMENT_NAME = /^seg-([1-9]\d{0,14})\.ndjson$/;
/** Our own temp files (durable writes in progress, or left by a crash): never junk, never read. */
const OWN_TEMP_NAME = /^\.(seg-[1-9]\d*\.ndjson|device\.json|info\.json)\.[0-9a-z-]+\.tmp$/;

export const segmentName = (seq: number) => `seg-${seq}.ndjson`;

export function segmentSeq(name: string): number | null {
  const m = SEGMENT_NAME.exec(name);
  return m ? Number(m[1]) : null;
}

export const isOwnTemp = (name: string) => OWN_TEMP_NAME.test(name);

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export function encodeSegment(deviceId: string, seq: number, ops: TeamOp[], writtenAt: Date): Buffer {
  const header = { pressDeskTeam: TEAM_FORMAT, deviceId, seq, count: ops.length, writtenAt: writtenAt.toISOString() };
  const body = Buffer.from([header, ...ops].map((line) => JSON.stringify(line) + '\n').join(''));
  const footer = { end: true, count: ops.length, sha256: sha256(body) };
  return Buffer.concat([body, Buffer.from(JSON.stringify(footer) + '\n')]);
}

export type SegmentRead = { ok: true; ops: TeamOp[] } | { ok: false; kind: TransportIssue['kind']; message: string };

const refuse = (kind: TransportIssue['kind'], message: string): SegmentRead => ({ ok: false, kind, message });

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Reads one segment of `deviceId`'s folder, all or nothing. `file` starts the messages: «Файл «seg-3.ndjson» компьютера «ПК-2»».
 * Half-copied → 'incomplete' (read again later); whole but altered → 'checksum'; written by a newer
 * Press Desk → 'format'; sealed but wrong inside → 'unreadable'.
 */
export function parseSegment(bytes: Buffer, deviceId: string, seq: number, file: string): SegmentRead {
  const stillCopying = `${file} ещё не скопирован целиком — будет прочитан, когда копирование закончится`;
  // JSON never holds a raw NUL: zeros are the part a copier has reserved but not yet filled.
  if (bytes.length === 0 || bytes.includes(0)) return refuse('incomplete', stillCopying);
  const headerEnd = bytes.indexOf(0x0a);
  if (headerEnd < 0) return refuse('incomplete', stillCopying);

  const rawHeader = parseJson(bytes.subarray(0, headerEnd).toString('utf8')) as { pressDeskTeam?: unknown } | undefined;
  if (typeof rawHeader?.pressDeskTeam === 'number' && rawHeader.pressDeskTeam > TEAM_FORMAT) {
    return refuse('format', `${file} создан более новой версией Пресс-деска (формат ${rawHeader.pressDeskTeam}) — обновите программу, чтобы принять изменения этого компьютера`);
  }
  const header = SegmentHeader.safeParse(rawHeader);
  if (!header.success) return refuse('unreadable', `${file}: первая строка — не заголовок файла Пресс-деска, файл не принят`);
  if (header.data.deviceId !== deviceId || header.data.seq !== seq) {
    return refuse('unreadable', `${file}: заголовок говорит о другом файле (компьютер ${header.data.deviceId}, номер ${header.data.seq}) — файл не принят`);
  }

  if (bytes[bytes.length - 1] !== 0x0a) return refuse('incomplete', stillCopying);
  const footerStart = bytes.lastIndexOf(0x0a, bytes.length - 2) + 1;
  const footer = SegmentFooter.safeParse(parseJson(bytes.subarray(footerStart, bytes.length - 1).toString('utf8')));
  if (!footer.success || footerStart <= headerEnd) return refuse('incomplete', stillCopying);
  if (sha256(bytes.subarray(0, footerStart)) !== footer.data.sha256) {
    return refuse('checksum', `${file} повреждён: контрольная сумма не совпадает. Изменения этого компьютера после него не принимаются, пока файл не будет скопирован заново`);
  }

  const lines = bytes.subarray(headerEnd + 1, footerStart).toString('utf8').split('\n').slice(0, -1);
  const count = header.data.count;
  if (footer.data.count !== count || lines.length !== count) {
    return refuse('unreadable', `${file}: в заголовке ${count} изменений, в конце ${footer.data.count}, строк ${lines.length} — файл не принят`);
  }
  const ops: TeamOp[] = [];
  for (const [i, line] of lines.entries()) {
    const op = TeamOp.safeParse(parseJson(line));
    const lineNo = i + 2;
    if (!op.success) return refuse('unreadable', `${file}, строка ${lineNo}: это не изменение Пресс-деска — файл не принят`);
    if (op.data.deviceId !== deviceId) {
      return refuse('unreadable', `${file}, строка ${lineNo}: изменение другого компьютера (${op.data.deviceId}) в папке ${deviceId} — файл не принят`);
    }
    ops.push(op.data);
  }
  return { ok: true, ops };
}
