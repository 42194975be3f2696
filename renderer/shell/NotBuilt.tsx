import type { Section } from './sections';

/** An honest page for a section that does not exist yet: what it will do, nothing pretended. */
export function NotBuilt({ section }: { section: Section }) {
  return (
    <div className="page not-built-page">
      <header className="page-header">
        <h1>{section.title}</h1>
      </header>
      <div className="not-built-box">
        <p className="not-built-title">Этот раздел ещё не сделан.</p>
        <p>{section.about}</p>
      </div>
    </div>
  );
}
