/**
 * The window's place and the last section, kept between starts (electron-store, see main.ts).
 * Plain functions so they are tested without Electron.
 */
import { z } from 'zod';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const MIN_SIZE = { width: 960, height: 600 } as const;
export const DEFAULT_SIZE = { width: 1280, height: 820 } as const;

const RectSchema = z.object({ x: z.number().int(), y: z.number().int(), width: z.number().int().positive(), height: z.number().int().positive() });

export const ShellStateSchema = z.object({
  bounds: RectSchema.optional().catch(undefined),
  maximized: z.boolean().optional().catch(undefined),
  /** The route's section, e.g. "/releases" (never a record: it may be gone next time). */
  lastSection: z.string().regex(/^\/[a-z-]{1,40}$/).optional().catch(undefined),
  /** The data folder chosen in Настройки → Данные for the next starts. */
  dataDir: z.string().min(1).max(4096).optional().catch(undefined),
});
export type ShellState = z.infer<typeof ShellStateSchema>;

/** Whatever electron-store holds (hand-edited, older version): only the parts that make sense. */
export function readShellState(raw: unknown): ShellState {
  const parsed = ShellStateSchema.safeParse(raw);
  return parsed.success ? parsed.data : {};
}

// Windows reports a maximised or snapped window a few pixels past the work area.
const SLACK = 16;

/** The saved bounds, if the whole window fits one display's work area as the screens are now; else null (default size, centred). */
export function boundsToRestore(saved: Rect | undefined, workAreas: Rect[]): Rect | null {
  if (!saved || saved.width < MIN_SIZE.width || saved.height < MIN_SIZE.height) return null;
  const fits = (a: Rect) =>
    saved.x >= a.x - SLACK &&
    saved.y >= a.y - SLACK &&
    saved.x + saved.width <= a.x + a.width + SLACK &&
    saved.y + saved.height <= a.y + a.height + SLACK;
  return workAreas.some(fits) ? saved : null;
}

/** app://press-desk/index.html#/releases/ID → "/releases": the section to open next time. */
export function sectionOf(url: string): string | undefined {
  const hash = /#\/([a-z-]{1,40})(?:[/?]|$)/.exec(url);
  return hash ? `/${hash[1]}` : undefined;
}
