/** What the releases.* methods return, besides the release view (view.ts) and templates. */
import type { Checklist, ReleaseCounts, TARGETS } from './checklist.js';
import type { ReleaseStatus, ReleaseVersion } from './schema.js';
import type { MetaChange, TextDiff, VersionSummary } from './versions.js';

/** What the editor gets back from an autosave: small, but enough to update counts, status and the revision. */
export interface DraftSaved {
  id: string;
  revision: number;
  status: ReleaseStatus;
  statusLabel: string;
  needsRepublish: boolean;
  savedAt: string;
  /** The newest version number, and whether this save made it. */
  version: number;
  versionCreated: boolean;
  counts: ReleaseCounts;
  checklist: Checklist;
}

export interface ReleaseOptions {
  types: { value: string; label: string }[];
  statuses: { value: string; label: string }[];
  channels: { value: string; label: string }[];
  nationalProjects: string[];
  /** Tags already used, most used first. */
  tags: { tag: string; count: number }[];
  staff: { id: string; name: string; position: string }[];
  targets: typeof TARGETS;
  autosaveVersionMinutes: number;
  /** Whether «Подготовить анонс» can read the calendar in this data folder. */
  calendar: boolean;
}

export interface VersionDetail extends ReleaseVersion {
  byName: string;
  reasonLabel: string;
  counts: ReleaseCounts;
}

export interface ReleaseDiff {
  from: VersionSummary;
  /** null: the current text. */
  to: VersionSummary | null;
  texts: TextDiff[];
  meta: MetaChange[];
  added: number;
  removed: number;
}

export interface PhotoFile {
  kind: 'file';
  name: string;
  mime: string;
  base64: string;
  width: number;
  height: number;
}

