/** #/contracts/new: the header form alone; once created, the card opens. */
import { useCommand } from '../../shell/commands';
import { navigate } from '../../shell/router';
import { useToast } from '../../shell/toasts';
import { ContractForm } from './ContractForm';

export function NewContract() {
  const toast = useToast();
  const close = () => void navigate('/contracts');
  useCommand('close', close);
  return (
    <div className="page ct-page">
      <header className="page-header">
        <button type="button" className="button button-quiet" onClick={close}>
          ← Контракты
        </button>
        <h1>Новый контракт</h1>
      </header>
      <div className="ct-new">
        <ContractForm
          contract={null}
          onCancel={close}
          onSaved={(card) => {
            toast(`Контракт № ${card.number} добавлен в реестр.`);
            void navigate(`/contracts/${card.id}`, { replace: true, force: true });
          }}
        />
      </div>
    </div>
  );
}
