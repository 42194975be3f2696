/** The media list: click or Enter opens a card; ↑/↓ move between rows. */
import type { KeyboardEvent } from 'react';
import type { Outlet } from '../../../electron/backend/api';
import { outletKinds } from '../../../electron/backend/features/outlets/schema';

export function OutletTable({ outlets, openId, onOpen, compact }: { outlets: Outlet[]; openId?: string; onOpen: (id: string) => void; compact: boolean }) {
  const onKeyDown = (e: KeyboardEvent<HTMLTableRowElement>, id: string) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onOpen(id);
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const row = e.key === 'ArrowDown' ? e.currentTarget.nextElementSibling : e.currentTarget.previousElementSibling;
      (row as HTMLElement | null)?.focus();
    }
  };

  return (
    <table className={`data-table outlets-table${compact ? ' compact' : ''}`}>
      <thead>
        <tr>
          <th scope="col">Наименование</th>
          <th scope="col">Вид</th>
          <th scope="col" className="col-extra col-mark" title="Официальный публикатор муниципальных правовых актов">
            Публикатор МПА
          </th>
          <th scope="col" className="col-extra">
            Основной контакт
          </th>
          <th scope="col" className="col-extra col-phone">
            Телефон
          </th>
        </tr>
      </thead>
      <tbody>
        {outlets.map((o) => {
          const contact = o.contacts[0];
          return (
            <tr
              key={o.id}
              data-id={o.id}
              tabIndex={0}
              aria-selected={o.id === openId}
              className={o.id === openId ? 'selected' : undefined}
              onClick={() => onOpen(o.id)}
              onKeyDown={(e) => onKeyDown(e, o.id)}
            >
              <td className="col-name">
                {o.name}
                {o.archived && <span className="badge badge-muted">архив</span>}
              </td>
              <td className="col-kind">{outletKinds[o.kind]}</td>
              <td className="col-extra col-mark">
                {o.officialPublisher ? (
                  <span className="mark" title="Официальный публикатор муниципальных правовых актов">
                    ✓<span className="visually-hidden"> да</span>
                  </span>
                ) : (
                  <span className="visually-hidden">нет</span>
                )}
              </td>
              <td className="col-extra">
                {contact ? (
                  <>
                    {contact.name}
                    {contact.position && <div className="cell-sub">{contact.position}</div>}
                  </>
                ) : (
                  <span className="muted">—</span>
                )}
              </td>
              <td className="col-extra col-phone">{contact?.phone || <span className="muted">—</span>}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
