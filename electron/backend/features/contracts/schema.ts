/**
 * Contracts register (Контракты): municipal contracts with the media (44-ФЗ), publications under
 * them, acts of acceptance, payments, the units dictionary, «сборники НПА» and the feature's settings.
 * Money is integer kopecks, volume an integer count of the contract's unit, dates ISO YYYY-MM-DD.
 */
import { z } from 'zod';
import { id, isoDate, isoDateTime, longText, optionalText, recordMeta, text } from '../../schema-kit.js';

/** Upper bound for any amount: 10 млрд ₽ in kopecks. Keeps every sum far below 2^53. */
export const MAX_KOPECKS = 1_000_000_000_000;
/** Upper bound for a volume (см², минуты …). */
export const MAX_VOLUME = 100_000_000;

export const isoDay = isoDate;
export const kopecks = (label: string) =>
  z.number().int('ожидается целое число копеек').min(0, 'не может быть отрицательной').max(MAX_KOPECKS, 'слишком большая сумма').describe(label);
export const positiveKopecks = (label: string) =>
  z.number().int('ожидается целое число копеек').min(1, 'должна быть больше нуля').max(MAX_KOPECKS, 'слишком большая сумма').describe(label);
export const volume = (label: string) =>
  z.number().int('ожидается целое число').min(1, 'должен быть больше нуля').max(MAX_VOLUME, 'слишком большой объём').describe(label);

// ---- dictionaries ------------------------------------------------------------------------

export const procurementMethods = {
  single: 'закупка у единственного поставщика',
  auction: 'электронный аукцион',
  quotation: 'запрос котировок',
  tender: 'открытый конкурс',
  proposals: 'запрос предложений',
  other: 'иной способ',
} as const;
export type ProcurementMethod = keyof typeof procurementMethods;

export const contractLaws = { '44': '44-ФЗ', '223': '223-ФЗ', none: 'без закупочной процедуры' } as const;
export type ContractLaw = keyof typeof contractLaws;

export const contractStatuses = { active: 'действует', fulfilled: 'исполнен', terminated: 'расторгнут' } as const;
export type ContractStatus = keyof typeof contractStatuses;

export const publicationKinds = {
  act: 'муниципальный правовой акт',
  news: 'информационный материал',
  announcement: 'объявление',
  release: 'пресс-релиз',
  other: 'иное',
} as const;
export type PublicationKind = keyof typeof publicationKinds;

export const actKinds = {
  resolution: 'постановление администрации',
  order: 'распоряжение администрации',
  decision: 'решение городского Собрания депутатов',
  other: 'иной правовой акт',
} as const;
export type ActKind = keyof typeof actKinds;
/** As it reads before «от 01.02.2026 № 5»: «Постановление администрации от …». */
export const actKindsShort: Record<ActKind, string> = {
  resolution: 'Постановление администрации',
  order: 'Распоряжение администрации',
  decision: 'Решение городского Собрания депутатов',
  other: 'Правовой акт',
};

const enumOf = <T extends Record<string, string>>(labels: T, label: string) =>
  z.enum(Object.keys(labels) as [keyof T & string, ...(keyof T & string)[]]).describe(label);

// ---- units (a dictionary owned by this feature) ----------------------------------------------

export const UnitFields = z.object({
  name: text('Название единицы', 100),
  short: text('Сокращение', 20),
});
export const Unit = UnitFields.extend({ ...recordMeta });
export type Unit = z.infer<typeof Unit>;
export const UnitSave = UnitFields.extend({ id: id().optional() });

// ---- tariff ------------------------------------------------------------------------------

export const Band = z.object({
  /** Inclusive upper size of the band in units; null on the last band («свыше»). */
  upTo: z.number().int('ожидается целое число').min(1, 'должна быть больше нуля').max(MAX_VOLUME).nullable().describe('Граница диапазона («до», включительно)'),
  price: positiveKopecks('Цена за единицу в диапазоне'),
});
export type Band = z.infer<typeof Band>;

/**
 * How a publication is priced (see tariff.ts for the exact rules):
 * - flat: volume × price;
 * - bands, mode 'whole': the whole volume at the price of the band its size falls into;
 * - bands, mode 'tiered': each part of the volume at its band's price (first 200 at 19, the rest at 15);
 * - colour: 'none' — same as black-and-white; 'price' — the whole volume at colorPrice (bands ignored);
 *   'surcharge' — the black-and-white cost plus colorPercent %, rounded half-up to a kopeck.
 */
