/** Russia's time zones, west to east, as a person would pick them. */
export const russianTimeZones = [
  { value: 'Europe/Kaliningrad', label: 'Калининград (UTC+2)' },
  { value: 'Europe/Moscow', label: 'Москва (UTC+3)' },
  { value: 'Europe/Samara', label: 'Самара (UTC+4)' },
  { value: 'Asia/Yekaterinburg', label: 'Екатеринбург (UTC+5)' },
  { value: 'Asia/Omsk', label: 'Омск (UTC+6)' },
  { value: 'Asia/Novosibirsk', label: 'Новосибирск (UTC+7)' },
  { value: 'Asia/Barnaul', label: 'Барнаул (UTC+7)' },
  { value: 'Asia/Krasnoyarsk', label: 'Красноярск (UTC+7)' },
  { value: 'Asia/Irkutsk', label: 'Иркутск (UTC+8)' },
  { value: 'Asia/Yakutsk', label: 'Якутск (UTC+9)' },
  { value: 'Asia/Vladivostok', label: 'Владивосток (UTC+10)' },
  { value: 'Asia/Magadan', label: 'Магадан (UTC+11)' },
  { value: 'Asia/Kamchatka', label: 'Петропавловск-Камчатский (UTC+12)' },
] as const;

/** The computer's zone if it is a Russian one, else Moscow. */
export function defaultTimeZone(): string {
  const local = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return russianTimeZones.some((z) => z.value === local) ? local : 'Europe/Moscow';
}

/** The select's options, keeping a zone saved earlier (e.g. from the command line) that is not in the list. */
export function timeZoneOptions(current: string): { value: string; label: string }[] {
  const list: { value: string; label: string }[] = [...russianTimeZones];
  if (current && !list.some((z) => z.value === current)) list.unshift({ value: current, label: current });
  return list;
}
