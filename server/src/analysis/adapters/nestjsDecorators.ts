// How a NestJS controller says what it answers, in decorators: `@Controller('users')` gives the
// path prefix, `@Post(':id')` the method and path, and parameter decorators name the request
// (`@Req() req`), the response (`@Res() res`) and parts of the request (`@Body() dto`,
// `@Param('id') id`). Read by the NestJS collector, and by the Express collector for methods that
// take an Express response. Kept apart from `nestjs.ts` so the Express collector can import it.
import ts from 'typescript';
import { constantValue } from '../facts/constants';
import type { HeaderSet, HttpMethod } from '../types';

export interface DecoratorCall {
  name: string;
  decorator: ts.Decorator;
  args: readonly ts.Expression[];
}

/** `@Get(':id')`, `@common.Get()`, `@Injectable`: each decorator of a node, by its last name. */
export function decoratorsOf(node: ts.Node): DecoratorCall[] {
  if (!ts.canHaveDecorators(node)) return [];
  return (ts.getDecorators(node) ?? []).flatMap((decorator) => {
    const call = ts.isCallExpression(decorator.expression) ? decorator.expression : undefined;
    const callee = call ? call.expression : decorator.expression;
    const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
    return name ? [{ name, decorator, args: call?.arguments ?? [] }] : [];
  });
}

export function decoratorNamed(node: ts.Node, name: string): DecoratorCall | undefined {
  return decoratorsOf(node).find((decorator) => decorator.name === name);
}

const ROUTE_DECORATORS: Readonly<Record<string, HttpMethod>> = { Get: 'get', Post: 'post', Put: 'put', Patch: 'patch', Delete: 'delete', Options: 'options', Head: 'head', All: 'all' };

/** A path as written: `'users'`, `{ path: 'users', version: '1' }`; null when it is not a plain string (a variable, an array). */
function pathArgument(argument: ts.Expression | undefined): string | null {
  if (!argument) return '';
  if (ts.isStringLiteralLike(argument)) return argument.text;
  if (ts.isObjectLiteralExpression(argument)) {
    const path = argument.properties.find((property): property is ts.PropertyAssignment => ts.isPropertyAssignment(property) && ts.isIdentifier(property.name) && property.name.text === 'path');
    return path ? pathArgument(path.initializer) : '';
  }
  return null;
}

export interface NestRoute {
  method: HttpMethod;
  /** Controller prefix and method path joined (`/users/:id`); undefined when either is not a plain string. */
  path?: string;
  /** The route decorator (`@Post()`): where a default status comes from. */
  decorator: DecoratorCall;
}

/** The route of a method of a `@Controller` class, when the method has a route decorator. */
export function nestRoute(method: ts.MethodDeclaration): NestRoute | undefined {
  const controller = ts.isClassLike(method.parent) ? decoratorNamed(method.parent, 'Controller') : undefined;
  if (!controller) return undefined;
  const decorator = decoratorsOf(method).find((candidate) => ROUTE_DECORATORS[candidate.name] !== undefined);
  if (!decorator) return undefined;
  const prefix = pathArgument(controller.args[0]);
  const own = pathArgument(decorator.args[0]);
  const path = prefix === null || own === null ? undefined : `/${[prefix, own].flatMap((part) => part.split('/')).filter((part) => part !== '').join('/')}`;
  return { method: ROUTE_DECORATORS[decorator.name], path, decorator };
}

/** What a route method's parameters are, by their decorators. */
export interface NestParameters {
  requestName?: string;
  responseName?: string;
  /** `@Res({ passthrough: true })`: the handler sets headers on the response and Nest still sends what it returns. */
  passthrough: boolean;
  /** Parameters that hold part of the request, as a path into it: `dto` → ['body'], `id` → ['params', 'id']. */
  requestParts: Map<string, string[]>;
}

const REQUEST_PART_DECORATORS: Readonly<Record<string, string>> = { Body: 'body', Param: 'params', Query: 'query', Headers: 'headers', UploadedFile: 'file', UploadedFiles: 'files' };

function isPassthrough(options: ts.Expression | undefined): boolean {
  return (
    options !== undefined &&
    ts.isObjectLiteralExpression(options) &&
    options.properties.some((property) => ts.isPropertyAssignment(property) && property.name.getText() === 'passthrough' && property.initializer.kind === ts.SyntaxKind.TrueKeyword)
  );
}

/** The parameters of a method read by their decorators; undefined when none is decorated (a plain `(req, res)` method). */
export function nestParameters(method: ts.MethodDeclaration): NestParameters | undefined {
  let decorated = false;
  const found: NestParameters = { passthrough: false, requestParts: new Map() };
  for (const parameter of method.parameters) {
    for (const decorator of decoratorsOf(parameter)) {
      decorated = true;
      const name = parameter.name;
      if (decorator.name === 'Req' || decorator.name === 'Request') found.requestName = ts.isIdentifier(name) ? name.text : undefined;
      else if (decorator.name === 'Res' || decorator.name === 'Response') {
        found.responseName = ts.isIdentifier(name) ? name.text : undefined;
        found.passthrough = isPassthrough(decorator.args[0]);
      } else if (REQUEST_PART_DECORATORS[decorator.name]) {
        const key = decorator.args[0];
        const path = [REQUEST_PART_DECORATORS[decorator.name], ...(key && ts.isStringLiteralLike(key) ? [decorator.name === 'Headers' ? key.text.toLowerCase() : key.text] : [])];
        if (ts.isIdentifier(name)) found.requestParts.set(name.text, path);
        // `@Param() { id }: FindOneParams`
        else if (ts.isObjectBindingPattern(name) && path.length === 1) {
          for (const element of name.elements) {
            const property = element.propertyName ?? element.name;
            if (ts.isIdentifier(element.name) && ts.isIdentifier(property)) found.requestParts.set(element.name.text, [...path, property.text]);
          }
        }
      }
    }
  }
  return decorated ? found : undefined;
}

/**
 * The status Nest sets before a route method runs, for the Express collector, which reads methods
 * that take `@Res() res` without the file's bindings: `@HttpCode(204)`, `@HttpCode(HttpStatus.NO_CONTENT)`,
 * else 201 for `@Post`. Undefined for 200, or where `@HttpCode`'s argument is some other name.
 */
export function nestPresetStatus(method: ts.MethodDeclaration, route: NestRoute): number | undefined {
  const httpCode = decoratorNamed(method, 'HttpCode')?.args[0];
  if (!httpCode) return route.method === 'post' ? 201 : undefined;
  if (ts.isNumericLiteral(httpCode)) return Number(httpCode.text);
  return ts.isPropertyAccessExpression(httpCode) && httpCode.expression.getText() === 'HttpStatus' ? constantValue('nestjs', httpCode.name.text) : undefined;
}

/** A route method's `@Header(name, value)` decorators. Nest sets them before the method runs, so a thrown exception's response has them too. */
export function headerDecorators(node: ts.Node): HeaderSet[] {
  return decoratorsOf(node).flatMap((decorator) => {
    const name = decorator.name === 'Header' ? decorator.args[0] : undefined;
    return name && ts.isStringLiteralLike(name) ? [{ name: name.text.toLowerCase(), node: decorator.decorator }] : [];
  });
}
