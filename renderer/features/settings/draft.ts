/** The organisation form's editable copy of the settings. */
import type { Input, Settings } from '../../../electron/backend/api';
import type { StaffMember } from '../../../electron/backend/features/settings/schema';
import { defaultTimeZone } from './timezones';

export interface SettingsDraft {
  organisation: { name: string; city: string; timeZone: string; site: string; newspaper: string };
  staff: StaffMember[];
}

export function newId(): string {
  return typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `id-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

export const newStaffMember = (role: StaffMember['role'] = 'specialist'): StaffMember => ({ id: newId(), name: '', position: '', role });

export function toDraft(settings: Settings | null): SettingsDraft {
  if (!settings)
    return {
      organisation: { name: '', city: '', timeZone: defaultTimeZone(), site: '', newspaper: '' },
      staff: [newStaffMember('head')],
    };
  const o = settings.organisation;
  return {
    organisation: { name: o.name, city: o.city, timeZone: o.timeZone, site: o.site, newspaper: o.newspaper },
    staff: settings.staff.map((s) => ({ ...s })),
  };
}

export const toInput = (draft: SettingsDraft): Input<'settings.save'> => draft;
