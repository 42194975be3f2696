/** The hour's clock: elapsed and remaining, ticking between the backend's answers; over time in red. */
import { useEffect, useState } from 'react';
import { clock, type LiveState } from './model';

export function LiveTimer({ state, fetchedAt }: { state: LiveState; fetchedAt: number }) {
  const running = state.session.status === 'live' && !!state.session.liveStartedAt && !state.session.liveEndedAt;
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (!running) return;
    const t = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(t);
  }, [running]);

  const extra = running ? Math.max(0, Math.floor((now - fetchedAt) / 1000)) : 0;
  const elapsed = state.elapsedSeconds + extra;
  const remaining = state.remainingSeconds - extra;
  const over = remaining < 0;
  return (
    <div className={`dl-timer${running ? ' running' : ''}${over ? ' over' : ''}`} role="timer" aria-label="Таймер эфира">
      <div>
        <span className="dl-timer-label">Прошло</span>
        <span className="dl-timer-value" data-testid="timer-elapsed">
          {clock(elapsed)}
        </span>
      </div>
      <div>
        <span className="dl-timer-label">{over ? 'Сверх времени' : 'Осталось'}</span>
        <span className="dl-timer-value" data-testid="timer-remaining">
          {over ? '+' : ''}
          {clock(remaining)}
        </span>
      </div>
    </div>
  );
}
