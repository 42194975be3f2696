/** The resident's data found in free text, quoted with the match marked: what «[обезличено]» will replace. */
import type { AnonymiseHit } from '../../../electron/backend/features/direct-lines/api-types';

const kinds: Record<AnonymiseHit['kind'], string> = { name: 'имя', phone: 'телефон', email: 'e-mail', address: 'адрес', contact: 'контакт' };

export function AnonymiseHits({ hits, numbers }: { hits: AnonymiseHit[]; numbers: Map<string, number> }) {
  if (hits.length === 0) return <p>В текстах вопросов, ответов и поручений имён, телефонов и адресов жителей не найдено.</p>;
  return (
    <div className="dl-hits">
      <p>
        <strong>Найдено в текстах</strong> — будет заменено на «[обезличено]»:
      </p>
      <ul data-testid="anonymise-hits">
        {hits.map((h, i) => (
          <li key={i}>
            <span className="cell-sub">
              {h.questionId ? `Вопрос № ${numbers.get(h.questionId) ?? '?'}` : 'Прямая линия'} · {h.label} · {kinds[h.kind]}
            </span>
            <q>
              {h.before.length === 40 ? '…' : ''}
              {h.before}
              <mark>{h.match}</mark>
              {h.after}
              {h.after.length === 40 ? '…' : ''}
            </q>
          </li>
        ))}
      </ul>
    </div>
  );
}
