// Shapes the Next.js tables share: an App Router route file and a Pages API route.

/** Where App Router cases run: a route file, whose place says it is Next.js's even without imports. */
export const ROUTE_FILE = 'app/api/users/route';
/** Where Pages API cases run. */
export const PAGES_FILE = 'pages/api/users';

/** A route file that imports NextResponse, with the handlers given. */
export const route = (handlers: string): string => `import { NextResponse } from 'next/server';\n\n${handlers}\n`;

/** A Pages API route: the default export answers through `res`. */
export const pages = (body: string): string => `export default async function handler(req, res) {\n${body}\n}\n`;
