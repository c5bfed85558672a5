import type { StatusClass } from './types';

const CLASS_BY_DIGIT: Record<number, StatusClass> = {
  1: 'informational',
  2: 'success',
  3: 'redirection',
  4: 'client-error',
  5: 'server-error',
};

/** How a class reads in prose and headings, e.g. "4xx client error". */
export const CLASS_LABELS: Readonly<Record<StatusClass, string>> = {
  informational: '1xx informational',
  success: '2xx success',
  redirection: '3xx redirection',
  'client-error': '4xx client error',
  'server-error': '5xx server error',
};

/** The class of any whole number in 100–599, registered or not; undefined for anything else. */
export function statusClassOf(code: number): StatusClass | undefined {
  if (!Number.isInteger(code) || code < 100 || code > 599) return undefined;
  return CLASS_BY_DIGIT[Math.floor(code / 100)];
}
