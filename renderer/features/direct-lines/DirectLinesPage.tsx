/**
 * «Прямые линии»: the routes of the section.
 *   #/direct-lines                      the list of sessions
 *   #/direct-lines/new                  a new session
 *   #/direct-lines/ID                   the session card (questions, assignments, statistics, exports)
 *   #/direct-lines/ID/question/QID      the card with that question shown (global search)
 *   #/direct-lines/ID/live              the live screen for the hour on air
 */
import { LivePage } from './LivePage';
import { NewSessionPage } from './NewSessionPage';
import { SessionList } from './SessionList';
import { SessionPage } from './SessionPage';
import './direct-lines.css';

export function DirectLinesPage({ id, sub }: { id?: string; sub?: string }) {
  if (!id) return <SessionList />;
  if (id === 'new') return <NewSessionPage />;
  if (sub === 'live') return <LivePage key={id} id={id} />;
  const focusQuestionId = sub?.startsWith('question/') ? sub.slice('question/'.length) : undefined;
  return <SessionPage key={id} id={id} focusQuestionId={focusQuestionId} />;
}
