/**
 * The Electron shell only: lifecycle, the window, the app:// protocol, security hooks,
 * the IPC router and save dialogs. All application logic lives in electron/backend.
 */
import { app, BrowserWindow, dialog, ipcMain, net, protocol, safeStorage, session, shell, type IpcMainInvokeEvent } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { openBackend, type Backend } from '../backend/app.js';
import type { FileResult, Outcome } from '../backend/api.js';
import { CONTENT_SECURITY_POLICY } from '../backend/csp.js';
import { resolveDataDir } from '../backend/paths.js';
import { electronSecretBox } from '../backend/features/sync/secret-box.js';
import { isAllowedExternalUrl, isAppUrl, APP_ORIGIN } from './security.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const rendererDir = path.join(here, '..', 'renderer');
const INVOKE_CHANNEL = 'press-desk:invoke';
const EVENT_CHANNEL = 'press-desk:event';

protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

let backend: Backend | null = null;
let window: BrowserWindow | null = null;

if (!app.requestSingleInstanceLock()) app.quit();
app.on('second-instance', () => {
  if (window) {
    if (window.isMinimized()) window.restore();
    window.focus();
  }
});

/** Serves the built UI from app://press-desk/, never from the file system at large. */
function registerAppProtocol(): void {
  protocol.handle('app', (request) => {
    const url = new URL(request.url);
    const rel = decodeURIComponent(url.pathname).replace(/^\/+/, '') || 'index.html';
    const file = path.resolve(rendererDir, rel);
    const inside = file.startsWith(path.resolve(rendererDir) + path.sep) && fs.existsSync(file);
    return net.fetch(pathToFileURL(inside ? file : path.join(rendererDir, 'index.html')).toString());
  });
}

function hardenSession(): void {
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
}

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // The page refused to unload because a card has unsaved edits: ask, as a desktop app should.
  contents.on('will-prevent-unload', (event) => {
    const owner = BrowserWindow.fromWebContents(contents);
    const options = {
      type: 'question' as const,
      buttons: ['Закрыть без сохранения', 'Остаться'],
      defaultId: 1,
      cancelId: 1,
      title: 'Несохранённые изменения',
      message: 'В открытой карточке есть несохранённые изменения. Закрыть без сохранения?',
    };
    const choice = owner ? dialog.showMessageBoxSync(owner, options) : dialog.showMessageBoxSync(options);
    if (choice === 0) event.preventDefault(); // preventDefault here lets the unload go ahead
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
});

/** Electron saves a produced document through the system save dialog; the page only hears where it went. */
async function saveThroughDialog(result: FileResult): Promise<Outcome> {
  const ext = path.extname(result.name).slice(1);
  const { canceled, filePath } = await dialog.showSaveDialog(window!, {
    defaultPath: path.join(app.getPath('documents'), result.name),
    filters: [{ name: ext.toUpperCase(), extensions: [ext] }],
  });
  if (canceled || !filePath) return { ok: true, result: { kind: 'cancelled' } };
  await fs.promises.writeFile(filePath, Buffer.from(result.base64, 'base64'));
  return { ok: true, result: { kind: 'saved', path: filePath } };
}

function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return !!frame && frame === window?.webContents.mainFrame && isAppUrl(frame.url);
}

function routeIpc(): void {
  ipcMain.handle(INVOKE_CHANNEL, async (event, method: unknown, input: unknown): Promise<Outcome> => {
    if (!isTrustedSender(event) || typeof method !== 'string') return { ok: false, error: { code: 'internal', message: 'Запрос отклонён: неизвестный источник.' } };
    const outcome = await backend!.invoke(method, input);
    const result = outcome.ok ? (outcome.result as { kind?: string } | null) : null;
    if (result?.kind === 'file') return saveThroughDialog(result as FileResult);
    return outcome;
  });
}

async function createWindow(): Promise<void> {
  window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    title: 'Пресс-деск',
    show: false,
    webPreferences: {
      preload: path.join(here, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: true,
    },
  });
  window.once('ready-to-show', () => window?.show());
  const forward = backend!.onEvent((name, payload) => window?.webContents.send(EVENT_CHANNEL, name, payload));
  window.on('closed', () => {
    forward();
    window = null;
  });
  await window.loadURL(`${APP_ORIGIN}/index.html`);
}

app.whenReady().then(async () => {
  const dataDir = resolveDataDir(process.argv);
  // The site password: sealed by the OS key store when there is one (else a key file, see secret-box.ts).
  backend = await openBackend({ dataDir, backups: true, syncWorker: true, secretBox: electronSecretBox(safeStorage) });
  hardenSession();
  registerAppProtocol();
  routeIpc();
  await createWindow();
});

let quitting = false;
app.on('before-quit', (event) => {
  // Snapshot and release the folder lock before the process goes.
  if (quitting || !backend) return;
  event.preventDefault();
  quitting = true;
  void backend.close().finally(() => app.quit());
});
app.on('window-all-closed', () => app.quit());
