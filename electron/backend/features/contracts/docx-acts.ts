/** «Реестр опубликованных муниципальных правовых актов» for a year, ГОСТ style. */
import type { FileResult } from '../../api.js';
import { letterhead, note, subtitle, table, title } from '../../docx/blocks.js';
import { gostDocument, safeFileName, textWidth, toFileResult } from '../../docx/gost.js';
import { countOf } from '../../format.js';
import type { Settings } from '../settings/schema.js';
import type { ActsRegister } from './acts-register.js';
import { dayLong, dayShort, daysWord } from './days.js';
import { line, section, signature } from './docx-kit.js';

export async function buildActsRegisterDocx(reg: ActsRegister, settings: Settings | null, now: Date): Promise<FileResult> {
  const org = settings?.organisation.name;
  const rows = reg.rows.map((r, i) => [
    String(i + 1),
    `${r.kindLabel}\nот ${dayShort(r.signedOn)} № ${r.number}`,
    r.title,
    r.places.map((p) => `${p.where.replace(/№ /g, '№\u00a0')} от ${dayShort(p.date)}`).join('\n'),
    dayShort(r.publishedOn),
    dayShort(r.deadline),
    r.onTime ? 'в срок' : `с опозданием\nна ${daysWord(r.daysLate)}`,
  ]);
  const t = reg.totals;
  const doc = gostDocument({
    title: `Реестр опубликованных муниципальных правовых актов за ${reg.year} год`,
    sections: [
      {
        landscape: true,
        children: [
          ...(org ? [letterhead(org)] : []),
          title('Реестр опубликованных муниципальных правовых актов'),
          subtitle(`за ${reg.year} год (срок опубликования — ${daysWord(reg.deadlineDays)} со дня подписания)`),
          table(
            [
              { title: '№ п/п', width: 5, align: 'center' },
              { title: 'Вид, дата и номер акта', width: 18 },
              { title: 'Наименование', width: 29 },
              { title: 'Где опубликован', width: 19 },
              { title: 'Дата опублико­вания', width: 9.5, align: 'center' },
              { title: 'Срок опублико­вания', width: 9.5, align: 'center' },
              { title: 'Соблюдение срока', width: 11, align: 'center' },
            ],
            rows,
            { landscape: true, emptyText: 'За год не опубликовано ни одного акта' },
          ),
          note(
            `Всего опубликовано ${countOf(t.acts, ['акт', 'акта', 'актов'])}: в срок — ${t.onTime}, с нарушением срока — ${t.late}; ` +
              `в газете — ${t.inNewspaper}, в сборниках НПА — ${t.inCollections}.`,
          ),
          section('Сборники нормативно-правовых актов'),
          line(`За ${reg.year} год выпущено ${countOf(reg.collections.count, ['сборник', 'сборника', 'сборников'])} нормативно-правовых актов (${countOf(reg.collections.acts, ['акт', 'акта', 'актов'])}).`),
          ...reg.collections.items.map((c) => line(`— № ${c.number} от ${dayLong(c.date)}: ${countOf(c.acts, ['акт', 'акта', 'актов'])}.`)),
          ...signature(settings, textWidth.landscape),
        ],
      },
    ],
  });
  return toFileResult(doc, safeFileName(`Реестр опубликованных актов ${reg.year}`, 'docx'));
}
