/**
 * Keyboard commands the open screen answers: "new" (Ctrl+N), "save" (Ctrl+S), "close" (Esc).
 * The most recently registered handler wins, so an open card shadows its list.
 */
import { useEffect, useRef } from 'react';

export type CommandName = 'new' | 'save' | 'close';
type Entry = { name: CommandName; run: () => void };
const stack: Entry[] = [];

export function runCommand(name: CommandName): boolean {
  for (let i = stack.length - 1; i >= 0; i--) {
    const entry = stack[i]!;
    if (entry.name === name) {
      entry.run();
      return true;
    }
  }
  return false;
}

export function useCommand(name: CommandName, run: () => void, enabled = true): void {
  const ref = useRef(run);
  ref.current = run;
  useEffect(() => {
    if (!enabled) return;
    const entry: Entry = { name, run: () => ref.current() };
    stack.push(entry);
    return () => {
      const i = stack.indexOf(entry);
      if (i >= 0) stack.splice(i, 1);
    };
  }, [name, enabled]);
}
