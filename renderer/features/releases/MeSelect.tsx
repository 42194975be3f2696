/** «Я — …» in the releases toolbar: whose name goes on drafts, approvals and comments. */
import { setMe, useMe } from './me';

export function MeSelect({ staff }: { staff: readonly { id: string; name: string; position: string }[] }) {
  const me = useMe(staff);
  if (staff.length === 0) return <span className="rl-me muted">Добавьте сотрудников в «Настройки»</span>;
  return (
    <label className="rl-me">
      <span>Я —</span>
      <select aria-label="Я — сотрудник" value={me} onChange={(e) => setMe(e.target.value)}>
        {staff.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </select>
    </label>
  );
}
