import type { FileResult } from '../../api.js';
import { letterhead, note, subtitle, table, title } from '../../docx/blocks.js';
import { gostDocument, safeFileName, toFileResult } from '../../docx/gost.js';
import { countOf, formatDateLong, isoDate } from '../../format.js';
import type { Settings } from '../settings/schema.js';
import { outletKinds, type Outlet } from './schema.js';

/** One entry per contact person (name and position, phone, e-mail on their own lines). */
const contactEntries = (o: Outlet) =>
  o.contacts.map((c) => [c.name + (c.position ? `, ${c.position}` : ''), c.phone, c.email].filter(Boolean).join('\n'));

/** «Справочник средств массовой информации» as a ГОСТ table (landscape: it is wide). */
export async function buildOutletsDocx(outlets: Outlet[], settings: Settings | null, now: Date): Promise<FileResult> {
  const org = settings?.organisation;
  const tz = org?.timeZone ?? 'Europe/Moscow';
  const rows = outlets.map((o, i) => [
    String(i + 1),
    o.name + (o.officialPublisher ? '\n(официальный публикатор МПА)' : '') + (o.archived ? '\n(в архиве)' : ''),
    outletKinds[o.kind],
    [o.address, o.website].filter(Boolean).join('\n'),
    contactEntries(o),
    o.notes,
  ]);
  const doc = gostDocument({
    title: 'Справочник СМИ',
    sections: [
      {
        landscape: true,
        children: [
          ...(org ? [letterhead(org.name)] : []),
          title('Справочник средств массовой информации'),
          subtitle(`по состоянию на ${formatDateLong(now, tz)}`),
          table(
            [
              // Contacts get the most room: a typical e-mail (redaktor@mayak-truda.ru) fits on one line.
              { title: '№ п/п', width: 5, align: 'center' },
              { title: 'Наименование СМИ', width: 20 },
              { title: 'Вид', width: 11 },
              { title: 'Адрес, сайт', width: 20 },
              { title: 'Контактные лица', width: 28 },
              { title: 'Примечание', width: 16 },
            ],
            rows,
            { landscape: true, emptyText: 'В справочнике нет СМИ' },
          ),
          note(`Всего в справочнике: ${countOf(outlets.length, ['СМИ', 'СМИ', 'СМИ'])}.`),
        ],
      },
    ],
  });
  return toFileResult(doc, safeFileName(`Справочник СМИ ${isoDate(now, tz)}`, 'docx'));
}
