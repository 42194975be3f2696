/** The contract's header form as typed (strings) ↔ the backend's fields (kopecks, integers). */
import type { FieldIssue } from '../../../electron/backend/errors';
import type { Contract, ContractFieldsInput, TariffInput } from '../../../electron/backend/features/contracts/schema';
import { ApiError } from '../../api';
import { parseRubles, parseWhole, rublesText } from './money';

export interface BandDraft {
  upTo: string;
  price: string;
}

export interface ContractDraft {
  number: string;
  date: string;
  ikz: string;
  law: Contract['law'];
  outletId: string;
  subject: string;
  method: Contract['method'];
  price: string;
  unitId: string;
  volume: string;
  tariffKind: 'flat' | 'bands';
  flatPrice: string;
  bands: BandDraft[];
  bandMode: 'whole' | 'tiered';
  colorMode: 'none' | 'price' | 'surcharge';
  colorPrice: string;
  colorPercent: string;
  termStart: string;
  termEnd: string;
  notes: string;
}

export function toDraft(c: Contract | null, today: string): ContractDraft {
  const year = today.slice(0, 4);
  if (!c)
    return {
      number: '',
      date: today,
      ikz: '',
      law: '44',
      outletId: '',
      subject: 'Оказание услуг по опубликованию муниципальных правовых актов и иной официальной информации',
      method: 'single',
      price: '',
      unitId: 'cm2',
      volume: '',
      tariffKind: 'flat',
      flatPrice: '',
      bands: [
        { upTo: '', price: '' },
        { upTo: '', price: '' },
      ],
      bandMode: 'whole',
      colorMode: 'none',
      colorPrice: '',
      colorPercent: '',
      termStart: today,
      termEnd: `${year}-12-31`,
      notes: '',
    };
  const t = c.tariff;
  return {
    number: c.number,
    date: c.date,
    ikz: c.ikz,
    law: c.law,
    outletId: c.outletId,
    subject: c.subject,
    method: c.method,
    price: rublesText(c.price),
    unitId: c.unitId,
    volume: String(c.volume),
    tariffKind: t.kind,
    flatPrice: t.kind === 'flat' ? rublesText(t.price) : '',
    bands: t.bands.length ? t.bands.map((b) => ({ upTo: b.upTo === null ? '' : String(b.upTo), price: rublesText(b.price) })) : [{ upTo: '', price: '' }],
    bandMode: t.bandMode,
    colorMode: t.colorMode,
    colorPrice: t.colorMode === 'price' ? rublesText(t.colorPrice) : '',
    colorPercent: t.colorMode === 'surcharge' ? String(t.colorPercent) : '',
    termStart: c.termStart,
    termEnd: c.termEnd,
    notes: c.notes,
  };
}

export const fingerprint = (d: ContractDraft) => JSON.stringify(d);

/** Parses the numbers; on a typo returns an ApiError shaped like the backend's, naming the same paths. */
export function toFields(d: ContractDraft): { fields: ContractFieldsInput } | { error: ApiError } {
  const issues: FieldIssue[] = [];
  const money = (text: string, field: string, label: string) => {
    const r = parseRubles(text);
    if (!r.ok) issues.push({ field, label, message: r.error });
    return r.ok ? r.kopecks : 0;
  };
  const whole = (text: string, field: string, label: string) => {
    const r = parseWhole(text);
    if (!r.ok) issues.push({ field, label, message: r.error });
    return r.ok ? r.value : 0;
  };
  const price = money(d.price, 'price', 'Цена контракта');
  const volume = whole(d.volume, 'volume', 'Плановый объём');
  const tariff: TariffInput = { kind: d.tariffKind, bandMode: d.bandMode, colorMode: d.colorMode };
  if (d.tariffKind === 'flat') tariff.price = money(d.flatPrice, 'tariff.price', 'Цена за единицу');
  else
    tariff.bands = d.bands.map((b, i) => {
      const last = i === d.bands.length - 1;
      return {
        upTo: last && b.upTo.trim() === '' ? null : whole(b.upTo, `tariff.bands.${i}.upTo`, `Граница диапазона ${i + 1}`),
        price: money(b.price, `tariff.bands.${i}.price`, `Цена в диапазоне ${i + 1}`),
      };
    });
  if (d.colorMode === 'price') tariff.colorPrice = money(d.colorPrice, 'tariff.colorPrice', 'Цена за единицу в цвете');
  if (d.colorMode === 'surcharge') tariff.colorPercent = whole(d.colorPercent, 'tariff.colorPercent', 'Наценка за цвет, %');
  if (issues.length) return { error: new ApiError('validation', issues.length === 1 ? `${issues[0]!.label}: ${issues[0]!.message}` : 'Проверьте поля формы.', issues) };
  return {
    fields: {
      number: d.number,
      date: d.date,
      ikz: d.ikz,
      law: d.law,
      outletId: d.outletId,
      subject: d.subject,
      method: d.method,
      price,
      unitId: d.unitId,
      volume,
      tariff,
      termStart: d.termStart,
      termEnd: d.termEnd,
      notes: d.notes,
    },
  };
}