export const Tariff = z
  .object({
    kind: z.enum(['flat', 'bands']).describe('Вид тарифа'),
    price: kopecks('Цена за единицу').default(0),
    bands: z.array(Band).max(20).default([]).describe('Диапазоны цен'),
    bandMode: z.enum(['whole', 'tiered']).default('whole').describe('Применение диапазонов'),
    colorMode: z.enum(['none', 'price', 'surcharge']).default('none').describe('Цветная публикация'),
    colorPrice: kopecks('Цена за единицу в цвете').default(0),
    colorPercent: z.number().int('ожидается целое число').min(0).max(500).default(0).describe('Наценка за цвет, %'),
  })
  .superRefine((t, ctx) => {
    if (t.kind === 'flat' && t.price <= 0) ctx.addIssue({ code: 'custom', path: ['price'], message: 'укажите цену за единицу' });
    if (t.kind === 'bands') {
      if (t.bands.length === 0) ctx.addIssue({ code: 'custom', path: ['bands'], message: 'добавьте хотя бы один диапазон' });
      t.bands.forEach((b, i) => {
        const last = i === t.bands.length - 1;
        if (last && b.upTo !== null) ctx.addIssue({ code: 'custom', path: ['bands', i, 'upTo'], message: 'у последнего диапазона нет верхней границы («свыше»)' });
        if (!last && b.upTo === null) ctx.addIssue({ code: 'custom', path: ['bands', i, 'upTo'], message: 'укажите верхнюю границу: без границы может быть только последний диапазон' });
        const prev = i > 0 ? t.bands[i - 1]!.upTo : 0;
        if (b.upTo !== null && prev !== null && b.upTo <= prev) ctx.addIssue({ code: 'custom', path: ['bands', i, 'upTo'], message: 'границы диапазонов должны возрастать' });
      });
    }
    if (t.colorMode === 'price' && t.colorPrice <= 0) ctx.addIssue({ code: 'custom', path: ['colorPrice'], message: 'укажите цену за единицу в цвете' });
    if (t.colorMode === 'surcharge' && t.colorPercent <= 0) ctx.addIssue({ code: 'custom', path: ['colorPercent'], message: 'укажите наценку в процентах' });
  })
  .describe('Тариф');
export type Tariff = z.infer<typeof Tariff>;
export type TariffInput = z.input<typeof Tariff>;

// ---- contract ----------------------------------------------------------------------------

export const Attachment = z.object({
  id: id(),
  name: text('Имя файла', 255),
  size: z.number().int().min(0),
  mime: z.string().max(200),
  /** File name inside attachments/contracts/<contract id>/. */
  stored: z.string().min(1).max(400),
  addedAt: isoDateTime('Добавлено'),
});
export type Attachment = z.infer<typeof Attachment>;

const ikz = z
  .string()
  .transform((s) => s.replace(/\s+/g, ''))
  .pipe(z.string().regex(/^(\d{36})?$/, 'ИКЗ состоит из 36 цифр'))
  .default('')
  .describe('ИКЗ');

export const ContractFieldsBase = z.object({
  number: text('Номер контракта', 100),
  date: isoDay('Дата контракта'),
  ikz,
  law: enumOf(contractLaws, 'Закон о закупке').default('44'),
  outletId: id().describe('Контрагент (СМИ)'),
  subject: text('Предмет контракта', 1000),
  method: enumOf(procurementMethods, 'Способ закупки'),
  price: positiveKopecks('Цена контракта'),
  unitId: id().describe('Единица объёма'),
  volume: volume('Плановый объём'),
  tariff: Tariff,
  termStart: isoDay('Начало срока'),
  termEnd: isoDay('Окончание срока'),
  notes: longText('Примечание', 10_000),
});
const termOrder = (c: { termStart: string; termEnd: string }, ctx: z.RefinementCtx) => {
  if (c.termEnd < c.termStart) ctx.addIssue({ code: 'custom', path: ['termEnd'], message: 'раньше начала срока' });
};
export const ContractFields = ContractFieldsBase.superRefine(termOrder);
export type ContractFieldsInput = z.input<typeof ContractFields>;
export const ContractUpdate = ContractFieldsBase.extend({ id: id() }).superRefine(termOrder);

