import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../electron/backend/errors.js';
import { encodeSegment } from '../../electron/backend/features/team/folder-segments.js';
import { assertNotInside, FolderTransport } from '../../electron/backend/features/team/folder-transport.js';
import type { TeamOp } from '../../electron/backend/features/team/ops.js';
import type { Received } from '../../electron/backend/features/team/transport.js';
import { removeTempDirs, tempDir } from '../helpers/tmp.js';
import { DEV_A, DEV_B, DEV_C, deviceDir, makeOp, makeOps, peer, place, segFile } from './folder-kit.js';

afterEach(removeTempDirs);

async function team(...devices: string[]) {
  const dir = tempDir('pd-team-');
  const transports = devices.map(() => new FolderTransport(dir));
  for (const t of transports) await t.open();
  return { dir, transports };
}

const ids = (ops: TeamOp[]) => ops.map((o) => o.opId);
const kinds = (got: Received) => got.issues.map((i) => `${i.kind} ${i.where}`);

/** A sealed segment with arbitrary lines (to forge what a newer or a broken writer would leave). */
function sealed(lines: unknown[]): Buffer {
  const body = Buffer.from(lines.map((l) => JSON.stringify(l) + '\n').join(''));
  const sha256 = createHash('sha256').update(body).digest('hex');
  return Buffer.concat([body, Buffer.from(JSON.stringify({ end: true, count: lines.length - 1, sha256 }) + '\n')]);
}

describe('FolderTransport: round trip', () => {
  it('carries ops and the PeerInfo from one device to the other, never back to the sender', async () => {
    const { dir, transports: [a, b] } = await team(DEV_A, DEV_B);
    const fromA = makeOps(DEV_A, 3);
    const fromB = makeOps(DEV_B, 2);
    expect(await a!.send(fromA, peer(DEV_A, 'ПК-1'))).toEqual({ sent: 3 });
    expect(await b!.send(fromB, peer(DEV_B, 'ПК-2'))).toEqual({ sent: 2 });

    const atB = await b!.receive(null, DEV_B);
    expect(atB.ops).toEqual(fromA);
    expect(atB.peers).toEqual([peer(DEV_A, 'ПК-1')]);
    expect(atB.issues).toEqual([]);
    expect(atB.cursor).toEqual({ [DEV_A]: 1 });
    const atA = await a!.receive(null, DEV_A);
    expect(atA.ops).toEqual(fromB);

    // The layout and the segment format, as other versions and tools will read them.
    const v1 = path.join(dir, 'PressDeskTeam', 'v1');
    expect(fs.readdirSync(path.join(dir, 'PressDeskTeam'))).toEqual(['v1']);
    expect(fs.readdirSync(v1).sort()).toEqual(['devices', 'info.json']);
    expect(JSON.parse(fs.readFileSync(path.join(v1, 'info.json'), 'utf8'))).toMatchObject({ format: 1, teamId: expect.any(String) });
    expect(fs.readdirSync(deviceDir(dir, DEV_A)).sort()).toEqual(['device.json', 'seg-1.ndjson']);
    const bytes = fs.readFileSync(segFile(dir, DEV_A, 1));
    const lines = bytes.toString('utf8').split('\n');
    expect(lines).toHaveLength(3 + 2 + 1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ pressDeskTeam: 1, deviceId: DEV_A, seq: 1, count: 3 });
    const footer = JSON.parse(lines[4]!);
    const beforeFooter = bytes.subarray(0, bytes.length - lines[4]!.length - 1);
    expect(footer).toEqual({ end: true, count: 3, sha256: createHash('sha256').update(beforeFooter).digest('hex') });
  });

  it('resumes from the cursor (also after a JSON round trip) and numbers segments past the highest on disk', async () => {
    const { dir, transports: [a, b] } = await team(DEV_A, DEV_B);
    await a!.send(makeOps(DEV_A, 2), peer(DEV_A, 'ПК-1'));
    const first = await b!.receive(null, DEV_B);
    const later = makeOps(DEV_A, 4);
    // A fresh instance (the app restarted) continues the numbering from the folder, not from memory.
    await new FolderTransport(dir).send(later, peer(DEV_A, 'ПК-1'));
    const second = await b!.receive(JSON.parse(JSON.stringify(first.cursor)), DEV_B);
    expect(ids(second.ops)).toEqual(ids(later));
    expect(second.cursor).toEqual({ [DEV_A]: 2 });
    const third = await b!.receive(second.cursor, DEV_B);
    expect(third.ops).toEqual([]);
    expect(third.cursor).toEqual({ [DEV_A]: 2 });
    expect(fs.readdirSync(deviceDir(dir, DEV_A)).sort()).toEqual(['device.json', 'seg-1.ndjson', 'seg-2.ndjson']);
  });

  it('send([]) writes only device.json', async () => {
    const { dir, transports: [a, b] } = await team(DEV_A, DEV_B);
    expect(await a!.send([], peer(DEV_A, 'ПК-1'))).toEqual({ sent: 0 });
    expect(fs.readdirSync(deviceDir(dir, DEV_A))).toEqual(['device.json']);
    const got = await b!.receive(null, DEV_B);
    expect(got).toEqual({ ops: [], cursor: {}, peers: [peer(DEV_A, 'ПК-1')], issues: [] });
  });

  it('refuses to send ops of another device', async () => {
    const { transports: [a] } = await team(DEV_A);
    await expect(a!.send([makeOp(DEV_B)], peer(DEV_A, 'ПК-1'))).rejects.toThrow(/сделано на другом компьютере/);
  });

  it('two computers joining at once get one team; a known team is never created on an empty folder', async () => {
    const dir = tempDir('pd-team-');
    const [x, y] = await Promise.all([new FolderTransport(dir).open(), new FolderTransport(dir).open()]);
    expect(x.teamId).toBe(y.teamId);
    expect(fs.readdirSync(path.join(dir, 'PressDeskTeam', 'v1')).sort()).toEqual(['devices', 'info.json']);

    const empty = tempDir('pd-stick-');
    const err = await new FolderTransport(empty, { teamId: x.teamId }).open().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).message).toContain(`Папка отдела «${empty}» недоступна`);
    expect(fs.readdirSync(empty)).toEqual([]);

    const other = await new FolderTransport(dir, { teamId: 'другой-отдел' }).open().catch((e: unknown) => e);
    expect((other as AppError).code).toBe('conflict');
  });
});

