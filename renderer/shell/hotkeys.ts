/**
 * Global keys. Physical key codes (e.code), so they work with the Russian layout too:
 * Ctrl/Alt+1…9 sections, Ctrl+K or «/» search, Ctrl+N new, Ctrl+S save, Esc close.
 */
import { useEffect } from 'react';
import { runCommand } from './commands';
import { navigate } from './router';
import { sections } from './sections';

export const SEARCH_INPUT_ID = 'global-search';

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

const modalOpen = () => !!document.querySelector('dialog[open]');

export function focusSearch(): void {
  const input = document.getElementById(SEARCH_INPUT_ID) as HTMLInputElement | null;
  input?.focus();
  input?.select();
}

export function useHotkeys(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || modalOpen()) return;
      const ctrl = e.ctrlKey || e.metaKey;
      const digit = /^Digit([1-9])$/.exec(e.code);
      if (digit && (ctrl || e.altKey) && !e.shiftKey) {
        e.preventDefault();
        const section = sections[Number(digit[1]) - 1];
        if (section) void navigate(`/${section.id}`);
        return;
      }
      if (ctrl && !e.altKey && e.code === 'KeyK') {
        e.preventDefault();
        focusSearch();
        return;
      }
      if (e.key === '/' && !ctrl && !e.altKey && !isEditable(e.target)) {
        e.preventDefault();
        focusSearch();
        return;
      }
      if (ctrl && !e.altKey && e.code === 'KeyN') {
        e.preventDefault();
        runCommand('new');
        return;
      }
      if (ctrl && !e.altKey && e.code === 'KeyS') {
        e.preventDefault();
        runCommand('save');
        return;
      }
      if (e.key === 'Escape') {
        if (runCommand('close')) e.preventDefault();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
