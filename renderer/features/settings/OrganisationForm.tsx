/** Organisation and staff: the welcome screen and Настройки share this form. */
import { staffRoles } from '../../../electron/backend/features/settings/schema';
import type { StaffMember } from '../../../electron/backend/features/settings/schema';
import { fieldId, SelectField, TextField, type FieldErrors } from '../../shell/form-kit';
import { newStaffMember, type SettingsDraft } from './draft';
import { timeZoneOptions } from './timezones';

const roleOptions = Object.entries(staffRoles).map(([value, label]) => ({ value: value as StaffMember['role'], label }));

export function OrganisationForm({ value, onChange, errors }: { value: SettingsDraft; onChange: (next: SettingsDraft) => void; errors: FieldErrors }) {
  const org = value.organisation;
  const setOrg = (patch: Partial<SettingsDraft['organisation']>) => onChange({ ...value, organisation: { ...org, ...patch } });
  const setStaff = (i: number, patch: Partial<StaffMember>) => onChange({ ...value, staff: value.staff.map((s, j) => (j === i ? { ...s, ...patch } : s)) });

  const addStaff = () => {
    onChange({ ...value, staff: [...value.staff, newStaffMember()] });
    // Focus the new row's name once React has drawn it.
    window.setTimeout(() => document.getElementById(fieldId(`staff.${value.staff.length}.name`))?.focus());
  };
  const removeStaff = (i: number) => onChange({ ...value, staff: value.staff.filter((_, j) => j !== i) });

  return (
    <>
      <fieldset className="form-section">
        <legend>Организация</legend>
        <TextField path="organisation.name" label="Название организации" required errors={errors} value={org.name} onChange={(name) => setOrg({ name })} placeholder="Администрация города Алейска" />
        <div className="field-row">
          <TextField path="organisation.city" label="Город" required errors={errors} value={org.city} onChange={(city) => setOrg({ city })} placeholder="Алейск" />
          <SelectField path="organisation.timeZone" label="Часовой пояс" errors={errors} value={org.timeZone} onChange={(timeZone) => setOrg({ timeZone })} options={timeZoneOptions(org.timeZone)} />
        </div>
        <div className="field-row">
          <TextField path="organisation.site" label="Официальный сайт" errors={errors} value={org.site} onChange={(site) => setOrg({ site })} placeholder="https://aleysk.ru" type="url" />
          <TextField path="organisation.newspaper" label="Официальная газета" errors={errors} value={org.newspaper} onChange={(newspaper) => setOrg({ newspaper })} placeholder="«Маяк труда»" />
        </div>
      </fieldset>

      <fieldset className="form-section">
        <legend>Сотрудники пресс-службы</legend>
        {errors.staff && <div className="field-error">{errors.staff}</div>}
        <div className="repeat-list">
          {value.staff.map((s, i) => (
            <div className="repeat-row staff-row" key={s.id} data-staff-id={s.id}>
              <TextField path={`staff.${i}.name`} label="ФИО" required errors={errors} value={s.name} onChange={(name) => setStaff(i, { name })} placeholder="Иванова Мария Петровна" />
              <TextField path={`staff.${i}.position`} label="Должность" errors={errors} value={s.position} onChange={(position) => setStaff(i, { position })} placeholder="начальник отдела" />
              <SelectField path={`staff.${i}.role`} label="Роль" errors={errors} value={s.role} onChange={(role) => setStaff(i, { role })} options={roleOptions} />
              <button
                type="button"
                className="icon-button remove-row"
                onClick={() => removeStaff(i)}
                disabled={value.staff.length <= 1}
                aria-label={`Удалить сотрудника ${s.name || i + 1}`}
                title={value.staff.length <= 1 ? 'Нужен хотя бы один сотрудник' : 'Удалить сотрудника'}
              >
                ×
              </button>
            </div>
          ))}
        </div>
        <button type="button" className="button" onClick={addStaff}>
          + Добавить сотрудника
        </button>
      </fieldset>
    </>
  );
}