describe('FolderTransport: what others left in the folder', () => {
  it('reports every file it did not write by name and ignores it', async () => {
    const { dir, transports: [a, b] } = await team(DEV_A, DEV_B);
    const ops = makeOps(DEV_A, 2);
    await a!.send(ops, peer(DEV_A, 'ПК-1'));
    const seg1 = fs.readFileSync(segFile(dir, DEV_A, 1));
    const junkNames = ['desktop.ini', 'Thumbs.db', 'seg-12 (копия).ndjson', 'seg-3.sync-conflict-20261201-1234.ndjson', '.syncthing.seg-2.ndjson.tmp', '~$отчёт.docx', 'seg-01.ndjson'];
    for (const name of junkNames) place(dir, DEV_A, name, seg1);
    // Our own temp file (a send in progress, or one cut by an unplugged stick) is neither read nor reported.
    place(dir, DEV_A, '.seg-2.ndjson.0a1b2c3d4e5f.tmp', seg1.subarray(0, 40));
    fs.mkdirSync(path.join(dir, 'PressDeskTeam', 'v1', 'devices', 'Новая папка'));
    fs.writeFileSync(path.join(dir, 'PressDeskTeam', 'v1', 'devices', 'desktop.ini'), '');
    fs.writeFileSync(path.join(dir, 'PressDeskTeam', 'v1', 'Thumbs.db'), '');
    fs.writeFileSync(path.join(dir, 'PressDeskTeam', 'desktop.ini'), '');

    const got = await b!.receive(null, DEV_B);
    expect(ids(got.ops)).toEqual(ids(ops));
    expect(got.cursor).toEqual({ [DEV_A]: 1 });
    expect(got.issues.every((i) => i.kind === 'junk')).toBe(true);
    const where = got.issues.map((i) => i.where).sort();
    expect(where).toEqual(
      [
        ...junkNames.map((n) => `PressDeskTeam/v1/devices/${DEV_A}/${n}`),
        'PressDeskTeam/v1/devices/Новая папка',
        'PressDeskTeam/v1/devices/desktop.ini',
        'PressDeskTeam/v1/Thumbs.db',
        'PressDeskTeam/desktop.ini',
      ].sort(),
    );
    const copy = got.issues.find((i) => i.where.endsWith('seg-12 (копия).ndjson'))!;
    expect(copy).toMatchObject({ deviceId: DEV_A, message: 'Файл «seg-12 (копия).ndjson» не создан Пресс-деском — пропущен' });
    expect(got.issues.find((i) => i.where.endsWith('Новая папка'))!.message).toBe('Папка «Новая папка» не создана Пресс-деском — пропущена');
  });

  it('skips a half-copied segment until the copy is complete', async () => {
    const { dir: source, transports: [a] } = await team(DEV_A);
    const first = makeOps(DEV_A, 2);
    const second = makeOps(DEV_A, 5);
    await a!.send(first, peer(DEV_A, 'ПК-1'));
    await a!.send(second, peer(DEV_A, 'ПК-1'));
    const whole = fs.readFileSync(segFile(source, DEV_A, 2));
    const cutAtLine = whole.subarray(0, whole.indexOf('\n', whole.length / 2) + 1);

    // The copy the other computer sees (a USB stick carried over, a sync client still copying).
    const { dir, transports: [b] } = await team(DEV_B);
    place(dir, DEV_A, 'seg-1.ndjson', fs.readFileSync(segFile(source, DEV_A, 1)));
    let cursor: unknown = null;
    for (const partial of [whole.subarray(0, Math.floor(whole.length / 2)), cutAtLine, Buffer.concat([whole.subarray(0, 100), Buffer.alloc(whole.length - 100)])]) {
      place(dir, DEV_A, 'seg-2.ndjson', partial);
      const got = await b!.receive(cursor, DEV_B);
      expect(ids(got.ops)).toEqual(cursor ? [] : ids(first));
      expect(kinds(got)).toEqual([`incomplete PressDeskTeam/v1/devices/${DEV_A}/seg-2.ndjson`]);
      expect(got.issues[0]!.message).toContain('ещё не скопирован целиком');
      expect(got.cursor).toEqual({ [DEV_A]: 1 });
      cursor = got.cursor;
    }
    place(dir, DEV_A, 'seg-2.ndjson', whole);
    const done = await b!.receive(cursor, DEV_B);
    expect(ids(done.ops)).toEqual(ids(second));
    expect(done.issues).toEqual([]);
    expect(done.cursor).toEqual({ [DEV_A]: 2 });
  });

  it('a flipped byte is a damaged segment: nothing of it or after it is taken until it is copied again', async () => {
    const { dir, transports: [a, b] } = await team(DEV_A, DEV_B);
    const first = makeOps(DEV_A, 3);
    await a!.send(first, peer(DEV_A, 'ПК-1'));
    await a!.send(makeOps(DEV_A, 1), peer(DEV_A, 'ПК-1'));
    const file = segFile(dir, DEV_A, 1);
    const good = fs.readFileSync(file);
    const bad = Buffer.from(good);
    const at = good.indexOf('Событие 2');
    bad[at] = bad[at]! ^ 0x01;
    fs.writeFileSync(file, bad);

    const got = await b!.receive(null, DEV_B);
    expect(got.ops).toEqual([]);
    expect(kinds(got)).toEqual([`checksum PressDeskTeam/v1/devices/${DEV_A}/seg-1.ndjson`]);
    expect(got.issues[0]!.message).toBe('Файл «seg-1.ndjson» компьютера «ПК-1» повреждён: контрольная сумма не совпадает. Изменения этого компьютера после него не принимаются, пока файл не будет скопирован заново');
    expect(got.cursor).toEqual({});

    fs.writeFileSync(file, good);
    const again = await b!.receive(got.cursor, DEV_B);
    expect(again.ops).toHaveLength(4);
    expect(again.cursor).toEqual({ [DEV_A]: 2 });
  });

  it('a gap stops that device at the hole until the missing segment arrives', async () => {
    const { dir: source, transports: [a] } = await team(DEV_A);
    const sent = [makeOps(DEV_A, 1), makeOps(DEV_A, 2), makeOps(DEV_A, 3)];
    for (const ops of sent) await a!.send(ops, peer(DEV_A, 'ПК-1'));
    const { dir, transports: [b] } = await team(DEV_B);
    for (const seq of [1, 3]) place(dir, DEV_A, `seg-${seq}.ndjson`, fs.readFileSync(segFile(source, DEV_A, seq)));

    const got = await b!.receive(null, DEV_B);
    expect(ids(got.ops)).toEqual(ids(sent[0]!));
    expect(kinds(got)).toEqual([`gap PressDeskTeam/v1/devices/${DEV_A}/seg-2.ndjson`]);
    expect(got.issues[0]!.message).toContain('Нет файла «seg-2.ndjson»');
    expect(got.cursor).toEqual({ [DEV_A]: 1 });

    place(dir, DEV_A, 'seg-2.ndjson', fs.readFileSync(segFile(source, DEV_A, 2)));
    const rest = await b!.receive(got.cursor, DEV_B);
    expect(ids(rest.ops)).toEqual([...ids(sent[1]!), ...ids(sent[2]!)]);
    expect(rest.cursor).toEqual({ [DEV_A]: 3 });
    expect(rest.issues).toEqual([]);
  });

  it('refuses a segment of a newer format and everything after it', async () => {
    const { dir, transports: [b] } = await team(DEV_B);
    place(dir, DEV_C, 'seg-1.ndjson', encodeSegment(DEV_C, 1, makeOps(DEV_C, 1), new Date()));
    place(dir, DEV_C, 'seg-2.ndjson', sealed([{ pressDeskTeam: 2, deviceId: DEV_C, seq: 2, count: 1, writtenAt: '2027-01-01T00:00:00.000Z' }, { v2: 'op' }]));
    place(dir, DEV_C, 'seg-3.ndjson', encodeSegment(DEV_C, 3, makeOps(DEV_C, 1), new Date()));
    const got = await b!.receive(null, DEV_B);
    expect(got.ops).toHaveLength(1);
    expect(kinds(got)).toEqual([`format PressDeskTeam/v1/devices/${DEV_C}/seg-2.ndjson`]);
    expect(got.issues[0]!.message).toContain('создан более новой версией Пресс-деска');
    expect(got.cursor).toEqual({ [DEV_C]: 1 });
  });

  it('a team folder made by a newer Press Desk is refused as a whole', async () => {
    const { dir, transports: [b] } = await team(DEV_B);
    fs.writeFileSync(path.join(dir, 'PressDeskTeam', 'v1', 'info.json'), JSON.stringify({ format: 2, teamId: 'x', createdAt: '2027-01-01' }));
    const err = (await b!.receive(null, DEV_B).catch((e: unknown) => e)) as AppError;
    expect(err.code).toBe('read_only');
    expect(err.message).toContain('создана более новой версией Пресс-деска');
  });

  it('refuses a whole segment when one of its ops claims another device, or a line is not an op', async () => {
    const { dir, transports: [b] } = await team(DEV_B);
    const forged = [makeOp(DEV_C), makeOp(DEV_A), makeOp(DEV_C)];
    place(dir, DEV_C, 'seg-1.ndjson', encodeSegment(DEV_C, 1, forged, new Date()));
    const got = await b!.receive(null, DEV_B);
    expect(got.ops).toEqual([]);
    expect(kinds(got)).toEqual([`unreadable PressDeskTeam/v1/devices/${DEV_C}/seg-1.ndjson`]);
    expect(got.issues[0]!.message).toContain('строка 3: изменение другого компьютера');
    expect(got.cursor).toEqual({});

    const header = { pressDeskTeam: 1, deviceId: DEV_A, seq: 1, count: 2, writtenAt: '2026-12-05T00:00:00.000Z' };
    place(dir, DEV_A, 'seg-1.ndjson', sealed([header, makeOp(DEV_A), { ...makeOp(DEV_A), kind: 'move' }]));
    const bad = await b!.receive(null, DEV_B);
    expect(kinds(bad)).toContain(`unreadable PressDeskTeam/v1/devices/${DEV_A}/seg-1.ndjson`);
    expect(bad.ops).toEqual([]);
  });
});

