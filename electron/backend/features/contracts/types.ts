/** Output shapes of the contracts methods that are not records or cards. */
import type { FileResult } from '../../api.js';
import type { Control, ContractWarning } from './control.js';
import type { Unit } from './schema.js';
import type { ContractRow, PublicationView } from './views.js';

export type { Control, ContractWarning } from './control.js';
export type { ActView, ContractCard, ContractRow, PublicationView } from './views.js';

/** contracts.list: the register's rows and its control totals (money only: units differ). */
export interface ContractRegister {
  asOf: string;
  rows: ContractRow[];
  totals: {
    contracts: number;
    /** Sum of contract prices, kopecks. */
    price: number;
    /** Publications' cost. */
    used: number;
    left: number;
    acted: number;
    paid: number;
    owed: number;
    /** Contracts with a warning or danger (info aside). */
    withWarnings: number;
  };
}

/** After a change of publications: the contract's fresh control, to show warnings at once. */
export interface ContractSummary {
  contractId: string;
  control: Control;
  warnings: ContractWarning[];
}
export interface PublicationResult extends ContractSummary {
  publication: PublicationView;
}
export interface ImportResult extends ContractSummary {
  added: number;
}

export interface UnitInUse extends Unit {
  /** Contracts measured in this unit (a unit in use cannot be removed). */
  contracts: number;
}

/** An attached file: its bytes, and where it lies, for the shell to open it with the system viewer. */
export interface AttachmentFile extends FileResult {
  path: string;
  size: number;
}
