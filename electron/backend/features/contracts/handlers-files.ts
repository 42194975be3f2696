/** Attachments of a contract, the register of municipal acts published and «сборники НПА». */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import type { HandlerTable } from '../../context.js';
import { fieldError, notFound } from '../../errors.js';
import { normalizeForSearch } from '../../format.js';
import { actsRegister, collectionsOfYear } from './acts-register.js';
import { decodeFile, filePath, guessMime, readFile, removeFile, storedName, writeFile } from './attachments.js';
import { cardOf } from './current.js';
import { dayShort } from './days.js';
import { settingsOf } from './views.js';

export const fileHandlers: HandlerTable<
  | 'contracts.attach'
  | 'contracts.attachment'
  | 'contracts.detach'
  | 'contracts.actsRegister'
  | 'contracts.collections.list'
  | 'contracts.collections.save'
  | 'contracts.collections.remove'
> = {
  'contracts.attach': async ({ contractId, name, mime, base64 }, ctx) => {
    if (!ctx.store.get('contracts', contractId)) throw notFound('Контракт');
    const bytes = decodeFile(base64);
    const id = randomUUID();
    const stored = storedName(id, name);
    const file = writeFile(ctx.dataDir, contractId, stored, bytes);
    try {
      await ctx.store.mutate((tx) => {
        const c = tx.get('contracts', contractId);
        if (!c) throw notFound('Контракт');
        const attachment = { id, name, size: bytes.length, mime: guessMime(name, mime), stored, addedAt: ctx.now().toISOString() };
        tx.put('contracts', { ...c, attachments: [...c.attachments, attachment], updatedAt: attachment.addedAt });
      });
    } catch (err) {
      fs.rmSync(file, { force: true });
      throw err;
    }
    return cardOf(ctx, contractId);
  },

  'contracts.attachment': ({ contractId, attachmentId }, { store, dataDir }) => {
    const c = store.get('contracts', contractId);
    if (!c) throw notFound('Контракт');
    const a = c.attachments.find((x) => x.id === attachmentId);
    if (!a) throw notFound('Вложение');
    const bytes = readFile(dataDir, contractId, a);
    return { kind: 'file', name: a.name, mime: a.mime, base64: bytes.toString('base64'), path: filePath(dataDir, contractId, a), size: bytes.length };
  },

  'contracts.detach': async ({ contractId, attachmentId }, ctx) => {
    const removed = await ctx.store.mutate((tx) => {
      const c = tx.get('contracts', contractId);
      if (!c) throw notFound('Контракт');
      const a = c.attachments.find((x) => x.id === attachmentId);
      if (!a) throw notFound('Вложение');
      tx.put('contracts', { ...c, attachments: c.attachments.filter((x) => x.id !== attachmentId), updatedAt: ctx.now().toISOString() });
      return a;
    });
    removeFile(ctx.dataDir, contractId, removed);
    return cardOf(ctx, contractId);
  },

  'contracts.actsRegister': ({ year, onlyLate }, { store }) => actsRegister(store, year, onlyLate),

  'contracts.collections.list': ({ year }, { store }) => collectionsOfYear(store, year),

  'contracts.collections.save': ({ id, ...fields }, ctx) =>
    ctx.store.mutate((tx) => {
      const current = id ? tx.get('actCollections', id) : undefined;
      if (id && !current) throw notFound('Сборник');
      const same = (a: string, b: string) => normalizeForSearch(a).replace(/\s/g, '') === normalizeForSearch(b).replace(/\s/g, '');
      const twin = tx.all('actCollections').find((c) => c.id !== id && c.date.slice(0, 4) === fields.date.slice(0, 4) && same(c.number, fields.number));
      if (twin) throw fieldError('number', 'Номер сборника', `сборник № ${twin.number} от ${dayShort(twin.date)} за этот год уже есть`);
      const late = fields.acts.findIndex((a) => a.signedOn > fields.date);
      if (late >= 0) throw fieldError(`acts.${late}.signedOn`, `Дата подписания акта № ${late + 1}`, 'позже даты выхода сборника');
      const at = ctx.now().toISOString();
      const title = fields.title || settingsOf(tx).collectionTitle;
      return tx.put('actCollections', current ? { ...current, ...fields, title, updatedAt: at } : { ...fields, title, id: randomUUID(), createdAt: at, updatedAt: at });
    }),

  'contracts.collections.remove': ({ id }, ctx) =>
    ctx.store.mutate((tx) => {
      if (!tx.get('actCollections', id)) throw notFound('Сборник');
      tx.del('actCollections', id);
      return { id };
    }),
};
