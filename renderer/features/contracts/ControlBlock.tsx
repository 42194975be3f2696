/** Control: volume and money used/left with bars (80 %/100 % marks), acts, paid, owed, the pace, the warnings. */
import type { ContractCard } from '../../../electron/backend/features/contracts/types';
import { dayLong } from '../../../electron/backend/features/contracts/days';
import type { Forecast } from '../../../electron/backend/features/contracts/control';
import { formatInt, formatMoney } from '../../../electron/backend/format';
import { UsageBar, WarningList } from './parts';

function paceText(what: 'объём' | 'цена контракта', f: Forecast, state: string, termEnd: string): string {
  const subject = what === 'объём' ? 'объём' : 'цена контракта';
  if (f.exhaustedOn) return `${what === 'объём' ? 'Объём исчерпан' : 'Цена контракта исчерпана'} ${dayLong(f.exhaustedOn)}.`;
  if (state === 'not-started') return `Срок контракта ещё не начался.`;
  if (state === 'ended') return `Срок контракта окончен ${dayLong(termEnd)}.`;
  if (f.ratePerDay === null || f.ratePerDay === 0) return `Публикаций пока нет — темп не определён.`;
  if (f.lastsToEnd || !f.runsOutOn) return `При таком темпе ${subject === 'объём' ? 'объёма' : 'цены контракта'} хватит до конца срока: к ${dayLong(termEnd)} будет использовано около ${f.projectedPercent} %.`;
  return `При таком темпе ${subject} ${what === 'объём' ? 'закончится' : 'будет исчерпана'} ${dayLong(f.runsOutOn)} — раньше конца срока.`;
}

export function ControlBlock({ card, warnAt }: { card: ContractCard; warnAt: number }) {
  const c = card.control;
  const u = card.unit.short;
  return (
    <section className="ct-control" aria-label="Контроль исполнения" data-testid="ct-control">
      <div className="ct-meters">
        <div className="ct-meter" data-testid="ct-volume">
          <div className="ct-meter-head">
            <strong>Объём</strong>
            <span>
              {c.volume.percent} % · прошло {c.pace.timePercent} % срока
            </span>
          </div>
          <UsageBar percent={c.volume.percent} warnAt={warnAt} label={`Объём: использовано ${c.volume.percent} %`} />
          <dl className="ct-figures">
            <dt>Использовано</dt>
            <dd data-testid="ct-volume-used">
              {formatInt(c.volume.used)} {u}
            </dd>
            <dt>Осталось</dt>
            <dd className={c.volume.left < 0 ? 'ct-negative' : undefined} data-testid="ct-volume-left">
              {formatInt(c.volume.left)} {u}
            </dd>
            <dt>План</dt>
            <dd>
              {formatInt(c.volume.plan)} {u}
            </dd>
          </dl>
          <p className="ct-pace" data-testid="ct-pace-volume">
            {paceText('объём', c.pace.volume, c.pace.state, card.termEnd)}
          </p>
        </div>
        <div className="ct-meter" data-testid="ct-money">
          <div className="ct-meter-head">
            <strong>Деньги</strong>
            <span>{c.money.percent} %</span>
          </div>
          <UsageBar percent={c.money.percent} warnAt={warnAt} label={`Цена контракта: использовано ${c.money.percent} %`} />
          <dl className="ct-figures">
            <dt>Использовано</dt>
            <dd data-testid="ct-money-used">{formatMoney(c.money.used)}</dd>
            <dt>Осталось</dt>
            <dd className={c.money.left < 0 ? 'ct-negative' : undefined} data-testid="ct-money-left">
              {formatMoney(c.money.left)}
            </dd>
            <dt>Цена</dt>
            <dd>{formatMoney(c.money.plan)}</dd>
          </dl>
          <p className="ct-pace" data-testid="ct-pace-money">
            {paceText('цена контракта', c.pace.money, c.pace.state, card.termEnd)}
          </p>
        </div>
        <div className="ct-meter ct-settle">
          <div className="ct-meter-head">
            <strong>Акты и оплата</strong>
          </div>
          <dl className="ct-figures">
            <dt>Принято по актам</dt>
            <dd data-testid="ct-acted">{formatMoney(c.acts.amount)}</dd>
            <dt>Оплачено</dt>
            <dd data-testid="ct-paid">{formatMoney(c.paid)}</dd>
            <dt>Задолженность</dt>
            <dd data-testid="ct-owed">{formatMoney(c.owed)}</dd>
            <dt>Без акта</dt>
            <dd data-testid="ct-uncovered">
              {c.uncovered.count ? `${formatInt(c.uncovered.count)} публ. · ${formatMoney(c.uncovered.amount)}` : 'нет'}
            </dd>
          </dl>
        </div>
      </div>
      <WarningList warnings={card.warnings} />
    </section>
  );
}
