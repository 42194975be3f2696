/**
 * The card's documents and the erasure of personal data:
 * - «Вопросы и ответы (Word)»: while questions have no answer the backend refuses and says which;
 *   the user may then choose «Опубликовать без них» (publishWithoutUnanswered);
 * - «Поручения (Word)»: the assignments list for the head;
 * - «Обезличить»: irreversible, so the dialog says what goes and what stays, and quotes the resident's
 *   data found in the free text (previewAnonymise) before the user confirms.
 */
import { useState } from 'react';
import { ApiError, api } from '../../api';
import { useConfirm } from '../../shell/dialog';
import { saveExport } from '../../shell/save-export';
import { useToast } from '../../shell/toasts';
import { AnonymiseHits } from './AnonymiseHits';
import { capitalise, numbering, type DirectLineCard } from './model';

export function ExportButtons({ sessionId }: { sessionId: string }) {
  const toast = useToast();
  const confirm = useConfirm();
  const [busy, setBusy] = useState(false);

  const exportQa = async (withoutUnanswered: boolean): Promise<void> => {
    setBusy(true);
    try {
      toast(saveExport(await api.directLines.exportQa({ id: sessionId, publishWithoutUnanswered: withoutUnanswered })));
    } catch (err) {
      const refusal = err instanceof ApiError ? err.forField('publishWithoutUnanswered') : undefined;
      if (!refusal) return toast((err as Error).message, { tone: 'error' });
      setBusy(false);
      const ok = await confirm({
        title: 'Не на все вопросы есть ответ',
        message: (
          <>
            <p>{capitalise(refusal)}</p>
            <p>Можно опубликовать только вопросы с ответами: остальные в документ не войдут.</p>
          </>
        ),
        confirmLabel: 'Опубликовать без них',
        cancelLabel: 'Вернуться к ответам',
      });
      if (ok) return await exportQa(true);
    } finally {
      setBusy(false);
    }
  };

  const exportAssignments = async () => {
    setBusy(true);
    try {
      toast(saveExport(await api.directLines.exportAssignments({ id: sessionId })));
    } catch (err) {
      toast((err as Error).message, { tone: 'error' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <button type="button" className="button" disabled={busy} onClick={() => void exportQa(false)} title="Вопросы жителей и ответы для газеты, без персональных данных">
        Вопросы и ответы (Word)
      </button>
      <button type="button" className="button" disabled={busy} onClick={() => void exportAssignments()} title="Перечень поручений со сроками — для главы">
        Поручения (Word)
      </button>
    </>
  );
}

export function AnonymiseButton({ card, onDone }: { card: DirectLineCard; onDone(notice: string): void }) {
  const toast = useToast();
  const confirm = useConfirm();
  const [busy, setBusy] = useState(false);
  const withData = card.questions.filter((q) => q.resident).length;
  const published = card.session.status === 'published';

  const run = async () => {
    let hits;
    setBusy(true);
    try {
      hits = (await api.directLines.previewAnonymise({ sessionId: card.session.id })).hits;
    } catch (err) {
      return toast((err as Error).message, { tone: 'error' });
    } finally {
      setBusy(false);
    }
    const ok = await confirm({
      title: 'Обезличить прямую линию?',
      danger: true,
      confirmLabel: 'Обезличить безвозвратно',
      message: (
        <>
          <p>
            <strong>Это необратимо.</strong> Отменить обезличивание нельзя, и вернуть данные программа не сможет.
          </p>
          <p>
            <strong>Удаляются:</strong> имена, адреса и контакты жителей{withData ? ` — в ${withData} из ${card.questions.length} вопросов` : ''} этой прямой линии, из данных
            программы и из прежних резервных копий в папке данных.
          </p>
          <p>
            <strong>Сохраняются:</strong> тексты вопросов, ответы, поручения, темы, районы и каналы — для статистики и публикации.
          </p>
          <AnonymiseHits hits={hits} numbers={numbering(card.questions)} />
          {!published && <p className="dl-warn">Итоги ещё не опубликованы: после обезличивания связаться с жителями будет не по чему.</p>}
        </>
      ),
    });
    if (!ok) return;
    setBusy(true);
    try {
      const result = await api.directLines.anonymise({ sessionId: card.session.id, confirm: true, purgeOlderBackups: true });
      onDone(result.notice);
    } catch (err) {
      toast((err as Error).message, { tone: 'error' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <button type="button" className="button dl-button-danger" disabled={busy} onClick={() => void run()} title="Удалить персональные данные жителей (152-ФЗ)">
      Обезличить
    </button>
  );
}
