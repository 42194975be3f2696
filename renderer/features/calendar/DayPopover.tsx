/** Every event of a busy day in the month grid (its «+ ещё N»), beside the link; a click opens the card. */
import { useEffect, useRef } from 'react';
import { dateLong, weekdayShort } from '../../../electron/backend/features/calendar/fmt';
import { countOf } from '../../../electron/backend/format';
import { useCommand } from '../../shell/commands';
import type { DayOverflow } from './CalendarGrid';
import type { Occurrence } from '../../../electron/backend/features/calendar/schema';

export function DayPopover({ day, onOpen, onClose }: { day: DayOverflow; onOpen(o: Occurrence): void; onClose(): void }) {
  const ref = useRef<HTMLDivElement>(null);
  useCommand('close', onClose);
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('button.cal-day-item')?.focus();
    const away = (e: MouseEvent) => {
      if (ref.current && !ref.current.contains(e.target as Node)) onClose();
    };
    window.addEventListener('mousedown', away);
    return () => window.removeEventListener('mousedown', away);
  }, [day, onClose]);

  const width = 340;
  const left = Math.max(8, Math.min(day.anchor.left, window.innerWidth - width - 8));
  const top = Math.max(8, Math.min(day.anchor.bottom + 4, window.innerHeight - 360));
  return (
    <div ref={ref} className="cal-day-popover" role="dialog" aria-label={`Мероприятия ${dateLong(day.date)}`} style={{ left, top, width }} data-testid="day-popover">
      <header>
        <strong>
          {weekdayShort(day.date)}, {dateLong(day.date)}
        </strong>
        <span className="muted">{countOf(day.occurrences.length, ['мероприятие', 'мероприятия', 'мероприятий'])}</span>
        <button type="button" className="icon-button" aria-label="Закрыть список дня" onClick={onClose}>
          ×
        </button>
      </header>
      <ul>
        {day.occurrences.map((o) => (
          <li key={o.uid}>
            <button type="button" className={`cal-day-item ev-${o.status}`} onClick={() => onOpen(o)} title={o.place}>
              <span className="cal-kind-dot" style={{ background: o.labels.color }} aria-hidden="true" />
              <span className="cal-day-time">{o.labels.time}</span>
              <span className="cal-day-title">{o.title}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
