// `npm start`: the Electron app where its binary exists; otherwise, in one line, why not, and the
// same app in browser mode. Arguments (e.g. --data-dir DIR) pass through to either.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);

/** The Electron binary's path, without triggering electron's lazy download (it fails offline). */
export function electronBinary() {
  try {
    const pkgDir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
    const pathFile = path.join(pkgDir, 'path.txt');
    if (!fs.existsSync(pathFile)) return null;
    const bin = path.join(pkgDir, 'dist', fs.readFileSync(pathFile, 'utf8').trim());
    return fs.existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const bin = electronBinary();
  if (bin && !process.env.PRESS_DESK_BROWSER) {
    const child = spawn(bin, [root, ...args], { stdio: 'inherit' });
    child.on('exit', (code) => process.exit(code ?? 0));
  } else {
    console.log('Electron недоступен на этой машине (бинарник не установлен и не может быть загружен) — открываю Пресс-деск в браузерном режиме.');
    const web = await import(pathToFileURL(path.join(root, 'dist', 'web.mjs')).href);
    await web.main();
  }
}
