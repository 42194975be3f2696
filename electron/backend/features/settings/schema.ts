import { z } from 'zod';
import { choice, id, optionalText, text, timeZone, webAddress } from '../../schema-kit.js';

export const staffRoles = { head: 'руководитель', specialist: 'специалист' } as const;

export const StaffMember = z
  .object({
    id: id(),
    name: text('ФИО сотрудника', 200),
    position: optionalText('Должность сотрудника', 200),
    role: choice(staffRoles, 'Роль сотрудника'),
  })
  .describe('Сотрудник');
export type StaffMember = z.infer<typeof StaffMember>;

export const SettingsInput = z.object({
  organisation: z
    .object({
      name: text('Организация', 300),
      city: text('Город', 100),
      timeZone: timeZone(),
      site: webAddress('Официальный сайт'),
      newspaper: optionalText('Официальная газета', 200),
    })
    .describe('Сведения об организации'),
  staff: z.array(StaffMember).max(50).default([]).describe('Сотрудники'),
});
export type SettingsInput = z.input<typeof SettingsInput>;

export const Settings = SettingsInput.extend({
  id: z.literal('settings'),
  updatedAt: z.iso.datetime({ offset: true }),
});
export type Settings = z.infer<typeof Settings>;

export const settingsCollections = {
  settings: { schema: Settings },
};
