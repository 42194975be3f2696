import type { FileResult } from '../../api.js';
import { letterhead, note, subtitle, table, title } from '../../docx/blocks.js';
import { gostDocument, safeFileName, toFileResult } from '../../docx/gost.js';
import { countOf, formatDateLong } from '../../format.js';
import type { Settings } from '../settings/schema.js';
import { outletKinds, type Outlet } from './schema.js';

const contactLines = (o: Outlet) =>
  o.contacts.map((c) => [c.name + (c.position ? `, ${c.position}` : ''), c.phone, c.email].filter(Boolean).join('\n')).join('\n');

/** «Справочник средств массовой информации» as a ГОСТ table (landscape: it is wide). */
export async function buildOutletsDocx(outlets: Outlet[], settings: Settings | null, now: Date): Promise<FileResult> {
  const org = settings?.organisation;
  const tz = org?.timeZone ?? 'Europe/Moscow';
  const rows = outlets.map((o, i) => [
    String(i + 1),
    o.name + (o.officialPublisher ? '\n(официальный публикатор МПА)' : '') + (o.archived ? '\n(в архиве)' : ''),
    outletKinds[o.kind],
    [o.address, o.website].filter(Boolean).join('\n'),
    contactLines(o),
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
              { title: '№ п/п', width: 5, align: 'center' },
              { title: 'Наименование СМИ', width: 22 },
              { title: 'Вид', width: 11 },
              { title: 'Адрес, сайт', width: 20 },
              { title: 'Контактные лица', width: 24 },
              { title: 'Примечание', width: 18 },
            ],
            rows,
            { landscape: true, emptyText: 'В справочнике нет СМИ' },
          ),
          note(`Всего в справочнике: ${countOf(outlets.length, ['СМИ', 'СМИ', 'СМИ'])}.`),
        ],
      },
    ],
  });
  return toFileResult(doc, safeFileName(`Справочник СМИ ${now.toISOString().slice(0, 10)}`, 'docx'));
}
