import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openBackend } from '../../electron/backend/app.js';
import { MAX_ATTACHMENT_BYTES } from '../../electron/backend/features/contracts/schema.js';
import { removeTempDirs } from '../helpers/tmp.js';
import { openKit, paperContract, seedOutlets } from './contracts-kit.js';

afterEach(() => removeTempDirs());

describe('contracts: attachments (the signed scan)', () => {
  it('round trip: stored under attachments/contracts/<id>/, listed with name and size, read back byte for byte, detached', async () => {
    const kit = await openKit();
    try {
      const { paper } = await seedOutlets(kit);
      const c = await kit.call('contracts.create', paperContract(paper));
      const bytes = Buffer.from(Array.from({ length: 300_000 }, (_, i) => (i * 7919) % 256));
      const card = await kit.call('contracts.attach', { contractId: c.id, name: 'Контракт МК-2026-01 (подписан).pdf', base64: bytes.toString('base64') });
      expect(card.contract.attachments).toHaveLength(1);
      const a = card.contract.attachments[0]!;
      expect(a).toMatchObject({ name: 'Контракт МК-2026-01 (подписан).pdf', size: 300_000, mime: 'application/pdf' });
      const folder = path.join(kit.dir, 'attachments', 'contracts', c.id);
      expect(fs.readdirSync(folder)).toEqual([a.stored]);
      expect(fs.readFileSync(path.join(folder, a.stored)).equals(bytes)).toBe(true);

      const file = await kit.call('contracts.attachment', { contractId: c.id, attachmentId: a.id });
      expect(file).toMatchObject({ kind: 'file', name: a.name, mime: 'application/pdf', size: 300_000, path: path.join(folder, a.stored) });
      expect(Buffer.from(file.base64, 'base64').equals(bytes)).toBe(true);

      // It survives a restart (the record is journaled; the file is on disk).
      await kit.close();
      const again = await openBackend({ dataDir: kit.dir });
      const out = await again.invoke('contracts.attachment', { contractId: c.id, attachmentId: a.id });
      expect(out.ok && Buffer.from((out.result as { base64: string }).base64, 'base64').equals(bytes)).toBe(true);
      const detached = await again.invoke('contracts.detach', { contractId: c.id, attachmentId: a.id });
      expect(detached.ok && (detached.result as { contract: { attachments: unknown[] } }).contract.attachments).toEqual([]);
      expect(fs.readdirSync(folder)).toEqual([]);
      await again.close();
    } finally {
      await kit.close().catch(() => undefined);
    }
  });

  it('20 MB is the limit: exactly 20 MB is taken, one byte more is refused with nothing written and no file left', async () => {
    const kit = await openKit();
    try {
      const { paper } = await seedOutlets(kit);
      const c = await kit.call('contracts.create', paperContract(paper));
      const over = Buffer.alloc(MAX_ATTACHMENT_BYTES + 1, 1);
      const e = await kit.refused('contracts.attach', { contractId: c.id, name: 'скан.tif', base64: over.toString('base64') });
      expect(e.message).toBe('Поле «Файл»: файл 20,0 МБ больше допустимых 20 МБ — приложите скан меньшего размера (например, PDF в оттенках серого)');
      expect(e.issues?.[0]?.field).toBe('base64');
      const huge = await kit.refused('contracts.attach', { contractId: c.id, name: 'скан.tif', base64: Buffer.alloc(MAX_ATTACHMENT_BYTES + 100_000).toString('base64') });
      expect(huge.message).toBe('Поле «Файл»: файл больше 20 МБ — приложите скан меньшего размера (например, PDF в оттенках серого)');
      expect(fs.existsSync(path.join(kit.dir, 'attachments', 'contracts', c.id))).toBe(false);

      const exact = await kit.call('contracts.attach', { contractId: c.id, name: 'скан.tif', base64: Buffer.alloc(MAX_ATTACHMENT_BYTES, 2).toString('base64') });
      expect(exact.contract.attachments[0]).toMatchObject({ size: MAX_ATTACHMENT_BYTES, mime: 'image/tiff' });

      const empty = await kit.refused('contracts.attach', { contractId: c.id, name: 'пусто.pdf', base64: '' });
      expect(empty.message).toBe('Поле «Файл»: файл пуст');
      const unknown = await kit.refused('contracts.attach', { contractId: 'нет-такого', name: 'a.pdf', base64: 'AAAA' });
      expect(unknown.code).toBe('not_found');
    } finally {
      await kit.close();
    }
  });

  it('a file name cannot leave the contract folder', async () => {
    const kit = await openKit();
    try {
      const { paper } = await seedOutlets(kit);
      const c = await kit.call('contracts.create', paperContract(paper));
      const card = await kit.call('contracts.attach', { contractId: c.id, name: '../../../data/contracts.json', base64: Buffer.from('x').toString('base64') });
      const a = card.contract.attachments[0]!;
      expect(a.name).toBe('../../../data/contracts.json');
      expect(a.stored).toBe(`${a.id}-contracts.json`);
      expect(fs.readdirSync(path.join(kit.dir, 'attachments', 'contracts', c.id))).toEqual([a.stored]);
      // Removing the (empty) contract removes its folder.
      await kit.call('contracts.detach', { contractId: c.id, attachmentId: a.id });
      await kit.call('contracts.remove', { id: c.id });
      expect(fs.existsSync(path.join(kit.dir, 'attachments', 'contracts', c.id))).toBe(false);
    } finally {
      await kit.close();
    }
  });
});
