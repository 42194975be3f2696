/**
 * The Electron shell only: lifecycle, the window, the app:// protocol, security hooks,
 * the IPC router and save dialogs. All application logic lives in electron/backend.
 */
import { app, BrowserWindow, dialog, ipcMain, protocol, safeStorage, screen, session, shell, type IpcMainInvokeEvent } from 'electron';
import Store from 'electron-store';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openBackend, type Backend } from '../backend/app.js';
import type { FileResult, Outcome } from '../backend/api.js';
import type { DataFolderHost } from '../backend/features/settings/data-folder.js';
import { chosenFolderMissing, resolveDataFolder, type DataDirSource } from '../backend/paths.js';
import { electronSecretBox } from '../backend/features/sync/secret-box.js';
import { appResponse } from './app-protocol.js';
import { externalLinkDecision, externalLinkQuestion, isAppUrl, secureWebPreferences, APP_ORIGIN } from './security.js';
import { boundsToRestore, DEFAULT_SIZE, MIN_SIZE, readShellState, sectionOf, type ShellState } from './window-state.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const rendererDir = path.join(here, '..', 'renderer');
const INVOKE_CHANNEL = 'press-desk:invoke';
const EVENT_CHANNEL = 'press-desk:event';

protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

let backend: Backend | null = null;
let window: BrowserWindow | null = null;
/** Window place, last section, chosen data folder: this computer's, so outside the (maybe shared) data folder. */
let shellStore: Store<ShellState> | null = null;
const shellState = (): ShellState => readShellState(shellStore?.store);

if (!app.requestSingleInstanceLock()) app.quit();
app.on('second-instance', () => {
  if (window) {
    if (window.isMinimized()) window.restore();
    window.focus();
  }
});

/** Serves the built UI from app://press-desk/, never from the file system at large. */
// Every response carries the CSP itself: webRequest.onHeadersReceived never sees custom protocols.
function registerAppProtocol(): void {
  protocol.handle('app', (request) => appResponse(request.url, rendererDir));
}

function hardenSession(): void {
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
    void openLink(url, BrowserWindow.fromWebContents(contents));
    return { action: 'deny' };
  });
});

/** The organisation's own site opens at once; any other http(s) host only once the user agrees. */
async function openLink(url: string, owner: BrowserWindow | null): Promise<void> {
  const decision = externalLinkDecision(url, backend?.ctx.store.get('settings', 'settings')?.organisation.site);
  if (decision.action === 'refuse') return;
  if (decision.action === 'confirm') {
    const question = externalLinkQuestion(decision);
    const { response } = owner ? await dialog.showMessageBox(owner, question) : await dialog.showMessageBox(question);
    if (response !== 0) return;
  }
  await shell.openExternal(decision.url);
}

/** Настройки → Данные: the folder dialog, the remembered choice and the restart (features/settings/data-folder.ts). */
const dataFolderHost: DataFolderHost = {
  chosen: () => shellState().dataDir ?? null,
  remember: (dir) => (dir ? shellStore?.set('dataDir', dir) : shellStore?.delete('dataDir')),
  async pick(current) {
    const options = { title: 'Папка данных Пресс-деска', defaultPath: current, buttonLabel: 'Выбрать папку', properties: ['openDirectory' as const, 'createDirectory' as const] };
    const { canceled, filePaths } = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
    return canceled ? null : (filePaths[0] ?? null);
  },
  relaunch() {
    // After the answer has reached the page; before-quit then closes the backend as on any quit.
    setTimeout(() => {
      // Inside an AppImage, execPath lies in a mount that goes away with this process: start the image itself.
      app.relaunch(process.env.APPIMAGE ? { execPath: process.env.APPIMAGE, args: process.argv.slice(1) } : undefined);
      app.quit();
    }, 200);
  },
};

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
  const saved = shellState();
  // Only where it still fits a screen (a monitor may have been unplugged since).
  const bounds = boundsToRestore(saved.bounds, screen.getAllDisplays().map((d) => d.workArea)) ?? DEFAULT_SIZE;
  window = new BrowserWindow({
    ...bounds,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: 'Пресс-деск',
    show: false,
    webPreferences: secureWebPreferences(path.join(here, 'preload.cjs')),
  });
  if (saved.maximized) window.maximize();
  window.once('ready-to-show', () => window?.show());
  const forward = backend!.onEvent((name, payload) => window?.webContents.send(EVENT_CHANNEL, name, payload));
  window.webContents.on('did-navigate-in-page', (_event, url) => {
    const section = sectionOf(url);
    if (section) shellStore?.set('lastSection', section);
  });
  window.on('close', () => {
    if (!window) return;
    shellStore?.set('bounds', window.getNormalBounds());
    shellStore?.set('maximized', window.isMaximized());
  });
  window.on('closed', () => {
    forward();
    window = null;
  });
  await window.loadURL(`${APP_ORIGIN}/index.html${saved.lastSection ? `#${saved.lastSection}` : ''}`);
}

/** The chosen folder is missing (a share not mounted yet): retry, fall back to the default folder, or quit. */
async function availableDataFolder(): Promise<{ dir: string; source: DataDirSource } | null> {
  for (;;) {
    // --data-dir and PRESS_DESK_DATA_DIR win over the folder chosen in Настройки → Данные.
    const folder = resolveDataFolder(process.argv, process.env, shellState().dataDir);
    if (!chosenFolderMissing(folder)) return folder;
    const { response } = await dialog.showMessageBox({
      type: 'warning',
      title: 'Папка данных недоступна',
      message: `Папка данных «${folder.dir}» сейчас недоступна.`,
      detail: 'Если она на сетевом диске или флешке, подключите его и нажмите «Повторить». Пустую папку на её месте программа не создаёт.',
      buttons: ['Повторить', 'Открыть папку по умолчанию', 'Выйти'],
      defaultId: 0,
      cancelId: 2,
    });
    if (response === 2) return null;
    if (response === 1) shellStore?.delete('dataDir');
  }
}

app.whenReady().then(async () => {
  shellStore = new Store<ShellState>({ cwd: path.join(app.getPath('appData'), 'Press Desk Shell'), name: 'shell' });
  const folder = await availableDataFolder();
  if (!folder) return app.exit(0);
  const { dir: dataDir, source: dataDirSource } = folder;
  // The site password: sealed by the OS key store when there is one (else a key file, see secret-box.ts).
  backend = await openBackend({
    dataDir,
    dataDirSource,
    dataFolderHost,
    backups: true,
    syncWorker: true,
    secretBox: electronSecretBox(safeStorage),
  });
  hardenSession();
  registerAppProtocol();
  routeIpc();
  await createWindow();
}).catch((err: unknown) => {
  // Without this a failed start leaves a process with no window holding the single-instance lock.
  dialog.showErrorBox('Пресс-деск не запустился', (err as Error).message ?? String(err));
  app.exit(1);
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
