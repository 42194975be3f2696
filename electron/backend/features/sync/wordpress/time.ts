/** Date-times as the site reads them: WordPress's `date` is wall-clock time in the site's own zone. */
import { isoInZone } from '../../releases/time.js';

/** «2026-05-12T10:00:00» in the site's zone (IANA name, else its fixed gmt_offset in hours, else UTC). */
export function siteLocalTime(at: Date, site: { timeZone: string | null; gmtOffset: number | null }): string {
  if (site.timeZone) {
    try {
      return isoInZone(at, site.timeZone).slice(0, 19);
    } catch {
      // an unknown zone name: fall through to the offset
    }
  }
  const shifted = new Date(at.getTime() + (site.gmtOffset ?? 0) * 3_600_000);
  return shifted.toISOString().slice(0, 19);
}
