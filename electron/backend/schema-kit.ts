import { z } from 'zod';
import './errors.js'; // installs the Russian messages before any schema is used

/** Building blocks for every feature's schemas: each field carries its Russian label for error messages. */
export const id = () => z.string().min(1).max(64).describe('Идентификатор');

export const text = (label: string, max = 500) => z.string().trim().min(1).max(max).describe(label);
export const optionalText = (label: string, max = 500) => z.string().trim().max(max).default('').describe(label);
export const longText = (label: string, max = 20_000) => z.string().max(max).default('').describe(label);

export const email = (label = 'E-mail') =>
  z.union([z.literal(''), z.email()]).default('').describe(label);

export const webAddress = (label = 'Сайт') =>
  z
    .union([z.literal(''), z.url({ protocol: /^https?$/, hostname: z.regexes.domain })])
    .default('')
    .describe(label);

export const phone = (label = 'Телефон') =>
  z
    .string()
    .trim()
    .max(40)
    .regex(/^[\d\s()+\-–,доб.]*$/i, 'допустимы цифры, пробелы, скобки, «+» и «-»')
    .default('')
    .describe(label);

export const isoDateTime = (label: string) => z.iso.datetime({ offset: true }).describe(label);

export const timeZone = (label = 'Часовой пояс') =>
  z
    .string()
    .refine((tz) => {
      try {
        new Intl.DateTimeFormat('ru-RU', { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    }, 'неизвестный часовой пояс (пример: Asia/Barnaul)')
    .describe(label);

export const empty = z.object({}).default({});

/** Every stored record has these. */
export const recordMeta = {
  id: id(),
  createdAt: isoDateTime('Создано'),
  updatedAt: isoDateTime('Изменено'),
};
