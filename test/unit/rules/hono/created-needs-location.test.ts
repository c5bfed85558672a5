// created-needs-location under the Hono adapter: the Location goes in c.json's headers argument, its ResponseInit, or a c.header() before.
import { ruleTests } from '../../ruleTester';
import { app } from './app';

const books = (answer: string): string => app(`app.post('/books', async (c) => {\n  const book = await Book.create(await c.req.json());\n${answer}\n});`);

ruleTests(
  'created-needs-location',
  {
    valid: [
      books("  return c.json(book, 201, { Location: `/books/${book.id}` });"),
      books("  c.header('Location', `/books/${book.id}`);\n  return c.json(book, 201);"),
      books('  return c.json(book, { status: 201, headers: { Location: `/books/${book.id}` } });'),
      // Headers the file does not spell out.
      books('  return c.json(book, 201, locationOf(book));'),
    ],
    invalid: [
      {
        code: books('  return c.json(book, 201);'),
        at: 'return c.json(book, «201»',
        output: books("  return c.json(book, 201, { 'Location': `${c.req.path}/${book.id}` });"),
      },
      {
        code: books('  return c.json(book, { status: 201 });'),
        at: 'return c.json(book, { status: «201» }',
        output: books("  return c.json(book, { status: 201, headers: { 'Location': `${c.req.path}/${book.id}` } });"),
      },
      {
        code: books('  c.status(201);\n  return c.json(book);'),
        at: 'c.status(«201»)',
        output: books("  c.status(201);\n  c.header('Location', `${c.req.path}/${book.id}`);\n  return c.json(book);"),
      },
    ],
  },
  { adapter: 'hono' },
);
