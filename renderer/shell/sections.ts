/** Every section of the product, in sidebar order (Ctrl+1…9 follow it). */
export const sections = [
  {
    id: 'summary',
    title: 'Сводка',
    built: true,
    about: 'Год на сегодня рядом с тем же периодом прошлого года, что требует внимания во всех разделах, и переходы в них.',
  },
  {
    id: 'calendar',
    title: 'Календарь',
    built: true,
    about: 'Календарь медиасобытий администрации по месяцам, неделям и списком, с повторяющимися событиями — чтобы видеть неделю и год целиком.',
  },
  {
    id: 'events',
    title: 'Мероприятия',
    built: true,
    about: 'Карточки пресс-конференций, выездных дней и встреч с жителями: кто выступает от администрации, какие СМИ приглашены, что нужно осветить.',
  },
  {
    id: 'releases',
    title: 'Релизы',
    built: true,
    about: 'Подготовка пресс-релизов с согласованием вторым сотрудником, выгрузкой в Word и публикацией на сайт, когда есть связь.',
  },
  {
    id: 'direct-lines',
    title: 'Прямые линии',
    built: true,
    about: 'Прямые линии и часы прямого провода главы с жителями: вопросы до и во время эфира, поручения отделам со сроками, ответы и их публикация.',
  },
  {
    id: 'contracts',
    title: 'Контракты',
    built: true,
    about: 'Реестр муниципальных контрактов со СМИ: израсходованные объём и деньги против лимита, акты, оплаты, предупреждения при 80 % и 100 %.',
  },
  {
    id: 'outlets',
    title: 'СМИ',
    built: true,
    about: 'Справочник средств массовой информации и их контактов.',
  },
  {
    id: 'reports',
    title: 'Отчёты',
    built: true,
    about: 'Ежегодный отчёт об информационной политике для Совета депутатов: цифры года рядом с прошлым годом и выгрузка в Word.',
  },
  {
    id: 'settings',
    title: 'Настройки',
    built: true,
    about: 'Организация, сотрудники, резервные копии и перенос данных.',
  },
] as const;

export type Section = (typeof sections)[number];
export type SectionId = Section['id'];
export const sectionIds: readonly SectionId[] = sections.map((s) => s.id);

export function sectionOf(id: SectionId): Section {
  return sections.find((s) => s.id === id)!;
}
