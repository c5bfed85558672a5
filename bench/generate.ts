// A seeded generator of realistic Express apps: one router per resource with validation, lookups,
// creates, try/catch and error middleware, where about one handler in five carries a mistake.
import { syntaxErrorCount } from '../server/src/analysis/engine/parse';
import { Rng } from './stats';
import * as t from './templates';

/** One seeded mistake and the lines (1-based, inclusive) of the handler or middleware that holds it. */
export interface SeededMistake {
  kind: t.MistakeKind;
  firstLine: number;
  lastLine: number;
}

export interface GeneratedApp {
  text: string;
  lines: number;
  /** Seeded mistakes by kind, e.g. `{ '201 without Location': 12 }`. */
  mistakes: Record<string, number>;
  /** Each seeded mistake with where it is. */
  seeded: SeededMistake[];
}

/** Appends a block of lines; the mistakes drawn since the last block are placed in it. */
type Emit = (block: string[]) => void;

const NOUNS = ['user', 'order', 'product', 'invoice', 'project', 'comment', 'team', 'payment', 'booking', 'ticket', 'review', 'article', 'device', 'event', 'shipment'];
const MISTAKE_RATE = 0.2;

function resourceAt(index: number): t.Resource {
  const noun = NOUNS[index % NOUNS.length];
  const round = Math.floor(index / NOUNS.length);
  const suffix = round === 0 ? '' : String(round + 1);
  return { plural: `${noun}s${suffix}`, singular: `${noun}${suffix}`, label: `${noun[0].toUpperCase()}${noun.slice(1)}${suffix}` };
}

function resourceSection(resource: t.Resource, draw: t.Draw, emit: Emit): void {
  const routes = [t.listRoute, t.getRoute, t.createRoute];
  const optional = [t.updateRoute, t.deleteRoute, t.exportRoute, t.chargeRoute, t.redirectRoutes, t.summaryRoute];
  for (const route of optional) if (draw.rng.chance(0.6)) routes.push(route);
  emit([`// ${resource.label} routes`, `const ${resource.plural}Router = express.Router();`, '']);
  emit([...guard(resource, draw), '']);
  for (const route of routes) emit([...route(resource, draw), '']);
  emit([...t.helpers(resource), '', `app.use('/${resource.plural}', rateLimit, ${resource.plural}Router);`, '']);
}

/** Some routers have a guard of their own: a stricter rate limit, an API key, a maintenance switch. */
function guard(resource: t.Resource, draw: t.Draw): string[] {
  const router = `${resource.plural}Router`;
  switch (draw.rng.int(0, 3)) {
    case 0:
      return [...t.rateLimitMiddleware(draw, `limit${resource.label}`), `${router}.use(limit${resource.label});`];
    case 1:
      return [...t.authMiddleware(draw, `require${resource.label}Key`), `${router}.use(require${resource.label}Key);`];
    case 2:
      return t.maintenanceMiddleware(draw, router);
    default:
      return [];
  }
}

/** An app of at least `targetLines` lines (it stops after the section that reaches it). */
export function generateApp(targetLines: number, seed: number): GeneratedApp {
  const rng = new Rng(seed);
  const mistakes: Record<string, number> = {};
  const seeded: SeededMistake[] = [];
  let drawn: t.MistakeKind[] = [];
  const draw: t.Draw = {
    rng,
    mistake(kind) {
      if (!rng.chance(MISTAKE_RATE)) return false;
      mistakes[kind] = (mistakes[kind] ?? 0) + 1;
      drawn.push(kind);
      return true;
    },
  };
  const lines: string[] = [];
  const emit: Emit = (block) => {
    const firstLine = lines.length + 1;
    lines.push(...block);
    for (const kind of drawn) seeded.push({ kind, firstLine, lastLine: lines.length });
    drawn = [];
  };
  emit([
    `import express from 'express';`,
    `import { StatusCodes } from 'http-status-codes';`,
    `import { db, cache, queue, logger, limiter, sessions, maintenance, paymentClient } from './services.js';`,
    '',
    'const app = express();',
    'app.use(express.json());',
    '',
  ]);
  emit([...t.authMiddleware(draw, 'requireAuth'), '']);
  emit([...t.roleMiddleware(), '']);
  emit([...t.rateLimitMiddleware(draw, 'rateLimit'), '']);
  emit([...t.maintenanceMiddleware(draw, 'app'), '']);
  // The footer is drawn before the resources (the seed's order) but placed after them.
  const footer = [...t.errorMiddleware(draw), '', 'export default app;', ''];
  const footerMistakes = drawn;
  drawn = [];
  for (let index = 0; lines.length + footer.length < targetLines; index++) resourceSection(resourceAt(index), draw, emit);
  drawn = footerMistakes;
  emit(footer);
  return { text: lines.join('\n'), lines: lines.length, mistakes, seeded };
}

/** `generateApp`, refusing code that does not parse: timing it would measure error recovery. */
export function generateParsedApp(targetLines: number, seed: number): GeneratedApp {
  const app = generateApp(targetLines, seed);
  if (syntaxErrorCount(app.text, 'app.js') > 0) throw new Error(`the generated app of ${targetLines} lines (seed ${seed}) has syntax errors`);
  return app;
}

export function mistakeCount(app: GeneratedApp): number {
  return Object.values(app.mistakes).reduce((sum, count) => sum + count, 0);
}