export const Contract = ContractFieldsBase.extend({
  ...recordMeta,
  status: enumOf(contractStatuses, 'Статус'),
  statusDate: isoDay('Дата статуса').nullable(),
  statusNote: optionalText('Основание', 500),
  attachments: z.array(Attachment).max(100),
});
export type Contract = z.infer<typeof Contract>;

export const ContractStatusInput = z.object({
  id: id(),
  status: enumOf(contractStatuses, 'Статус'),
  /** Date of fulfilment or termination (today by default). */
  date: isoDay('Дата').optional(),
  note: optionalText('Основание', 500),
});

// ---- publications -----------------------------------------------------------------------

export const MunicipalAct = z.object({
  kind: enumOf(actKinds, 'Вид акта'),
  number: text('Номер акта', 50),
  signedOn: isoDay('Дата подписания акта'),
  title: optionalText('Наименование акта', 1000),
});
export type MunicipalAct = z.infer<typeof MunicipalAct>;

export const PublicationBase = z.object({
  date: isoDay('Дата публикации'),
  issue: optionalText('Номер выпуска', 50),
  kind: enumOf(publicationKinds, 'Что опубликовано'),
  title: text('Наименование материала', 1000),
  act: MunicipalAct.nullable().default(null).describe('Муниципальный акт'),
  releaseId: z.string().max(64).nullable().default(null).describe('Пресс-релиз'),
  volume: volume('Объём'),
  color: z.boolean().default(false).describe('В цвете'),
  /** A cost set by hand instead of the tariff's; the reason is required. */
  override: z
    .object({ amount: kopecks('Стоимость вручную'), reason: text('Причина изменения стоимости', 500) })
    .nullable()
    .default(null)
    .describe('Стоимость вручную'),
});
const publicationRules = (p: { kind: string; act: unknown; date: string; releaseId: string | null }, ctx: z.RefinementCtx) => {
  if (p.kind === 'act' && !p.act) ctx.addIssue({ code: 'custom', path: ['act'], message: 'укажите вид, номер и дату подписания акта' });
  const act = p.act as MunicipalAct | null;
  if (act && act.signedOn > p.date) ctx.addIssue({ code: 'custom', path: ['act', 'signedOn'], message: 'позже даты публикации' });
};
export const PublicationFields = PublicationBase.extend({ contractId: id().describe('Контракт') }).superRefine(publicationRules);
export type PublicationFieldsInput = z.input<typeof PublicationFields>;
export const PublicationUpdate = PublicationBase.extend({ id: id() }).superRefine(publicationRules);
export const PublicationRow = PublicationBase.superRefine(publicationRules);
export const PublicationsImport = z.object({
  contractId: id().describe('Контракт'),
  publications: z.array(PublicationRow).min(1).max(20_000).describe('Публикация'),
});

export const Publication = PublicationBase.extend({ ...recordMeta, contractId: id() });
export type Publication = z.infer<typeof Publication>;

// ---- acts of acceptance and payments ----------------------------------------------------

export const ActFields = z
  .object({
    contractId: id().describe('Контракт'),
    number: text('Номер акта', 50),
    date: isoDay('Дата акта'),
    periodFrom: isoDay('Период с'),
    periodTo: isoDay('Период по'),
    /** Left out: the sum of the period's publications. */
    volume: volume('Объём по акту').optional(),
    amount: positiveKopecks('Сумма по акту').optional(),
    notes: optionalText('Примечание', 1000),
  })
  .superRefine((a, ctx) => {
    if (a.periodTo < a.periodFrom) ctx.addIssue({ code: 'custom', path: ['periodTo'], message: 'раньше начала периода' });
  });
export type ActFieldsInput = z.input<typeof ActFields>;

export const AcceptanceAct = z.object({
  ...recordMeta,
  contractId: id(),
  number: text('Номер акта', 50),
  date: isoDay('Дата акта'),
  periodFrom: isoDay('Период с'),
  periodTo: isoDay('Период по'),
  volume: volume('Объём по акту'),
  amount: positiveKopecks('Сумма по акту'),
  notes: optionalText('Примечание', 1000),
});
export type AcceptanceAct = z.infer<typeof AcceptanceAct>;

