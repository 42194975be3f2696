/** The outlet card's editable copy: strings everywhere, a local key per contact row. */
import type { Input, Outlet } from '../../../electron/backend/api';
import type { Contact, OutletKind } from '../../../electron/backend/features/outlets/schema';
import { newId } from '../settings/draft';

export type ContactDraft = Contact & { key: string };

export interface OutletDraft {
  name: string;
  kind: OutletKind;
  officialPublisher: boolean;
  address: string;
  website: string;
  contacts: ContactDraft[];
  notes: string;
}

export const newContact = (): ContactDraft => ({ key: newId(), name: '', position: '', phone: '', email: '' });

export function toDraft(outlet: Outlet | null): OutletDraft {
  if (!outlet) return { name: '', kind: 'newspaper', officialPublisher: false, address: '', website: '', contacts: [], notes: '' };
  return {
    name: outlet.name,
    kind: outlet.kind,
    officialPublisher: outlet.officialPublisher,
    address: outlet.address,
    website: outlet.website,
    contacts: outlet.contacts.map((c) => ({ ...c, key: newId() })),
    notes: outlet.notes,
  };
}

export function toFields(draft: OutletDraft): Input<'outlets.create'> {
  return { ...draft, contacts: draft.contacts.map(({ key: _key, ...c }) => c) };
}

/** What counts for "unsaved changes": the fields, not the row keys. */
export const fingerprint = (draft: OutletDraft) => JSON.stringify(toFields(draft));
