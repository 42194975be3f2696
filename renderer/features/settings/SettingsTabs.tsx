/** The tabs of Настройки: the organisation and data (#/settings), the site (#/settings/site), the outbox (#/settings/outbox). */
import { navigate } from '../../shell/router';

const tabs = [
  { path: '/settings', key: '', label: 'Организация и данные' },
  { path: '/settings/site', key: 'site', label: 'Сайт' },
  { path: '/settings/outbox', key: 'outbox', label: 'Очередь публикаций' },
] as const;

export function SettingsTabs({ active }: { active: '' | 'site' | 'outbox' }) {
  return (
    <nav className="settings-tabs" aria-label="Разделы настроек">
      {tabs.map((t) => (
        <a
          key={t.key}
          href={`#${t.path}`}
          className={t.key === active ? 'active' : ''}
          aria-current={t.key === active ? 'page' : undefined}
          onClick={(e) => {
            e.preventDefault();
            void navigate(t.path);
          }}
        >
          {t.label}
        </a>
      ))}
    </nav>
  );
}
