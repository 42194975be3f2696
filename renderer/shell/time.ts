/** Time formats not in electron/backend/format.ts; always in the organisation's time zone. */
export function formatTime(iso: string | Date, timeZone: string): string {
  const d = typeof iso === 'string' ? new Date(iso) : iso;
  return new Intl.DateTimeFormat('ru-RU', { hour: '2-digit', minute: '2-digit', timeZone }).format(d);
}

/** The computer's zone: used only until the organisation has chosen one. */
export const localTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'Europe/Moscow';
