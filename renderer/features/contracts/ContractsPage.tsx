/**
 * Контракты: #/contracts — the register; #/contracts/new — a new contract; #/contracts/ID[/tab] — a card;
 * #/contracts/acts — the register of municipal acts published.
 */
import { ActsRegisterView } from './ActsRegisterView';
import { ContractCard } from './ContractCard';
import { NewContract } from './NewContract';
import { RegisterView } from './RegisterView';
import './contracts.css';

export function ContractsPage({ id, sub }: { id?: string; sub?: string }) {
  if (!id) return <RegisterView />;
  if (id === 'new') return <NewContract />;
  if (id === 'acts') return <ActsRegisterView />;
  return <ContractCard key={id} id={id} tab={sub} />;
}