describe('FolderTransport: two computers and a fragile folder', () => {
  it('sending and receiving at the same moment, many times: every op arrives exactly once', async () => {
    const { transports: [a, b] } = await team(DEV_A, DEV_B);
    const sentBy = { [DEV_A]: [] as string[], [DEV_B]: [] as string[] };
    const gotBy = { [DEV_A]: [] as string[], [DEV_B]: [] as string[] };
    let cursorA: unknown = null;
    let cursorB: unknown = null;
    for (let round = 0; round < 40; round++) {
      const opsA = makeOps(DEV_A, 1 + (round % 7));
      const opsB = makeOps(DEV_B, 1 + ((round * 3) % 5));
      sentBy[DEV_A].push(...ids(opsA));
      sentBy[DEV_B].push(...ids(opsB));
      const [, , atA, atB] = await Promise.all([a!.send(opsA, peer(DEV_A, 'ПК-1')), b!.send(opsB, peer(DEV_B, 'ПК-2')), a!.receive(cursorA, DEV_A), b!.receive(cursorB, DEV_B)]);
      expect([...atA.issues, ...atB.issues]).toEqual([]);
      gotBy[DEV_A].push(...ids(atA.ops));
      gotBy[DEV_B].push(...ids(atB.ops));
      cursorA = atA.cursor;
      cursorB = atB.cursor;
    }
    gotBy[DEV_A].push(...ids((await a!.receive(cursorA, DEV_A)).ops));
    gotBy[DEV_B].push(...ids((await b!.receive(cursorB, DEV_B)).ops));
    expect(gotBy[DEV_A]).toEqual(sentBy[DEV_B]);
    expect(gotBy[DEV_B]).toEqual(sentBy[DEV_A]);
  });

  it('one instance sending many batches at once numbers them without a clash', async () => {
    const { dir, transports: [a, b] } = await team(DEV_A, DEV_B);
    const batches = Array.from({ length: 20 }, (_, i) => makeOps(DEV_A, 1 + (i % 3)));
    await Promise.all(batches.map((ops) => a!.send(ops, peer(DEV_A, 'ПК-1'))));
    expect(fs.readdirSync(deviceDir(dir, DEV_A)).filter((n) => n.startsWith('seg-'))).toHaveLength(20);
    expect(ids((await b!.receive(null, DEV_B)).ops)).toEqual(batches.flatMap(ids));
  });

  it('the folder removed between two sends: a clear error, nothing re-created, no half segment', async () => {
    const { dir, transports: [a, b] } = await team(DEV_A, DEV_B);
    await a!.send(makeOps(DEV_A, 2), peer(DEV_A, 'ПК-1'));

    // The share lost its PressDeskTeam (someone tidied up): not silently made again on this disk.
    fs.rmSync(path.join(dir, 'PressDeskTeam'), { recursive: true });
    const gone = (await a!.send(makeOps(DEV_A, 1), peer(DEV_A, 'ПК-1')).catch((e: unknown) => e)) as AppError;
    expect(gone).toBeInstanceOf(AppError);
    expect(gone.code).toBe('not_found');
    expect(gone.message).toMatch(new RegExp(`^Папка отдела «${dir}» недоступна: в ней нет «PressDeskTeam/v1/info.json»`));
    expect(fs.readdirSync(dir)).toEqual([]);

    // The stick pulled out: the chosen folder itself is gone.
    fs.rmSync(dir, { recursive: true });
    for (const attempt of [() => a!.send(makeOps(DEV_A, 1), peer(DEV_A, 'ПК-1')), () => b!.receive(null, DEV_B), () => a!.open()]) {
      const err = (await attempt().catch((e: unknown) => e)) as AppError;
      expect(err).toBeInstanceOf(AppError);
      expect(err.message).toBe(`Папка отдела «${dir}» недоступна: папка не найдена (флешка не вставлена или сетевой диск не подключён?)`);
    }
    expect(fs.existsSync(dir)).toBe(false);
  });

  it('the device folder vanishing mid-send leaves no segment that counts', async () => {
    let failures = 0;
    // 'temp': the instant the temp file is there (the segment is being written); then at a few later moments.
    for (const moment of ['temp', 0, 1, 2, 3, 5, 8, 13] as const) {
      const { dir, transports: [a, b] } = await team(DEV_A, DEV_B);
      await a!.send(makeOps(DEV_A, 1), peer(DEV_A, 'ПК-1'));
      const own = deviceDir(dir, DEV_A);
      const sending = a!.send(makeOps(DEV_A, 20_000), peer(DEV_A, 'ПК-1'));
      if (moment === 'temp') while (!fs.readdirSync(own).some((n) => n.startsWith('.seg-'))) await new Promise((r) => setImmediate(r));
      else await new Promise((r) => setTimeout(r, moment));
      fs.rmSync(own, { recursive: true, force: true });
      const err = await sending.then(() => null, (e: unknown) => e);
      if (err) {
        failures++;
        expect(err).toBeInstanceOf(AppError);
        expect((err as AppError).message).toMatch(new RegExp(`^Папка отдела «${dir}» недоступна: `));
      }
      // Whatever is left is a whole segment or nothing: the receiver never meets half of one.
      const got = await b!.receive({ [DEV_A]: 1 }, DEV_B);
      expect(got.issues).toEqual([]);
      expect([0, 20_000]).toContain(got.ops.length);
    }
    expect(failures).toBeGreaterThan(0);
  });

  it('a device folder deleted and begun again at seg-1 is read again from the start', async () => {
    const { dir, transports: [a, b] } = await team(DEV_A, DEV_B);
    for (let i = 0; i < 3; i++) await a!.send(makeOps(DEV_A, 1), peer(DEV_A, 'ПК-1'));
    const first = await b!.receive(null, DEV_B);
    expect(first.cursor).toEqual({ [DEV_A]: 3 });
    fs.rmSync(deviceDir(dir, DEV_A), { recursive: true });
    const again = makeOps(DEV_A, 2);
    await a!.send(again, peer(DEV_A, 'ПК-1'));
    const got = await b!.receive(first.cursor, DEV_B);
    expect(ids(got.ops)).toEqual(ids(again));
    expect(got.cursor).toEqual({ [DEV_A]: 1 });
  });
});

describe('assertNotInside', () => {
  it('refuses a data folder inside the team folder, the reverse, and the same folder; allows siblings', () => {
    const base = tempDir('pd-place-');
    const team = path.join(base, 'team');
    fs.mkdirSync(team);
    expect(() => assertNotInside(path.join(team, 'data'), team)).toThrow(/^Папка данных «.*» находится внутри папки отдела/);
    expect(() => assertNotInside(base, team)).toThrow(/^Папка отдела «.*» находится внутри папки данных/);
    expect(() => assertNotInside(team, team + path.sep)).toThrow(/не может совпадать/);
    expect(() => assertNotInside(path.join(base, 'team2'), team)).not.toThrow();
    expect(() => assertNotInside(path.join(base, 'data'), team)).not.toThrow();
    // Through a link the data folder is still inside.
    fs.symlinkSync(team, path.join(base, 'link'));
    expect(() => assertNotInside(path.join(base, 'link', 'data'), team)).toThrow(AppError);
  });
});
