import type { PeerInfo, TeamOp } from './ops.js';

/** Something the user should hear about that did not stop the exchange (the rest was applied). */
export interface TransportIssue {
  kind: 'junk' | 'checksum' | 'incomplete' | 'format' | 'gap' | 'unreadable';
  /** The file (relative to the team folder) or the document id on the server. */
  where: string;
  deviceId?: string;
  /** Russian, for the user: «Файл «seg-12 (копия).ndjson» не создан Пресс-деском — пропущен». */
  message: string;
}

export interface Received {
  ops: TeamOp[];
  /** Save this (JSON) only once `ops` are applied; pass it to the next receive(). */
  cursor: unknown;
  peers: PeerInfo[];
  issues: TransportIssue[];
}

/**
 * Where a team's ops meet: a shared folder (folder-transport.ts) or a CouchDB server
 * (couch-transport.ts). A transport only moves ops; merging is merge.ts's business.
 */
export interface TeamTransport {
  readonly kind: 'folder' | 'couchdb';
  /** For messages: the folder path, or the server URL without credentials. */
  readonly target: string;
  /** Makes the team place usable (creates PressDeskTeam/v1/info.json or the database); returns the team id. */
  open(): Promise<{ teamId: string }>;
  /**
   * Stores this device's ops durably (a sealed segment / one document per op) and this device's PeerInfo.
   * Resolves only once they are stored; sending the same ops again is harmless (receivers skip them).
   * Throws (an AppError with a Russian message) when the place is unreachable: nothing half-written counts.
   */
  send(ops: TeamOp[], self: PeerInfo): Promise<{ sent: number }>;
  /** Other devices' ops after `cursor` (null: from the beginning). Never returns this device's own ops. */
  receive(cursor: unknown, selfId: string): Promise<Received>;
}
