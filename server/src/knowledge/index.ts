// The knowledge layer's public face: status-code facts and their Markdown rendering.
export type {
  GuideAdvice,
  HeaderAdvice,
  Mistake,
  RuleOfThumb,
  StatusClass,
  StatusInfo,
  StatusLink,
  StatusLookup,
} from './types';
export { GUIDE_CODES } from './guideCodes';
export { escapeMarkdown } from './markdown';
export { MISTAKES, RULES_OF_THUMB } from './mistakes';
export { lookupStatus, reasonPhrase, REGISTERED_CODES, statusInfo } from './registry';
export { renderCheatSheet, renderStatusMarkdown } from './render';
export { CLIENT_ERROR_RETRY, SERVER_ERROR_RETRY } from './retry';
export { CLASS_LABELS, statusClassOf } from './statusClass';
