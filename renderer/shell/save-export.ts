/**
 * Every ExportResult ends here: in browser mode the file is handed to the browser as a download,
 * in Electron the backend has already saved it through the system dialog and we only say where.
 */
import type { ExportResult } from '../../electron/backend/api';

export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Returns the message to show the user. */
export function saveExport(result: ExportResult): string {
  if (result.kind === 'saved') return `Сохранено: ${result.path}`;
  if (result.kind === 'cancelled') return 'Сохранение отменено.';
  const url = URL.createObjectURL(new Blob([base64ToBytes(result.base64)], { type: result.mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = result.name;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return `Файл «${result.name}» передан браузеру для сохранения.`;
}

/** Reads a picked file as base64 (for system.importArchive). */
export function fileToBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('Не удалось прочитать файл.'));
    reader.readAsDataURL(file);
  });
}
