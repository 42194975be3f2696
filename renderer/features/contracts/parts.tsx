/** Small pieces shared by the register and the card: usage bars with 80 %/100 % marks, warning badges. */
import { isoDate } from '../../../electron/backend/format';
import type { Control, ContractWarning, WarningCode } from '../../../electron/backend/features/contracts/control';

/** The bar's scale runs to 110 % so that the 100 % mark and an overspend are both visible. */
const SCALE = 110;
const pos = (p: number) => `${(Math.min(Math.max(p, 0), SCALE) / SCALE) * 100}%`;

export function UsageBar({ percent, warnAt = 80, label }: { percent: number; warnAt?: number; label: string }) {
  const tone = percent >= 100 ? 'danger' : percent >= warnAt ? 'warning' : 'ok';
  return (
    <div className={`ct-bar ct-bar-${tone}`} role="meter" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.min(percent, 100)} aria-valuetext={`${percent} %`}>
      <div className="ct-bar-fill" style={{ width: pos(percent) }} />
      <div className="ct-bar-mark" style={{ left: pos(warnAt) }} title={`${warnAt} %`} />
      <div className="ct-bar-mark ct-bar-mark-full" style={{ left: pos(100) }} title="100 %" />
    </div>
  );
}

export function badgeText(w: ContractWarning, c: Control): string {
  const labels: Record<WarningCode, string> = {
    volumeWarn: `Объём ${c.volume.percent} %`,
    volumeFull: 'Объём исчерпан',
    moneyWarn: `Цена ${c.money.percent} %`,
    moneyFull: 'Цена исчерпана',
    termEnding: 'Срок истекает',
    termExpired: 'Срок истёк',
    uncovered: 'Нет акта',
    paceVolume: 'Темп: объём',
    paceMoney: 'Темп: деньги',
    actMismatch: 'Акт ≠ публикации',
  };
  return labels[w.code];
}

export function WarningBadges({ warnings, control }: { warnings: ContractWarning[]; control: Control }) {
  if (!warnings.length) return null;
  return (
    <div className="ct-badges">
      {warnings.map((w) => (
        <span key={w.code + w.message} className={`ct-badge ct-badge-${w.severity}`} title={w.message} data-code={w.code}>
          {badgeText(w, control)}
        </span>
      ))}
    </div>
  );
}

export function WarningList({ warnings }: { warnings: ContractWarning[] }) {
  if (!warnings.length) return <p className="ct-no-warnings">Предупреждений нет.</p>;
  return (
    <ul className="ct-warnings" aria-label="Предупреждения">
      {warnings.map((w) => (
        <li key={w.code + w.message} className={`ct-warning ct-warning-${w.severity}`} data-code={w.code}>
          {w.message}
        </li>
      ))}
    </ul>
  );
}

/** Today in the organisation's zone, as YYYY-MM-DD. */
export const todayIso = (timeZone: string) => isoDate(new Date(), timeZone);
