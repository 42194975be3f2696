/**
 * Site publications: the posts read from the town's website by the sync pull (features/sync).
 * The annual report (features/reports) counts them: totals, with photos, with video, by national
 * project, by month. Shared by both features, so it lives in one small file.
 */
import { z } from 'zod';
import { recordMeta } from '../../schema-kit.js';

export const SitePublication = z.object({
  ...recordMeta,
  /** Which adapter/site it came from, e.g. 'wordpress'. */
  source: z.string().max(40),
  /** The post's id on the site (stable key for incremental pulls). */
  remoteId: z.string().max(64),
  /** Publication date, ISO date-time in UTC. */
  date: z.string(),
  /** The site's last change of the post, ISO date-time in UTC (for incremental pulls). */
  modified: z.string(),
  title: z.string().max(2000),
  link: z.string().max(2000),
  /** Category names as the site shows them. */
  categories: z.array(z.string().max(300)).max(100),
  tags: z.array(z.string().max(300)).max(200),
  /** A national project the post belongs to (from the category mapping), or null. */
  nationalProject: z.string().max(300).nullable(),
  hasPhoto: z.boolean(),
  hasVideo: z.boolean(),
  /** The release this post was published from, when it came from Press Desk. */
  releaseId: z.string().max(64).nullable(),
});
export type SitePublication = z.infer<typeof SitePublication>;

export const sitePublicationCollections = {
  sitePublications: { schema: SitePublication, shardOf: (p: SitePublication) => p.date.slice(0, 4) },
};
