/**
 * Times are the organisation's, not the computer's: an event at 10:00 Барнаул time is 10:00 whatever
 * process.env.TZ says (checked in child processes with other zones), and a weekly 10:00 stays 10:00
 * across a daylight-saving change when the organisation's zone has one.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ICAL from 'ical.js';
import { afterEach, describe, expect, it } from 'vitest';
import { openCalendar, tmpDir, type CalendarFixture } from './calendar-fixture.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let f: CalendarFixture | null = null;
afterEach(async () => {
  await f?.close();
  f = null;
});

/** Runs in a child process with its own TZ: creates an event at 10:00 wall time and reports what the app shows. */
const childScript = `
import fs from 'node:fs';
import { openBackend } from ${JSON.stringify(path.join(root, 'electron/backend/app.ts'))};
const dir = process.argv[2];
const b = await openBackend({ dataDir: dir, now: () => new Date('2026-06-05T01:00:00Z') });
const call = async (m, i) => { const r = await b.invoke(m, i); if (!r.ok) throw new Error(r.error.message); return r.result; };
await call('settings.save', { organisation: { name: 'Администрация города Алейска', city: 'Алейск', timeZone: 'Asia/Barnaul' }, staff: [] });
await call('calendar.create', { title: 'Пресс-конференция', kindId: 'press-conference', start: '2026-06-05T10:00', end: '2026-06-05T11:30' });
await call('calendar.create', { title: 'Брифинг', kindId: 'briefing', start: '2026-06-01T09:00', recurrence: { freq: 'weekly', byWeekday: ['MO'], count: 3 } });
const list = await call('calendar.list', { from: '2026-06-01', to: '2026-06-30' });
const today = await call('today.get', {});
const ics = Buffer.from((await call('calendar.exportIcs', {})).base64, 'base64').toString('utf8');
console.log(JSON.stringify({
  processZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
  list: list.map((o) => [o.localStart, o.localEnd, o.start, o.labels.when]),
  today: today.filter((i) => i.section === 'calendar').map((i) => i.title),
  dtstart: ics.split('\\r\\n').filter((l) => l.startsWith('DTSTART;')),
}));
await b.close();
`;

describe('the computer\'s zone does not matter', () => {
  it('10:00 Asia/Barnaul shows as 10:00 with TZ = UTC, Los Angeles, Kiritimati (+14) and Barnaul itself', () => {
    const dir = tmpDir('calendar-tz');
    const script = path.join(dir, 'child.mts');
    fs.writeFileSync(script, childScript);
    const outputs = ['UTC', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Asia/Barnaul'].map((tz) => {
      const data = path.join(dir, tz.replace('/', '-'));
      const run = spawnSync(process.execPath, ['--import', 'tsx', script, data], { cwd: root, env: { ...process.env, TZ: tz }, encoding: 'utf8', timeout: 60_000 });
      expect(run.status, run.stderr).toBe(0);
      const out = JSON.parse(run.stdout.trim().split('\n').at(-1)!);
      expect(out.processZone).toBe(tz === 'UTC' ? 'UTC' : tz);
      return out;
    });
    const expected = {
      list: [
        ['2026-06-01T09:00', '2026-06-01T10:00', '2026-06-01T09:00:00+07:00', 'пн, 1 июня 2026 г., 09:00–10:00'],
        ['2026-06-05T10:00', '2026-06-05T11:30', '2026-06-05T10:00:00+07:00', 'пт, 5 июня 2026 г., 10:00–11:30'],
        ['2026-06-08T09:00', '2026-06-08T10:00', '2026-06-08T09:00:00+07:00', 'пн, 8 июня 2026 г., 09:00–10:00'],
        ['2026-06-15T09:00', '2026-06-15T10:00', '2026-06-15T09:00:00+07:00', 'пн, 15 июня 2026 г., 09:00–10:00'],
      ],
      // 01:00 UTC on 5 June is 08:00 on 5 June in Барнаул: the press conference is today.
      today: expect.arrayContaining(['10:00–11:30: Пресс-конференция']),
      dtstart: ['DTSTART;TZID=Asia/Barnaul:20260605T100000', 'DTSTART;TZID=Asia/Barnaul:20260601T090000'],
    };
    for (const out of outputs) expect(out).toMatchObject(expected);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('an instant sent in UTC or another offset is stored and shown in the organisation\'s zone', async () => {
    f = await openCalendar();
    const a = await f.call('calendar.create', { title: 'Интервью', kindId: 'interview', start: '2026-06-05T03:00:00Z', end: '2026-06-05T05:00:00+02:00' });
    expect(a.event).toMatchObject({ start: '2026-06-05T10:00:00+07:00', end: '2026-06-05T10:00:00+07:00' });
    expect(a.occurrence).toMatchObject({ localStart: '2026-06-05T10:00', localEnd: '2026-06-05T10:00' });
    expect(a.occurrence.labels.time).toBe('10:00');
  });

  it('"today" is the organisation\'s day: late evening UTC is already the next morning in Барнаул', async () => {
    f = await openCalendar({ now: '2026-06-04T20:00:00Z' });
    await f.call('calendar.create', { title: 'Утренний брифинг', kindId: 'briefing', start: '2026-06-05T09:00' });
    const today = await f.call('today.get', {});
    expect(today.filter((i) => i.section === 'calendar').map((i) => i.title)).toContain('09:00–10:00: Утренний брифинг');
  });
});

describe('an organisation in a zone with daylight saving (Europe/Berlin)', () => {
  it('a weekly 10:00 stays 10:00 across the change; the .ics has a DAYLIGHT rule and the right instants', async () => {
    f = await openCalendar({ timeZone: 'Europe/Berlin', now: '2026-03-01T08:00:00Z' });
    await f.call('calendar.create', { title: 'Pressekonferenz', kindId: 'press-conference', start: '2026-03-16T10:00', recurrence: { freq: 'weekly', byWeekday: ['MO'], until: '2026-04-13' } });
    const list = await f.call('calendar.list', { from: '2026-03-01', to: '2026-04-30' });
    expect(list.map((o) => o.localStart)).toEqual(['2026-03-16T10:00', '2026-03-23T10:00', '2026-03-30T10:00', '2026-04-06T10:00', '2026-04-13T10:00']);
    expect(list.map((o) => o.start.slice(-6))).toEqual(['+01:00', '+01:00', '+02:00', '+02:00', '+02:00']);

    const file = await f.call('calendar.exportIcs', {});
    const text = Buffer.from((file as { base64: string }).base64, 'base64').toString('utf8');
    expect(text).toContain('BEGIN:DAYLIGHT');
    const cal = new ICAL.Component(ICAL.parse(text));
    for (const vtz of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(vtz);
    const event = new ICAL.Event(cal.getFirstSubcomponent('vevent')!);
    const it = event.iterator();
    const utc: string[] = [];
    for (let next = it.next(); next; next = it.next()) utc.push(next.toJSDate().toISOString());
    expect(utc).toEqual(['2026-03-16T09:00:00.000Z', '2026-03-23T09:00:00.000Z', '2026-03-30T08:00:00.000Z', '2026-04-06T08:00:00.000Z', '2026-04-13T08:00:00.000Z']);
    ICAL.TimezoneService.reset();
  });
});
