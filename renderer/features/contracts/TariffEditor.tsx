/** The tariff: a flat price per unit, or bands «до N см² — X ₽», whole or tiered; and how colour is priced. */
import { SelectField, TextField, type FieldErrors } from '../../shell/form-kit';
import type { ContractDraft } from './draft';

type Props = { draft: ContractDraft; setDraft: (d: ContractDraft) => void; errors: FieldErrors; unit: string };

export function TariffEditor({ draft, setDraft, errors, unit }: Props) {
  const per = unit ? ` ₽ за 1 ${unit}` : ' ₽ за единицу';
  const setBand = (i: number, patch: Partial<ContractDraft['bands'][number]>) =>
    setDraft({ ...draft, bands: draft.bands.map((b, j) => (j === i ? { ...b, ...patch } : b)) });
  return (
    <fieldset className="form-section ct-tariff">
      <legend>Тариф</legend>
      <div className="segmented" role="group" aria-label="Вид тарифа">
        <button type="button" aria-pressed={draft.tariffKind === 'flat'} onClick={() => setDraft({ ...draft, tariffKind: 'flat' })}>
          Единая цена
        </button>
        <button type="button" aria-pressed={draft.tariffKind === 'bands'} onClick={() => setDraft({ ...draft, tariffKind: 'bands' })}>
          Диапазоны
        </button>
      </div>
      {errors['tariff'] && <div className="field-error">{errors['tariff']}</div>}
      {draft.tariffKind === 'flat' ? (
        <TextField path="tariff.price" label={`Цена,${per}`} required errors={errors} value={draft.flatPrice} onChange={(flatPrice) => setDraft({ ...draft, flatPrice })} placeholder="19,00" />
      ) : (
        <>
          {errors['tariff.bands'] && <div className="field-error">{errors['tariff.bands']}</div>}
          <div className="ct-bands">
            {draft.bands.map((b, i) => {
              const last = i === draft.bands.length - 1;
              return (
                <div className="ct-band" key={i} data-testid={`band-${i}`}>
                  {last && draft.bands.length > 1 ? (
                    <div className="field ct-band-over">
                      <label>Граница</label>
                      <div className="ct-band-text">свыше</div>
                    </div>
                  ) : (
                    <TextField path={`tariff.bands.${i}.upTo`} label={`до, ${unit || 'ед.'} (включительно)`} errors={errors} value={b.upTo} onChange={(upTo) => setBand(i, { upTo })} placeholder="200" />
                  )}
                  <TextField path={`tariff.bands.${i}.price`} label={`Цена,${per}`} errors={errors} value={b.price} onChange={(price) => setBand(i, { price })} placeholder="19,00" />
                  <button
                    type="button"
                    className="icon-button ct-band-remove"
                    aria-label={`Удалить диапазон ${i + 1}`}
                    disabled={draft.bands.length === 1}
                    onClick={() => setDraft({ ...draft, bands: draft.bands.filter((_, j) => j !== i) })}
                  >
                    ×
                  </button>
                </div>
              );
            })}
          </div>
          <button
            type="button"
            className="button button-small"
            onClick={() => setDraft({ ...draft, bands: [...draft.bands.slice(0, -1), { upTo: '', price: '' }, ...draft.bands.slice(-1)] })}
          >
            + Диапазон
          </button>
          <SelectField
            path="tariff.bandMode"
            label="Как применять диапазоны"
            errors={errors}
            value={draft.bandMode}
            onChange={(bandMode) => setDraft({ ...draft, bandMode })}
            options={[
              { value: 'whole', label: 'весь объём публикации — по цене её диапазона' },
              { value: 'tiered', label: 'каждая часть объёма — по цене своего диапазона (ступенчато)' },
            ]}
          />
        </>
      )}
      <div className="field-row">
        <SelectField
          path="tariff.colorMode"
          label="Цветная публикация"
          errors={errors}
          value={draft.colorMode}
          onChange={(colorMode) => setDraft({ ...draft, colorMode })}
          options={[
            { value: 'none', label: 'по той же цене' },
            { value: 'price', label: 'своя цена за единицу' },
            { value: 'surcharge', label: 'наценка в процентах' },
          ]}
        />
        {draft.colorMode === 'price' && (
          <TextField path="tariff.colorPrice" label={`Цена в цвете,${per}`} errors={errors} value={draft.colorPrice} onChange={(colorPrice) => setDraft({ ...draft, colorPrice })} placeholder="25,00" />
        )}
        {draft.colorMode === 'surcharge' && (
          <TextField path="tariff.colorPercent" label="Наценка за цвет, %" errors={errors} value={draft.colorPercent} onChange={(colorPercent) => setDraft({ ...draft, colorPercent })} placeholder="30" />
        )}
      </div>
    </fieldset>
  );
}
