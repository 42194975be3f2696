/** The desktop window's place and last section between starts (electron/main/window-state.ts). */
import { describe, expect, it } from 'vitest';
import { boundsToRestore, readShellState, sectionOf } from '../../electron/main/window-state.js';

const laptop = { x: 0, y: 0, width: 1920, height: 1040 };
const right = { x: 1920, y: 0, width: 2560, height: 1400 };

describe('boundsToRestore: the saved place only if it fits a screen as the screens are now', () => {
  it('restores a window that fits one display’s work area', () => {
    expect(boundsToRestore({ x: 100, y: 50, width: 1280, height: 820 }, [laptop])).toEqual({ x: 100, y: 50, width: 1280, height: 820 });
    expect(boundsToRestore({ x: 2000, y: 100, width: 1600, height: 900 }, [laptop, right])).toEqual({ x: 2000, y: 100, width: 1600, height: 900 });
    // Windows puts a snapped window a few pixels past the edge.
    expect(boundsToRestore({ x: -7, y: 0, width: 1934, height: 1047 }, [laptop])).not.toBeNull();
  });

  it('forgets it when the monitor it was on is gone, or it no longer fits', () => {
    expect(boundsToRestore({ x: 2000, y: 100, width: 1600, height: 900 }, [laptop])).toBeNull();
    expect(boundsToRestore({ x: -3000, y: 0, width: 1280, height: 820 }, [laptop])).toBeNull();
    expect(boundsToRestore({ x: 0, y: 0, width: 2560, height: 1400 }, [laptop])).toBeNull();
    expect(boundsToRestore({ x: 1500, y: 0, width: 1280, height: 820 }, [laptop, right])).toBeNull(); // across two screens
    expect(boundsToRestore({ x: 0, y: 0, width: 300, height: 200 }, [laptop])).toBeNull(); // under the minimum size
    expect(boundsToRestore(undefined, [laptop])).toBeNull();
    expect(boundsToRestore({ x: 0, y: 0, width: 1280, height: 820 }, [])).toBeNull();
  });
});

describe('readShellState: a hand-edited or damaged store yields only what makes sense', () => {
  it('keeps good parts and drops bad ones', () => {
    expect(readShellState({ bounds: { x: 1, y: 2, width: 1280, height: 820 }, maximized: true, lastSection: '/releases', dataDir: '/mnt/press' })).toEqual({
      bounds: { x: 1, y: 2, width: 1280, height: 820 },
      maximized: true,
      lastSection: '/releases',
      dataDir: '/mnt/press',
    });
    expect(readShellState({ bounds: { x: 'a' }, maximized: 'yes', lastSection: 'javascript:alert(1)', dataDir: '' })).toEqual({});
    expect(readShellState(null)).toEqual({});
    expect(readShellState('garbage')).toEqual({});
  });
});

describe('sectionOf: the section to reopen, never a record', () => {
  it.each([
    ['app://press-desk/index.html#/releases/abc-1', '/releases'],
    ['app://press-desk/index.html#/settings/site', '/settings'],
    ['app://press-desk/index.html#/summary', '/summary'],
    ['app://press-desk/index.html', undefined],
    ['app://press-desk/index.html#token=x', undefined],
  ])('%s → %s', (url, section) => {
    expect(sectionOf(url)).toBe(section);
  });
});
