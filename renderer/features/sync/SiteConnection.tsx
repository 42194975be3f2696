/**
 * Настройки → Сайт → Подключение: address, user and the Application Password (write-only: the
 * backend keeps it and only says whether one is stored), «Проверить подключение» step by step,
 * where the password lives, «Забыть подключение».
 */
import { useEffect, useState } from 'react';
import type { SiteCheck, SiteView } from '../../../electron/backend/features/sync/api-types';
import { formatDateTime } from '../../../electron/backend/format';
import { call } from '../../api';
import { useAppState } from '../../shell/app-state';
import { useCommand } from '../../shell/commands';
import { useConfirm } from '../../shell/dialog';
import { ErrorSummary, fieldErrors, fieldId, TextField } from '../../shell/form-kit';
import { useToast } from '../../shell/toasts';
import { errorText } from './labels';
import { refreshSyncStatus } from './use-sync';

export function CheckSteps({ check, timeZone }: { check: SiteCheck; timeZone: string }) {
  return (
    <div className={`check-report ${check.ok ? 'check-ok' : 'check-bad'}`} role="status" data-testid="site-check">
      <p>
        <strong>{check.ok ? 'Подключение работает.' : 'Подключение не работает.'}</strong> <span className="muted">Проверено {formatDateTime(check.at, timeZone)}.</span>
      </p>
      <ul className="sync-steps">
        {check.steps.map((s, i) => {
          // A step after a failed one was not tried: shown quietly, not as another failure.
          const flagged = (s as { skipped?: boolean }).skipped;
          const skipped = flagged ?? (!s.ok && i > 0 && !check.steps[i - 1]!.ok && /^Не проверено/.test(s.message));
          return (
            <li key={s.key} className={s.ok ? 'ok' : skipped ? 'skipped' : 'fail'} data-testid={`check-${s.key}`}>
              <span className="sync-step-mark" aria-hidden="true">
                {s.ok ? '✓' : skipped ? '–' : '✗'}
              </span>
              <span>
                <strong>{s.label}</strong>
                {s.message && !skipped && <span className="sync-step-message"> — {s.message}</span>}
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

export function SiteConnection({ site, onChange, onDirty }: { site: SiteView; onChange: (site: SiteView) => void; onDirty: (dirty: boolean) => void }) {
  const { timeZone } = useAppState();
  const toast = useToast();
  const confirm = useConfirm();
  const [url, setUrl] = useState(site.url);
  const [user, setUser] = useState(site.user);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<'' | 'save' | 'check' | 'forget'>('');
  const [check, setCheck] = useState<SiteCheck | null>(site.lastCheck);
  const dirty = url.trim() !== site.url || user.trim() !== site.user || password !== '';
  useEffect(() => onDirty(dirty), [dirty]);

  useEffect(() => {
    if (dirty) return;
    setUrl(site.url);
    setUser(site.user);
    setCheck(site.lastCheck);
  }, [site]);

  const save = async (quiet = false): Promise<boolean> => {
    try {
      const next = await call('sync.site.save', { url: url.trim(), user: user.trim(), ...(password ? { password } : {}) });
      setPassword('');
      setError(null);
      setUrl(next.url);
      setUser(next.user);
      onChange(next);
      if (!quiet) toast('Подключение к сайту сохранено.');
      void refreshSyncStatus();
      return true;
    } catch (err) {
      setError(err);
      const first = Object.keys(fieldErrors(err))[0];
      if (first) window.setTimeout(() => document.getElementById(fieldId(first))?.focus());
      return false;
    }
  };

  const run = async (what: typeof busy, job: () => Promise<void>) => {
    if (busy) return;
    setBusy(what);
    try {
      await job();
    } finally {
      setBusy('');
    }
  };

  const doSave = () => run('save', async () => void (await save()));
  useCommand('save', () => void doSave());

  const doCheck = () =>
    run('check', async () => {
      // The check uses what is stored: unsaved edits are saved first.
      if (dirty && !(await save(true))) return;
      try {
        setCheck(await call('sync.site.check', {}));
        onChange(await call('sync.site.get', {}));
        void refreshSyncStatus();
      } catch (err) {
        toast(errorText(err), { tone: 'error' });
      }
    });

  const forget = async () => {
    const ok = await confirm({
      title: 'Забыть подключение к сайту?',
      message: <p>Адрес, пользователь и пароль приложения будут удалены с этого компьютера. Уже опубликованное на сайте останется.</p>,
      confirmLabel: 'Забыть подключение',
      danger: true,
    });
    if (!ok) return;
    await run('forget', async () => {
      try {
        const next = await call('sync.site.forget', {});
        setUrl(next.url);
        setUser(next.user);
        setPassword('');
        setCheck(null);
        onChange(next);
        void refreshSyncStatus();
        toast('Подключение к сайту удалено.');
      } catch (err) {
        toast(errorText(err), { tone: 'error' });
      }
    });
  };

  const errors = fieldErrors(error);
  const configured = !!site.url;
  return (
    <section className="panel" aria-labelledby="site-conn-title">
      <h2 id="site-conn-title">Подключение к сайту</h2>
      <p className="muted sync-intro">
        Релизы публикуются на сайт WordPress через REST API. Без связи публикации ждут в очереди и уходят, когда сайт снова доступен.
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void doSave();
        }}
        noValidate
      >
        <ErrorSummary error={error} />
        <TextField path="url" label="Адрес сайта" type="url" value={url} onChange={setUrl} errors={errors} required placeholder="https://admin-gorod.ru" hint="Адрес главной страницы сайта на WordPress." />
        <TextField path="user" label="Пользователь WordPress" value={user} onChange={setUser} errors={errors} required autoComplete="username" />
        <div className={`field${errors.password ? ' field-invalid' : ''}`}>
          <label htmlFor={fieldId('password')}>Пароль приложения</label>
          <input
            id={fieldId('password')}
            type="password"
            className="sync-password"
            value={password}
            autoComplete="new-password"
            placeholder={site.hasPassword ? '•••••••• (сохранён)' : 'xxxx xxxx xxxx xxxx xxxx xxxx'}
            aria-describedby={`${fieldId('password')}-hint`}
            aria-invalid={errors.password ? true : undefined}
            onChange={(e) => setPassword(e.target.value)}
          />
          {errors.password && <div className="field-error">{errors.password}</div>}
          <div className="field-hint" id={`${fieldId('password')}-hint`} data-testid="password-state">
            {site.hasPassword ? (
              <>
                <strong className="sync-saved-mark">✓ Пароль сохранён.</strong> Оставьте поле пустым, чтобы не менять его.
              </>
            ) : (
              'Создаётся в WordPress: Пользователи → Профиль → «Пароли приложений». Это не пароль для входа на сайт.'
            )}
          </div>
        </div>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={!!busy}>
            {busy === 'save' ? 'Сохранение…' : 'Сохранить'}
          </button>
          <button type="button" className="button" disabled={!!busy || (!configured && !url.trim())} onClick={() => void doCheck()}>
            {busy === 'check' ? 'Проверка…' : 'Проверить подключение'}
          </button>
          {configured && (
            <button type="button" className="button button-quiet sync-forget" disabled={!!busy} onClick={() => void forget()}>
              Забыть подключение
            </button>
          )}
          {dirty && <span className="dirty-note">Есть несохранённые изменения</span>}
        </div>
      </form>
      {check && <CheckSteps check={check} timeZone={timeZone} />}
      <div className="sync-secret" data-testid="secret-storage">
        <h3>Где хранится пароль</h3>
        <p>{site.secretStorage.explanation}</p>
        {site.secretStorage.where && (
          <p className="muted">
            Место: <code>{site.secretStorage.where}</code>
          </p>
        )}
      </div>
    </section>
  );
}
