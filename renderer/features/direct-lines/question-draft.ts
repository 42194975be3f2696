/** The question form's editable copy; the resident's fields kept apart, as personal data. */
import type { Input } from '../../../electron/backend/api';
import { dayOf, instantOf, timeOf, type Channel, type QuestionView } from './model';

export interface QuestionDraft {
  day: string;
  time: string;
  channel: Channel;
  topic: string;
  text: string;
  district: string;
  name: string;
  address: string;
  contact: string;
  publishName: boolean;
  answer: string;
}

export function toQuestionDraft(q: QuestionView | null, tz: string, defaults: { channel: Channel }): QuestionDraft {
  const now = new Date();
  if (!q)
    return {
      day: dayOf(now, tz),
      time: timeOf(now, tz),
      channel: defaults.channel,
      topic: '',
      text: '',
      district: '',
      name: '',
      address: '',
      contact: '',
      publishName: false,
      answer: '',
    };
  return {
    day: dayOf(q.receivedAt, tz),
    time: timeOf(q.receivedAt, tz),
    channel: q.channel,
    topic: q.topic,
    text: q.text,
    district: q.district,
    name: q.resident?.name ?? '',
    address: q.resident?.address ?? '',
    contact: q.resident?.contact ?? '',
    publishName: q.resident?.publishName ?? false,
    answer: q.answer,
  };
}

/** Only what is needed: an all-empty resident is sent as none. */
export function residentOf(d: Pick<QuestionDraft, 'name' | 'address' | 'contact' | 'publishName'>) {
  if (!d.name.trim() && !d.address.trim() && !d.contact.trim()) return null;
  return { name: d.name, address: d.address, contact: d.contact, publishName: d.publishName && !!d.name.trim() };
}

export function toQuestionFields(d: QuestionDraft, tz: string): Omit<Input<'directLines.updateQuestion'>, 'id'> {
  return {
    receivedAt: instantOf(d.day, d.time, tz),
    channel: d.channel,
    topic: d.topic,
    text: d.text,
    district: d.district,
    resident: residentOf(d),
    answer: d.answer,
  };
}
