/**
 * The Electron fuses flipped at packaging (electron/fuses.cjs, electron-builder's afterPack hook).
 * No Electron binary here: the hook runs on a stand-in executable carrying a real fuse wire.
 */
import { FuseV1Options, FuseVersion, getCurrentFuseWire } from '@electron/fuses';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** How a fuse is stored in the binary: ASCII '1' / '0'. */
const FuseState = { ENABLE: 0x31, DISABLE: 0x30 } as const;

/** The path electron-builder.yml gives as its afterPack hook. */
function hookPath(): string {
  const yml = fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8');
  const m = /^afterPack:\s*(\S+)\s*$/m.exec(yml);
  expect(m, 'electron-builder.yml names an afterPack hook').not.toBeNull();
  return path.resolve(root, m![1]!);
}

const wanted = {
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
};

describe('Electron fuses', () => {
  it('the config turns Node-ish entry points off and asar-only loading and cookie encryption on', () => {
    const { fuseConfig } = require(hookPath());
    expect(fuseConfig.version).toBe(FuseVersion.V1);
    expect(fuseConfig).toMatchObject(wanted);
  });

  it('the afterPack hook flips exactly those fuses in the packed executable (Linux and Windows names)', async () => {
    const { afterPack, default: asDefault } = require(hookPath());
    expect(asDefault).toBe(afterPack);
    for (const [platform, file] of [
      ['linux', 'press-desk'],
      ['win32', 'Press Desk.exe'],
    ] as const) {
      const appOutDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pd-fuses-'));
      // An Electron-like binary: the sentinel, wire version 1, 8 fuses in Electron's default states.
      const wire = [1, 0, 1, 1, 0, 0, 0, 1].map((on) => (on ? FuseState.ENABLE : FuseState.DISABLE));
      const exe = path.join(appOutDir, file);
      fs.writeFileSync(exe, Buffer.concat([Buffer.alloc(64, 7), Buffer.from(SENTINEL), Buffer.from([1, wire.length, ...wire]), Buffer.alloc(64, 7)]));
      await afterPack({ appOutDir, electronPlatformName: platform, arch: 1, packager: { executableName: 'press-desk', appInfo: { productFilename: 'Press Desk' } } });
      const now = await getCurrentFuseWire(exe);
      for (const [option, on] of Object.entries(wanted)) {
        expect(now[Number(option) as FuseV1Options], `${platform}: ${FuseV1Options[Number(option)]}`).toBe(on ? FuseState.ENABLE : FuseState.DISABLE);
      }
    }
  });
});
