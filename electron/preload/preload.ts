/**
 * The only bridge between the page and the app: window.pressDesk = { invoke, on }.
 * No Node, no ipcRenderer, no arbitrary channels reach the page.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';

const EVENT_CHANNEL = 'press-desk:event';
const INVOKE_CHANNEL = 'press-desk:invoke';

contextBridge.exposeInMainWorld('pressDesk', {
  invoke: (method: string, input: unknown) => ipcRenderer.invoke(INVOKE_CHANNEL, method, input),
  on: (event: string, listener: (payload: unknown) => void) => {
    const handler = (_e: IpcRendererEvent, name: string, payload: unknown) => {
      if (name === event) listener(payload);
    };
    ipcRenderer.on(EVENT_CHANNEL, handler);
    return () => ipcRenderer.removeListener(EVENT_CHANNEL, handler);
  },
});
