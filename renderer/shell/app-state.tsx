/** What every screen may need: the folder's status, the organisation's settings and time zone. */
import { createContext, useContext } from 'react';
import type { Settings, SystemStatus } from '../../electron/backend/api';
import { localTimeZone } from './time';

export interface AppState {
  status: SystemStatus;
  settings: Settings | null;
  /** The organisation's zone: every date and time on screen is shown in it. */
  timeZone: string;
  /** Grows whenever data changed wholesale (import, demo): lists reload. */
  dataVersion: number;
  setSettings(settings: Settings): void;
  /** Re-reads status and settings after an import or demo fill. */
  reloadAll(): Promise<void>;
}

export const AppStateContext = createContext<AppState | null>(null);

export function useAppState(): AppState {
  const state = useContext(AppStateContext);
  if (!state) throw new Error('AppStateContext is missing');
  return state;
}

export const timeZoneOf = (settings: Settings | null) => settings?.organisation.timeZone || localTimeZone();
