import { Icon } from './icons';
import { navigate, useRoute } from './router';
import { sections } from './sections';

export function Sidebar() {
  const route = useRoute();
  return (
    <nav className="sidebar" aria-label="Разделы">
      <ul>
        {sections.map((s, i) => {
          const active = route.section === s.id;
          return (
            <li key={s.id}>
              <a
                href={`#/${s.id}`}
                className={`nav-item${active ? ' active' : ''}${s.built ? '' : ' not-built'}`}
                aria-current={active ? 'page' : undefined}
                aria-keyshortcuts={`Control+${i + 1} Alt+${i + 1}`}
                title={`${s.title} (Ctrl+${i + 1})`}
                onClick={(e) => {
                  e.preventDefault();
                  void navigate(`/${s.id}`);
                }}
              >
                <Icon name={s.id} />
                <span className="nav-label">{s.title}</span>
                <kbd className="nav-key" aria-hidden="true">{i + 1}</kbd>
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
