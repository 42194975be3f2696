import { z } from 'zod';

/** The team format this version writes and reads; ops or segments of a higher one are refused. */
export const TEAM_FORMAT = 1;

/**
 * A hybrid logical clock value, sortable as a string: wall time (ISO, ms), a counter, the device.
 * «2026-12-05T06:18:11.000Z-0000-3f9a0c1d2e4b5a69». Ties between devices are broken by the deviceId.
 */
export const Hlc = z.string().regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z-[0-9a-f]{4}-[0-9a-f]{16}$/);
export const DeviceId = z.string().regex(/^[0-9a-f]{16}$/);

/**
 * One acknowledged change of one record, as it travels between computers.
 * - put: the whole record (created, or restored after a delete); `fields` holds every field.
 * - patch: only the fields that changed, each with the clock of the value it replaced (`baseHlc`).
 * - delete: a tombstone; `fields` is empty.
 * `resolves` names the conflicts (see merge.ts) this write settles, so both computers close them.
 */
export const TeamOp = z.object({
  opId: z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/),
  deviceId: DeviceId,
  hlc: Hlc,
  collection: z.string().min(1).max(64),
  recordId: z.string().min(1).max(64),
  kind: z.enum(['put', 'patch', 'delete']),
  fields: z.record(z.string(), z.unknown()),
  baseHlc: z.record(z.string(), z.string()),
  schemaVersion: z.number().int().positive(),
  resolves: z.array(z.string()).optional(),
});
export type TeamOp = z.infer<typeof TeamOp>;

/** Who a device is, as other devices see it (written next to its ops). */
export const PeerInfo = z.object({
  deviceId: DeviceId,
  /** «ПК-1» */
  name: z.string().max(100),
  /** «Соколова И. В., начальник отдела», or '' when not chosen yet. */
  person: z.string().max(300),
  /** The staff member's id in the shared settings, when chosen. */
  personId: z.string().max(64).optional(),
  /** That device's own clock when it last exchanged (ISO). */
  exchangedAt: z.string(),
});
export type PeerInfo = z.infer<typeof PeerInfo>;
