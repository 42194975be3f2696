/** Words and tones shared by the sync screens. */
import { countOf } from '../../../electron/backend/format';

export const publications = (n: number) => countOf(n, ['публикация', 'публикации', 'публикаций']);
export const errorsCount = (n: number) => countOf(n, ['ошибка', 'ошибки', 'ошибок']);
export const conflictsCount = (n: number) => countOf(n, ['конфликт', 'конфликта', 'конфликтов']);
export const attemptsCount = (n: number) => countOf(n, ['попытка', 'попытки', 'попыток']);

/** The colour of a state badge (outbox item or a release's site state). */
export function tone(state: string): 'ok' | 'wait' | 'bad' | 'warn' | 'muted' {
  switch (state) {
    case 'done':
    case 'published':
    case 'scheduled':
      return 'ok';
    case 'queued':
    case 'sending':
      return 'wait';
    case 'failed':
      return 'bad';
    case 'conflict':
      return 'warn';
    default:
      return 'muted';
  }
}

export { errorText } from '../releases/util';
