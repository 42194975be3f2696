import { z } from 'zod';
import { choice, email, id, longText, optionalText, phone, recordMeta, text, webAddress } from '../../schema-kit.js';

export const outletKinds = {
  newspaper: 'газета',
  tv: 'ТВ',
  radio: 'радио',
  online: 'интернет-издание',
  social: 'паблик/канал',
} as const;
export type OutletKind = keyof typeof outletKinds;

export const Contact = z
  .object({
    name: text('Контактное лицо', 200),
    position: optionalText('Должность контакта', 200),
    phone: phone('Телефон контакта'),
    email: email('E-mail контакта'),
  })
  .describe('Контакт');
export type Contact = z.infer<typeof Contact>;

export const OutletFields = z.object({
  name: text('Название СМИ', 300),
  kind: choice(outletKinds, 'Вид СМИ'),
  officialPublisher: z.boolean().default(false).describe('Официальный публикатор МПА'),
  address: optionalText('Адрес', 500),
  website: webAddress('Сайт СМИ'),
  contacts: z.array(Contact).max(50).default([]).describe('Контакты'),
  notes: longText('Заметки', 10_000),
});
export type OutletFields = z.input<typeof OutletFields>;

export const Outlet = OutletFields.extend({
  ...recordMeta,
  archived: z.boolean(),
});
export type Outlet = z.infer<typeof Outlet>;

export const archiveScopes = { active: 'действующие', archived: 'в архиве', all: 'все' } as const;

export const OutletQuery = z
  .object({
    query: z.string().max(200).default('').describe('Поиск'),
    kind: choice(outletKinds, 'Вид СМИ').optional(),
    archived: choice(archiveScopes, 'Архив').default('active'),
  })
  .default({ query: '', archived: 'active' });

export const OutletUpdate = OutletFields.extend({ id: id() });
export const OutletArchive = z.object({ id: id(), archived: z.boolean().describe('В архиве') });
export const OutletExport = z
  .object({ includeArchived: z.boolean().default(false).describe('Включая архивные СМИ') })
  .default({ includeArchived: false });

export const outletCollections = {
  outlets: { schema: Outlet },
};
