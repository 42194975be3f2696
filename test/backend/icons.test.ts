/** The app icons electron-builder.yml names exist and are what installers need (assets/make-icons.mjs makes them). */
import fs from 'node:fs';
import path from 'node:path';
import { imageSize } from 'image-size';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const yml = fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8');

describe('app icons', () => {
  it('every icon named in electron-builder.yml exists', () => {
    const named = [...yml.matchAll(/^\s*icon:\s*(\S+)\s*$/gm)].map((m) => m[1]!);
    expect(named.sort()).toEqual(['assets/icon.ico', 'assets/icon.png']);
    for (const file of named) expect(fs.existsSync(path.join(root, file)), file).toBe(true);
  });

  it('icon.png is 512×512; icon.ico holds PNG images from 16 to 256 px', () => {
    expect(imageSize(fs.readFileSync(path.join(root, 'assets/icon.png')))).toMatchObject({ width: 512, height: 512, type: 'png' });
    const ico = fs.readFileSync(path.join(root, 'assets/icon.ico'));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
    const sizes = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => {
      const at = 6 + 16 * i;
      const data = ico.subarray(ico.readUInt32LE(at + 12), ico.readUInt32LE(at + 12) + ico.readUInt32LE(at + 8));
      expect(imageSize(data).type).toBe('png');
      return ico.readUInt8(at) || 256;
    });
    expect(sizes).toEqual([16, 24, 32, 48, 64, 128, 256]);
  });
});
