// Named status constants, with their member tables taken from the libraries themselves
// (they are bundled), so `StatusCodes.MOVED_TEMPORARILY` is 302 because http-status-codes says so.
import { StatusCodes } from 'http-status-codes';
import { HttpStatus } from '@nestjs/common/enums/http-status.enum';
import httpStatus from 'http-status';
import type { ConstantTable } from '../types';

type MemberTable = ReadonlyMap<string, number>;

function numericMembers(source: object): MemberTable {
  const table = new Map<string, number>();
  for (const [name, value] of Object.entries(source)) {
    // Enums map both ways and http-status also has `404_NAME` strings: keep NAME → number only.
    if (/^[A-Z][A-Z0-9_]*$/.test(name) && typeof value === 'number') table.set(name, value);
  }
  return table;
}

const LIBRARY_TABLES: Record<Exclude<ConstantTable, 'local'>, MemberTable> = {
  'http-status-codes': numericMembers(StatusCodes),
  nestjs: numericMembers(HttpStatus),
  'http-status': numericMembers(httpStatus),
  // stoker generates its constants from http-status-codes' list: the same names and numbers.
  stoker: numericMembers(StatusCodes),
};

/** Which import gives which table: module name → exported binding (`*` for the module itself). */
const IMPORT_SOURCES: { module: string; binding: string; table: Exclude<ConstantTable, 'local'> }[] = [
  { module: 'http-status-codes', binding: 'StatusCodes', table: 'http-status-codes' },
  // http-status-codes also exports every constant at the top level (its legacy API).
  { module: 'http-status-codes', binding: '*', table: 'http-status-codes' },
  { module: '@nestjs/common', binding: 'HttpStatus', table: 'nestjs' },
  { module: 'http-status', binding: 'default', table: 'http-status' },
  { module: 'http-status', binding: 'status', table: 'http-status' },
  { module: 'http-status', binding: '*', table: 'http-status' },
  { module: 'stoker/http-status-codes', binding: '*', table: 'stoker' },
];

export function tableFor(module: string, binding: string): Exclude<ConstantTable, 'local'> | undefined {
  return IMPORT_SOURCES.find((source) => source.module === module && source.binding === binding)?.table;
}

export function constantValue(table: Exclude<ConstantTable, 'local'>, member: string): number | undefined {
  return LIBRARY_TABLES[table].get(member);
}

/** The member name a library uses for a code, preferring the first (canonical) one it lists. */
export function constantName(table: Exclude<ConstantTable, 'local'>, code: number): string | undefined {
  for (const [name, value] of LIBRARY_TABLES[table]) if (value === code) return name;
  return undefined;
}

/**
 * The code an http-status companion key speaks of: `404` (its reason phrase), `404_NAME`,
 * `404_MESSAGE`, `404_CLASS`; only keys the library has.
 */
export function httpStatusCompanionCode(key: string): number | undefined {
  const match = /^([1-5]\d\d)(_NAME|_MESSAGE|_CLASS)?$/.exec(key);
  return match && typeof (httpStatus as unknown as Record<string, unknown>)[key] === 'string' ? Number(match[1]) : undefined;
}
