/**
 * The sealed password, in a small file of its own inside the data folder (secrets/site-password.json),
 * never in a collection: the journal, snapshots, backups and archives hold collections and
 * attachments only. Sealed by a SecretBox whose key is elsewhere (OS key store or a key file).
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../errors.js';
import type { SecretBox } from './secret-box.js';

const fileOf = (dataDir: string) => path.join(dataDir, 'secrets', 'site-password.json');

interface Sealed {
  kind: SecretBox['kind'];
  sealed: string;
}

export function hasPassword(dataDir: string): boolean {
  return fs.existsSync(fileOf(dataDir));
}

/** A password is kept, or given for this run through PRESS_DESK_SITE_PASSWORD. */
export function passwordAvailable(dataDir: string): boolean {
  return hasPassword(dataDir) || !!process.env.PRESS_DESK_SITE_PASSWORD;
}

export function storePassword(dataDir: string, box: SecretBox, password: string): void {
  const file = fileOf(dataDir);
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const body: Sealed = { kind: box.kind, sealed: box.seal(password).toString('base64') };
  const tmp = `${file}.tmp`;
  const fd = fs.openSync(tmp, 'w', 0o600);
  try {
    fs.writeSync(fd, JSON.stringify(body));
    fs.fdatasyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
}

export function forgetPassword(dataDir: string): void {
  fs.rmSync(fileOf(dataDir), { force: true });
}

/** The password, or null when none is stored. Throws a Russian error when it cannot be unsealed here. */
export function readPassword(dataDir: string, box: SecretBox): string | null {
  // Scripts and CI may give it in the environment instead (never on the command line).
  if (process.env.PRESS_DESK_SITE_PASSWORD) return process.env.PRESS_DESK_SITE_PASSWORD;
  let body: Sealed;
  try {
    body = JSON.parse(fs.readFileSync(fileOf(dataDir), 'utf8')) as Sealed;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new AppError('internal', 'Файл с паролем сайта повреждён. Введите пароль приложения заново в Настройки → Сайт.');
  }
  if (body.kind !== box.kind)
    throw new AppError(
      'access_denied',
      body.kind === 'os-keystore'
        ? 'Пароль сайта зашифрован хранилищем паролей ОС в приложении и здесь недоступен. Задайте его переменной PRESS_DESK_SITE_PASSWORD или заново: press-desk site --url … --user ….'
        : 'Пароль сайта сохранён в файле ключа, а приложение теперь использует хранилище ОС. Введите пароль заново в Настройки → Сайт.',
    );
  try {
    return box.open(Buffer.from(body.sealed, 'base64'));
  } catch {
    throw new AppError('access_denied', `Не удалось расшифровать пароль сайта (ключ: ${box.where}). Введите пароль приложения заново в Настройки → Сайт.`);
  }
}
