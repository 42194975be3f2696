/** The session form's editable copy: strings everywhere, the date and the time apart (in the organisation's zone). */
import type { Input } from '../../../electron/backend/api';
import type { DirectLine } from '../../../electron/backend/features/direct-lines/api-types';
import type { FieldErrors } from '../../shell/form-kit';
import { dayOf, instantOf, timeOf, type SessionFormat } from './model';

export interface SessionDraft {
  day: string;
  time: string;
  duration: string;
  format: SessionFormat;
  officialName: string;
  officialPosition: string;
  outletId: string;
  place: string;
  link: string;
  announcement: string;
  announcedDay: string;
  announcedTime: string;
  notes: string;
}

export function toSessionDraft(s: DirectLine | null, tz: string): SessionDraft {
  if (!s)
    return {
      day: '',
      time: '10:00',
      duration: '60',
      format: 'phone',
      officialName: '',
      officialPosition: '',
      outletId: '',
      place: '',
      link: '',
      announcement: '',
      announcedDay: '',
      announcedTime: '',
      notes: '',
    };
  return {
    day: dayOf(s.startsAt, tz),
    time: timeOf(s.startsAt, tz),
    duration: String(s.durationMinutes),
    format: s.format,
    officialName: s.official.name,
    officialPosition: s.official.position,
    outletId: s.outletId ?? '',
    place: s.place,
    link: s.link,
    announcement: s.announcement,
    announcedDay: s.announcedAt ? dayOf(s.announcedAt, tz) : '',
    announcedTime: s.announcedAt ? timeOf(s.announcedAt, tz) : '',
    notes: s.notes,
  };
}

/** What the form can tell before asking the backend: a date without a time (or the other way round). */
export function localErrors(d: SessionDraft): FieldErrors {
  const errors: FieldErrors = {};
  if (!d.day || !d.time) errors.startsAt = 'укажите дату и время начала';
  if (!!d.announcedDay !== !!d.announcedTime) errors.announcedAt = 'укажите и дату, и время публикации анонса (или очистите оба поля)';
  return errors;
}

export function toSessionFields(d: SessionDraft, tz: string): Input<'directLines.create'> {
  return {
    startsAt: instantOf(d.day, d.time, tz),
    durationMinutes: d.duration.trim() === '' ? undefined : Number(d.duration),
    format: d.format,
    official: { name: d.officialName, position: d.officialPosition },
    outletId: d.outletId || null,
    place: d.place,
    link: d.link.trim(),
    announcement: d.announcement,
    announcedAt: d.announcedDay && d.announcedTime ? instantOf(d.announcedDay, d.announcedTime, tz) : null,
    notes: d.notes,
  };
}
