/**
 * The calendar's own editable lists (kinds of events with their colours, national projects and
 * programmes, topics, kinds of coverage material), with the defaults a new data folder starts with.
 * No Node imports: the renderer reads the labels from here too.
 */
import { z } from 'zod';
import { isoDateTime, text } from '../../schema-kit.js';

const slug = (label: string) =>
  z.string().trim().min(1).max(64).regex(/^[a-z0-9][a-z0-9\-_]*$/i, 'латинские буквы, цифры и «-»').describe(label);
const colour = z.string().regex(/^#[0-9a-f]{6}$/i, 'цвет в виде #RRGGBB').describe('Цвет');

export const DictEntry = z.object({
  id: slug('Код'),
  name: text('Название', 300),
  archived: z.boolean().default(false).describe('В архиве'),
});
export const KindEntry = DictEntry.extend({ color: colour });
export const CoverageKindEntry = DictEntry.extend({
  offsetDays: z.number().int().min(-60).max(60).describe('Срок, дней от мероприятия'),
  byDefault: z.boolean().default(true).describe('В чек-листе по умолчанию'),
});
export type DictEntry = z.infer<typeof DictEntry>;
export type KindEntry = z.infer<typeof KindEntry>;
export type CoverageKindEntry = z.infer<typeof CoverageKindEntry>;

export const DictionariesFields = z.object({
  kinds: z.array(KindEntry).min(1).max(100).describe('Виды мероприятий'),
  projects: z.array(DictEntry).max(200).describe('Нацпроекты и программы'),
  tags: z.array(DictEntry).max(500).describe('Темы'),
  coverage: z.array(CoverageKindEntry).min(1).max(50).describe('Виды материалов'),
});
export type DictionariesFields = z.infer<typeof DictionariesFields>;

/** Saving: a new entry may come without its code (one is made up). */
const optionalCode = { id: slug('Код').optional() };
export const DictionariesInput = z.object({
  kinds: z.array(KindEntry.extend(optionalCode)).min(1).max(100).describe('Виды мероприятий'),
  projects: z.array(DictEntry.extend(optionalCode)).max(200).describe('Нацпроекты и программы'),
  tags: z.array(DictEntry.extend(optionalCode)).max(500).describe('Темы'),
  coverage: z.array(CoverageKindEntry.extend(optionalCode)).min(1).max(50).describe('Виды материалов'),
});

export const CalendarDictionaries = DictionariesFields.extend({
  id: z.literal('calendar'),
  updatedAt: isoDateTime('Изменено'),
});
export type CalendarDictionaries = z.infer<typeof CalendarDictionaries>;

export const defaultDictionaries: DictionariesFields = {
  kinds: [
    { id: 'press-conference', name: 'пресс-конференция', color: '#1f6fb2', archived: false },
    { id: 'briefing', name: 'брифинг', color: '#2a9fb8', archived: false },
    { id: 'field-day', name: 'выездной день', color: '#2e8b3e', archived: false },
    { id: 'residents', name: 'встреча с жителями', color: '#8cb832', archived: false },
    { id: 'ceremony', name: 'торжественное мероприятие', color: '#c0392b', archived: false },
    { id: 'opening', name: 'открытие объекта', color: '#e67e22', archived: false },
    { id: 'session', name: 'заседание', color: '#7b4fa8', archived: false },
    { id: 'interview', name: 'интервью', color: '#9a6b3f', archived: false },
    { id: 'other', name: 'другое', color: '#7f8c8d', archived: false },
  ],
  projects: [
    { id: 'comfort-environment', name: 'Формирование комфортной городской среды', archived: false },
    { id: 'roads', name: 'Безопасные качественные дороги', archived: false },
    { id: 'demography', name: 'Демография', archived: false },
    { id: 'education', name: 'Образование', archived: false },
    { id: 'healthcare', name: 'Здравоохранение', archived: false },
    { id: 'culture', name: 'Культура', archived: false },
    { id: 'ecology', name: 'Экология', archived: false },
    { id: 'housing', name: 'Жильё и городская среда', archived: false },
  ],
  tags: [
    { id: 'improvement', name: 'благоустройство', archived: false },
    { id: 'housing-utilities', name: 'ЖКХ', archived: false },
    { id: 'roads', name: 'дороги', archived: false },
    { id: 'education', name: 'образование', archived: false },
    { id: 'health', name: 'здравоохранение', archived: false },
    { id: 'culture', name: 'культура', archived: false },
    { id: 'sport', name: 'спорт', archived: false },
    { id: 'youth', name: 'молодёжь', archived: false },
    { id: 'veterans', name: 'ветераны', archived: false },
    { id: 'social', name: 'социальная поддержка', archived: false },
    { id: 'economy', name: 'экономика', archived: false },
    { id: 'safety', name: 'безопасность', archived: false },
  ],
  coverage: [
    { id: 'announce', name: 'анонс', offsetDays: -2, byDefault: true, archived: false },
    { id: 'release', name: 'пресс-релиз', offsetDays: 0, byDefault: true, archived: false },
    { id: 'photo', name: 'фото', offsetDays: 0, byDefault: true, archived: false },
    { id: 'video', name: 'видео', offsetDays: 0, byDefault: false, archived: false },
    { id: 'site', name: 'публикация на сайте', offsetDays: 0, byDefault: true, archived: false },
    { id: 'social', name: 'пост в соцсетях', offsetDays: 0, byDefault: true, archived: false },
    { id: 'newspaper', name: 'материал в газете', offsetDays: 5, byDefault: false, archived: false },
  ],
};

