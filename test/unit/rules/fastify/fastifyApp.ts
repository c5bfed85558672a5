// The files the Fastify tables are written in: an app that imports fastify, and a plugin module
// that imports only fastify-plugin (its routes registered on the `fastify` it is given).
export const app = (routes: string): string => `import Fastify from 'fastify';\n\nconst app = Fastify();\n\n${routes}\n`;

export const plugin = (routes: string): string => `import fp from 'fastify-plugin';\n\nexport default fp(async function routes(fastify, opts) {\n${routes}\n});\n`;
