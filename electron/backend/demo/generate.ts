import { randomUUID } from 'node:crypto';
import type { AppStore } from '../collections.js';
import { AppError } from '../errors.js';
import { Outlet, OutletFields, outletKinds, type OutletKind } from '../features/outlets/schema.js';
import { SettingsInput } from '../features/settings/schema.js';
import { generateContractsDemo } from '../features/contracts/demo.js';
import { generateDirectLinesDemo } from '../features/direct-lines/demo.js';
import { generateCalendarDemo } from '../features/calendar/demo.js';
import { generateReleasesDemo } from '../features/releases/demo.js';
import { generateReportsDemo } from '../features/reports/demo.js';
import { generateSyncDemo } from '../features/sync/demo.js';
import { seededRandom } from './random.js';
import { demoOutlets, demoSettings } from './town.js';

export interface DemoOptions {
  years: number;
  /** Extra synthetic outlets for load tests and benchmarks. */
  scale: number;
  now: Date;
}

const kinds = Object.keys(outletKinds) as OutletKind[];
const cities = ['Алейск', 'Барнаул', 'Рубцовск', 'Бийск', 'Новоалтайск', 'Камень-на-Оби', 'Заринск', 'Славгород'];
const surnames = ['Иванова', 'Смирнов', 'Кузнецова', 'Попов', 'Васильева', 'Петров', 'Соколова', 'Михайлов', 'Новикова', 'Фёдоров'];

/** Fills an empty data folder with the demo town; later features add their collections here. */
export async function generateDemo(store: AppStore, opts: DemoOptions): Promise<Record<string, number>> {
  if (store.count('outlets') > 0 || store.get('settings', 'settings')) {
    throw new AppError('validation', 'Папка данных не пуста: демо-данные заполняют только новую папку. Укажите другую папку (--data-dir).');
  }
  const random = seededRandom();
  const yearMs = 365 * 86_400_000;
  const at = (i: number, total: number) => new Date(opts.now.getTime() - opts.years * yearMs * (1 - i / Math.max(total, 1))).toISOString();
  const settings = SettingsInput.parse(demoSettings);
  const outlets: Outlet[] = demoOutlets.map((fields, i) => {
    const created = at(i, demoOutlets.length);
    return Outlet.parse({ ...OutletFields.parse(fields), id: randomUUID(), archived: fields.name.includes('Алейская жизнь'), createdAt: created, updatedAt: created });
  });
  for (let i = 0; i < opts.scale; i++) {
    const city = random.pick(cities);
    const created = at(i, opts.scale);
    outlets.push({
      id: randomUUID(),
      name: `${random.pick(['Газета', 'Вестник', 'Телеканал', 'Радио', 'Портал', 'Паблик'])} «${city} ${i + 1}»`,
      kind: random.pick(kinds),
      officialPublisher: false,
      address: `${city}, ул. Ленина, ${random.int(1, 150)}`,
      website: '',
      contacts: [{ name: `${random.pick(surnames)} ${String.fromCharCode(1040 + random.int(0, 30))}.`, position: 'корреспондент', phone: `+7 9${random.int(10, 99)} ${random.int(100, 999)}-${random.int(10, 99)}-${random.int(10, 99)}`, email: '' }],
      notes: '',
      archived: random.next() < 0.1,
      createdAt: created,
      updatedAt: created,
    });
  }
  await store.mutate((tx) => {
    tx.put('settings', { ...settings, id: 'settings', updatedAt: opts.now.toISOString() });
    // Big scales are journaled in chunks below; the realistic town fits in one write.
    for (const o of outlets.slice(0, 1000)) tx.put('outlets', o);
  });
  for (let i = 1000; i < outlets.length; i += 5000) {
    await store.mutate((tx) => outlets.slice(i, i + 5000).forEach((o) => tx.put('outlets', o)));
  }
  const contracts = await generateContractsDemo(store, { years: opts.years, now: opts.now });
  const directLines = await generateDirectLinesDemo(store, { years: opts.years, now: opts.now, timeZone: settings.organisation.timeZone, outlets });
  const calendar = await generateCalendarDemo(store, { years: opts.years, now: opts.now, timeZone: settings.organisation.timeZone, staff: settings.staff, outlets });
  // After the calendar: releases are tied to its events.
  const releases = await generateReleasesDemo(store, { years: opts.years, now: opts.now, timeZone: settings.organisation.timeZone, staff: settings.staff, organisation: settings.organisation });
  // Site posts, subscribers, votes, incidents and each year's tasks for the annual report.
  const reports = await generateReportsDemo(store, { years: opts.years, now: opts.now, site: settings.organisation.site });
  // Published releases meant for the site shown as posts on it (the demo has no password: nothing is sent).
  const sync = await generateSyncDemo(store, { now: opts.now, site: settings.organisation.site });
  await store.compact();
  return { settings: 1, outlets: outlets.length, ...contracts, ...directLines, ...calendar, ...releases, ...reports, ...sync };
}
