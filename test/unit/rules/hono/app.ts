// The file around a Hono table's routes: an app, its routes, its export.
export const app = (routes: string): string => `import { Hono } from 'hono';\n\nconst app = new Hono();\n\n${routes}\n\nexport default app;`;

/** The same with stoker's status constants imported. */
export const stokerApp = (routes: string): string => app(`import * as HttpStatusCodes from 'stoker/http-status-codes';\n\n${routes}`);