export const PaymentFields = z.object({
  contractId: id().describe('Контракт'),
  date: isoDay('Дата платежа'),
  amount: positiveKopecks('Сумма платежа'),
  order: text('Номер платёжного поручения', 50),
  /** The act it pays, when known. */
  actId: id().nullable().default(null).describe('Акт'),
  notes: optionalText('Примечание', 1000),
});
export type PaymentFieldsInput = z.input<typeof PaymentFields>;
export const Payment = PaymentFields.extend({ ...recordMeta });
export type Payment = z.infer<typeof Payment>;

// ---- «сборники НПА» ---------------------------------------------------------------------

export const ActCollectionFields = z.object({
  number: text('Номер сборника', 50),
  date: isoDay('Дата выхода сборника'),
  title: optionalText('Наименование сборника', 500),
  acts: z.array(MunicipalAct).max(1000).default([]).describe('Акты в сборнике'),
  notes: optionalText('Примечание', 1000),
});
export const ActCollectionSave = ActCollectionFields.extend({ id: id().optional() });
export type ActCollectionInput = z.input<typeof ActCollectionSave>;
export const ActCollection = ActCollectionFields.extend({ ...recordMeta });
export type ActCollection = z.infer<typeof ActCollection>;

// ---- settings -----------------------------------------------------------------------------

const settingsFields = {
  /** Days after signing within which a municipal act must be officially published. */
  actDeadlineDays: z.number().int('ожидается целое число').min(1).max(365).describe('Срок опубликования акта, дней'),
  /** The early warning on volume and money (the second one is always at 100 %). */
  warnPercent: z.number().int('ожидается целое число').min(1).max(99).describe('Порог предупреждения, %'),
  termWarningDays: z.number().int('ожидается целое число').min(1).max(365).describe('Предупреждать об окончании срока за, дней'),
  collectionTitle: text('Наименование сборника по умолчанию', 500),
};
/** contracts.settings.save: the fields to change; those left out keep their values. */
export const ContractSettingsInput = z.object(settingsFields).partial();
export const ContractSettings = z.object({ ...settingsFields, id: z.literal('contracts'), updatedAt: isoDateTime('Изменено') });
export type ContractSettings = z.infer<typeof ContractSettings>;

// ---- method inputs -------------------------------------------------------------------------

export const ContractQuery = z
  .object({
    /** Contracts whose term touches this year; all years when left out. */
    year: z.number().int().min(2000).max(2100).optional().describe('Год'),
    status: enumOf(contractStatuses, 'Статус').optional(),
    query: z.string().max(200).default('').describe('Поиск'),
    /** The day control and warnings are computed for (today in the organisation's time zone by default). */
    asOf: isoDay('На дату').optional(),
  })
  .default({ query: '' });

export const ContractGet = z.object({ id: id(), asOf: isoDay('На дату').optional() });
export const ById = z.object({ id: id() });
export const YearInput = z.object({ year: z.number().int().min(2000).max(2100).describe('Год') });
export const ActsRegisterInput = z.object({
  year: z.number().int().min(2000).max(2100).describe('Год'),
  onlyLate: z.boolean().default(false).describe('Только опубликованные с нарушением срока'),
});
export const CollectionsQuery = z.object({ year: z.number().int().min(2000).max(2100).optional().describe('Год') }).default({});
export const QuoteInput = z.object({
  contractId: id().describe('Контракт'),
  volume: volume('Объём'),
  color: z.boolean().default(false).describe('В цвете'),
});

/** 20 MB: the largest file attached to a contract. */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
export const AttachInput = z.object({
  contractId: id().describe('Контракт'),
  name: text('Имя файла', 255),
  mime: z.string().max(200).default('').describe('Тип файла'),
  base64: z
    .string()
    .min(1, 'файл пуст')
    .max(Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4 + 16, 'файл больше 20 МБ — приложите скан меньшего размера (например, PDF в оттенках серого)')
    .regex(/^[A-Za-z0-9+/=\s]*$/, 'файл передан в неверной кодировке')
    .describe('Файл'),
});
export const AttachmentRef = z.object({ contractId: id().describe('Контракт'), attachmentId: id().describe('Вложение') });

export const contractCollections = {
  contracts: { schema: Contract },
  contractPublications: { schema: Publication, shardOf: (p: Publication) => p.date.slice(0, 4) },
  contractActs: { schema: AcceptanceAct },
  contractPayments: { schema: Payment },
  contractUnits: { schema: Unit },
  actCollections: { schema: ActCollection, shardOf: (c: ActCollection) => c.date.slice(0, 4) },
  contractSettings: { schema: ContractSettings },
};
