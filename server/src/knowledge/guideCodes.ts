import { GUIDE_CLIENT_ERROR_CODES, GUIDE_SERVER_ERROR_CODES } from './guideErrorCodes';
import { GUIDE_SUCCESS_CODES } from './guideSuccessCodes';
import type { CodeFacts } from './types';

/** The 20 codes the guide teaches, each with its advice. */
export const GUIDE_FACTS: readonly CodeFacts[] = [
  ...GUIDE_SUCCESS_CODES,
  ...GUIDE_CLIENT_ERROR_CODES,
  ...GUIDE_SERVER_ERROR_CODES,
];

export const GUIDE_CODES: readonly number[] = Object.freeze(GUIDE_FACTS.map((facts) => facts.code));
