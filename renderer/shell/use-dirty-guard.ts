/** While a form has unsaved changes, leaving it (another section, another card, Esc, reload) asks first. */
import { useEffect } from 'react';
import { useConfirm } from './dialog';
import { setLeaveGuard } from './router';

export function useDirtyGuard(dirty: boolean, what = 'карточке'): void {
  const confirm = useConfirm();
  useEffect(() => {
    if (!dirty) return;
    setLeaveGuard(() =>
      confirm({
        title: 'Изменения не сохранены',
        message: `В ${what} есть несохранённые изменения. Если уйти, они пропадут.`,
        confirmLabel: 'Уйти без сохранения',
        cancelLabel: 'Остаться',
        danger: true,
      }),
    );
    return () => setLeaveGuard(null);
  }, [dirty, confirm, what]);
}
