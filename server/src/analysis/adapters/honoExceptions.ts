// Hono's `new HTTPException(401, { message })`, read for `thrownErrors.ts`: Hono sends the
// exception itself (`err.getResponse()`) unless the app's onError does, with the message as the body.
import ts from 'typescript';
import type { Bindings } from '../facts/bindings';
import { resolveStatus } from '../facts/status';
import { calleeOf, skipTypeWrappers } from '../facts/syntax';
import type { ResponseAdapter } from './adapter';
import type { CarriedStatus, ExceptionReader } from './collector';
import { isStatusValue, thrownErrorAdapter } from './thrownErrors';

const honoExceptionAdapter: ResponseAdapter = { ...thrownErrorAdapter, framework: 'hono' };

/** An exception given a ready response (`{ res }`) sends that response's headers, which the file does not show: left alone. */
function honoException(error: ts.NewExpression | ts.CallExpression, bindings: Bindings): CarriedStatus | 'unreadable' | undefined {
  if (!ts.isNewExpression(error) || calleeOf(error as unknown as ts.CallExpression)?.name !== 'HTTPException') return undefined;
  const args = error.arguments ?? ts.factory.createNodeArray();
  const status = args[0] && resolveStatus(args[0], bindings);
  if (!status || !isStatusValue(status)) return 'unreadable';
  const options = args[1] && skipTypeWrappers(args[1]);
  if (!options) return { status, adapter: honoExceptionAdapter };
  if (!ts.isObjectLiteralExpression(options)) return 'unreadable';
  const named = (key: string) => options.properties.find((p) => p.name && ts.isIdentifier(p.name) && p.name.text === key);
  if (named('res') || options.properties.some(ts.isSpreadAssignment)) return 'unreadable';
  const message = named('message');
  const body = message && ts.isPropertyAssignment(message) ? message.initializer : message && ts.isShorthandPropertyAssignment(message) ? message.name : undefined;
  return { status, message: body, adapter: honoExceptionAdapter };
}

/** Read in every file: a module that throws `HTTPException` may import it under a path of its own. */
export const honoExceptions: ExceptionReader = {
  forFile: (_sourceFile, bindings) => ({ statusOf: (error) => honoException(error, bindings) }),
};
