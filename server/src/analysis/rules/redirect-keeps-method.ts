// Reports a 302 that forwards a POST/PUT/PATCH/DELETE to where the same endpoint now lives: most
// clients follow a 302 with a GET and drop the body, so the forwarded request is lost. 307 keeps it.
// Post/Redirect/Get (process a form, then send the browser to a page) wants the GET and is left alone.
import ts from 'typescript';
import { skipTypeWrappers } from '../facts/syntax';
import { changeStatusFix } from '../edits/fixes';
import type { Rule } from '../rule';
import { shorten } from '../facts/shorten';
import type { ResponseSite } from '../types';

/** Stand-ins for the parts of a target URL the code computes. */
const REQUEST_URL = '\u0001';
const COMPUTED = '\u0000';
const GET_LIKE = new Set(['get', 'head', 'options']);

/** The target URL as text, with the request's own URL and other computed parts as stand-ins. */
function targetShape(expression: ts.Expression, requestName: string | undefined): string {
  const value = skipTypeWrappers(expression);
  if (ts.isStringLiteralLike(value)) return value.text;
  const shape = (part: ts.Expression): string => targetShape(part, requestName);
  if (ts.isTemplateExpression(value)) return value.head.text + value.templateSpans.map((span) => shape(span.expression) + span.literal.text).join('');
  if (ts.isBinaryExpression(value) && value.operatorToken.kind === ts.SyntaxKind.PlusToken) return shape(value.left) + shape(value.right);
  // req.originalUrl, req.url
  const isRequestUrl =
    ts.isPropertyAccessExpression(value) && ['originalUrl', 'url'].includes(value.name.text) && ts.isIdentifier(value.expression) && value.expression.text === requestName;
  return isRequestUrl ? REQUEST_URL : COMPUTED;
}

/** Splits a target into "is there a scheme/host" and its path (without query or fragment). */
function splitTarget(shape: string): { hasOrigin: boolean; path: string } {
  const origin = /^([^/?#]*:)?\/\/[^/?#\u0001]*/.exec(shape) ?? (shape.startsWith(`${COMPUTED}/`) ? [COMPUTED] : null);
  const rest = origin ? shape.slice(origin[0].length) : shape;
  return { hasOrigin: origin !== null, path: rest.split(/[?#]/)[0] };
}

/** Path segments with parameters and computed parts as `*`; `withoutPrefixes` also drops `api` and `v2`. */
function segments(path: string, withoutPrefixes: boolean): string[] {
  return path
    .split('/')
    .filter((part) => part !== '' && !(withoutPrefixes && /^(api|v\d+(\.\d+)*)$/i.test(part)))
    .map((part) => (part.startsWith(':') || part.includes(COMPUTED) || part.includes(REQUEST_URL) ? '*' : part.toLowerCase()));
}

/**
 * Does the redirect send the request to another home of the same endpoint (`/api/v1/payments` →
 * `/api/v2/payments`, or the same URL on another host)? A redirect back to the route itself is
 * Post/Redirect/Get to the page of that URL, not forwarding.
 */
function forwardsSameEndpoint(site: ResponseSite, target: ts.Expression): boolean {
  const handler = site.handler;
  const { hasOrigin, path } = splitTarget(targetShape(target, handler?.requestName));
  if (path === REQUEST_URL) return hasOrigin;
  const routePath = site.route?.path;
  if (routePath === undefined) return false;
  const to = segments(path, true);
  const from = segments(routePath, true);
  const same = to.length === from.length && to.some((part) => part !== '*') && to.every((part, index) => part === from[index]);
  return same && (hasOrigin || segments(path, false).join('/') !== segments(routePath, false).join('/'));
}

/** Forwarding handlers do nothing with the request before redirecting; reading it or logging is fine. */
function doesNoWork(site: ResponseSite): boolean {
  const requestName = site.handler?.requestName;
  return site.callsBefore.every(({ callee, name }) => {
    const receiver = callee.split('.')[0];
    return receiver === requestName || /^(console|logger|log)$/.test(receiver) || /^(log|info|warn|debug|trace)$/.test(name);
  });
}

export const redirectKeepsMethod: Rule<'redirect-keeps-method'> = {
  meta: {
    id: 'redirect-keeps-method',
    defaultSeverity: 'hint',
    description: 'A 302 redirect in a handler whose method should be kept (307).',
    fixable: true,
    docs: {
      details:
        'Most clients follow a 302 with a GET and drop the request body. When a handler forwards a POST, PUT, ' +
        'PATCH or DELETE to where the same endpoint now lives (a new API version, another host, HTTPS), the ' +
        'forwarded request arrives as a GET without its data. 307 Temporary Redirect keeps the method and body.\n\n' +
        'Reported only when the handler does nothing but forward: no calls before the redirect other than reading ' +
        'the request or logging, and a target that is the same endpoint (the same path after `/api` and version ' +
        'segments, or `req.originalUrl` on another host).\n\n' +
        'Not reported: Post/Redirect/Get, where a handler processes a form and sends the browser to a page ' +
        '(`res.redirect(\'/thanks\')`, or back to the same URL): there the switch to GET is the point, and 307 would ' +
        'submit the form again. Also not reported: 303 (which asks for a GET on purpose), 301, GET handlers, ' +
        'redirects to a computed target the file does not spell out, and `writeHead(302, { Location })` in Express ' +
        'code (node:http code redirects that way, and is read like `res.redirect`).',
      incorrect: "app.post('/api/v1/payments', (req, res) => {\n  res.redirect('/api/v2/payments');\n});",
      correct: "app.post('/api/v1/payments', (req, res) => {\n  res.redirect(307, '/api/v2/payments');\n});",
    },
  },
  check(site, context) {
    if (site.status.code !== 302 || site.send?.kind !== 'redirect' || GET_LIKE.has(site.route?.method ?? '')) return;
    const target = site.send.target;
    if (!target || !forwardsSameEndpoint(site, target) || !doesNoWork(site)) return;
    const method = site.route?.method;
    const verb = method && ['post', 'put', 'patch', 'delete'].includes(method) ? method.toUpperCase() : 'POST';
    const fix = changeStatusFix(site, 307, context, true);
    context.report({
      range: site.status.range,
      message:
        `302 turns a forwarded ${verb} into a GET without its body. This handler only forwards to ` +
        `\`${shorten(target.getText())}\`: use 307 Temporary Redirect to keep the method.`,
      fixes: fix ? [fix] : [],
    });
  },
};
