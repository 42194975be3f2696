import { z } from 'zod';
import './errors.js'; // installs the Russian messages before any schema is used

/** Building blocks for every feature's schemas: each field carries its Russian label for error messages. */
export const id = () => z.string().min(1).max(64).describe('Идентификатор');

export const text = (label: string, max = 500) => z.string().trim().min(1).max(max).describe(label);
export const optionalText = (label: string, max = 500) => z.string().trim().max(max).default('').describe(label);
export const longText = (label: string, max = 20_000) => z.string().max(max).default('').describe(label);

export const email = (label = 'E-mail') =>
  z.union([z.literal(''), z.email()]).default('').describe(label);

/**
 * A public host name: labels of letters, digits and hyphens, and a top-level domain of letters or an
 * internationalised one. zod's own `z.regexes.domain` allows letters only in the TLD, so it refused every
 * site in .рф (the URL parser hands the host over as punycode: «xn--p1ai»).
 */
export const hostName = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/i;

export const webAddress = (label = 'Сайт') =>
  z
    .union([z.literal(''), z.url({ protocol: /^https?$/, hostname: hostName })])
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

/**
 * One of a fixed set of values, each with its Russian name: the error lists the names the user
 * sees in the form («газета, ТВ, радио»), not the codes stored in the data.
 */
export const choice = <K extends string>(names: Readonly<Record<K, string>>, label: string) => {
  const keys = Object.keys(names) as [K, ...K[]];
  // The code in brackets is for the command line and scripts, which send codes, not names.
  const list = keys.map((k) => `«${names[k]}» (${k})`).join(', ');
  return z
    .enum(keys, { error: (issue) => (issue.input === undefined ? 'обязательное поле' : `выберите одно из значений: ${list}`) })
    .describe(label);
};

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
