/**
 * How the site's Application Password is sealed. Electron's main process passes a box built on
 * `safeStorage` when the OS key store works; everywhere else (browser mode, the CLI, Linux without
 * a key store) the password is sealed with AES-256-GCM under a random key kept in a key file
 * OUTSIDE the data folder (so a copied data folder, backup or archive never carries both halves).
 * The backend never imports 'electron': the box is handed in through openBackend.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { SecretStorageView } from './api-types.js';

export interface SecretBox extends SecretStorageView {
  seal(plain: string): Buffer;
  open(sealed: Buffer): string;
}

/** The part of Electron's safeStorage the box needs (structural, so no 'electron' import here). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(sealed: Buffer): string;
  getSelectedStorageBackend?: () => string;
}

const KEY_DIR = 'Press Desk Keys';

/** Outside the default data folder (~/.config/Press Desk): ~/.config/Press Desk Keys/site-secret.key. PRESS_DESK_KEY_FILE overrides. */
export function defaultKeyFile(env: NodeJS.ProcessEnv = process.env): string {
  if (env.PRESS_DESK_KEY_FILE) return path.resolve(env.PRESS_DESK_KEY_FILE);
  const home = os.homedir();
  const base =
    process.platform === 'win32'
      ? (env.APPDATA ?? path.join(home, 'AppData', 'Roaming'))
      : process.platform === 'darwin'
        ? path.join(home, 'Library', 'Application Support')
        : (env.XDG_CONFIG_HOME ?? path.join(home, '.config'));
  return path.join(base, KEY_DIR, 'site-secret.key');
}

function loadOrCreateKey(file: string): Buffer {
  try {
    const key = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
    if (key.length === 32) return key;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const key = randomBytes(32);
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, key.toString('base64') + '\n', { mode: 0o600 });
  fs.renameSync(tmp, file);
  fs.chmodSync(file, 0o600);
  return key;
}

/** AES-256-GCM: iv(12) | tag(16) | ciphertext. The key file is made on first use, mode 0600. */
export function keyFileBox(file = defaultKeyFile()): SecretBox {
  return {
    kind: 'key-file',
    where: file,
    explanation:
      `Хранилище паролей операционной системы недоступно, поэтому пароль приложения зашифрован (AES-256-GCM) ` +
      `ключом из файла ${file}, доступного только вашей учётной записи. Файл ключа хранится отдельно от папки данных: ` +
      `резервные копии и архивы пароля не содержат. Удалите этот файл — и сохранённый пароль станет нечитаемым.`,
    seal(plain) {
      const key = loadOrCreateKey(file);
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    open(sealed) {
      const key = loadOrCreateKey(file);
      const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12));
      decipher.setAuthTag(sealed.subarray(12, 28));
      return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}

/** Electron's safeStorage when it really encrypts (on Linux 'basic_text' means no key store: use the key file). */
export function electronSecretBox(safeStorage: SafeStorageLike, fallback: () => SecretBox = () => keyFileBox()): SecretBox {
  const backend = safeStorage.getSelectedStorageBackend?.();
  if (!safeStorage.isEncryptionAvailable() || backend === 'basic_text') return fallback();
  const name =
    process.platform === 'darwin' ? 'Связка ключей macOS' : process.platform === 'win32' ? 'Windows DPAPI' : `хранилище паролей ОС (${backend ?? 'Secret Service'})`;
  return {
    kind: 'os-keystore',
    where: name,
    explanation: `Пароль приложения зашифрован средствами операционной системы (${name}) и доступен только вашей учётной записи на этом компьютере. В резервные копии и архивы он не попадает.`,
    seal: (plain) => safeStorage.encryptString(plain),
    open: (sealed) => safeStorage.decryptString(sealed),
  };
}
