/** Everything api.ts needs from the contracts feature, in one import (schemas and output types). */
export {
  ActCollectionSave,
  ActFields,
  ActsRegisterInput,
  AttachInput,
  AttachmentRef,
  CollectionsQuery,
  ContractFields,
  ContractGet,
  ContractQuery,
  ContractSettingsInput,
  ContractStatusInput,
  ContractUpdate,
  PaymentFields,
  PublicationFields,
  PublicationsImport,
  PublicationUpdate,
  QuoteInput,
  UnitSave,
  YearInput,
} from './schema.js';
export type { ActCollection, ContractSettings, Unit } from './schema.js';
export type { ActsRegister } from './acts-register.js';
export type { Quote } from './tariff.js';
export type { ContractCard } from './views.js';
export type { AttachmentFile, ContractRegister, ContractSummary, ImportResult, PublicationResult, UnitInUse } from './types.js';
