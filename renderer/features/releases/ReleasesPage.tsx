/**
 * Релизы: #/releases — the board by status; #/releases/list — the list with search and filters;
 * #/releases/ID[/history] — the editor (and its version history).
 */
import { Board } from './Board';
import { Editor } from './Editor';
import { ListView } from './ListView';
import './releases.css';

export function ReleasesPage({ id, sub }: { id?: string; sub?: string }) {
  if (!id) return <Board />;
  if (id === 'list') return <ListView />;
  return <Editor key={id} id={id} sub={sub} />;
}
