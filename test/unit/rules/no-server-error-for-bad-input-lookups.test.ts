// no-server-error-for-bad-input, lookups that fail into a catch-all 500 (with `lookupFailures` on):
// a record looked up by a path key and used unchecked, a raw id handed to an ObjectId finder.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, DEFAULT_OPTIONS } from '../../../server/src/analysis';
import { ruleTests } from '../ruleTester';

const ON = { lookupFailures: true };
/** An Express route whose try block is `body` and whose catch answers `status`. */
const route = (path: string, body: string, status = '500', method = 'get', head = ''): string =>
  `${head}router.${method}('${path}', async (req, res) => {\n  try {\n${body}\n  } catch (err) {\n    res.status(${status}).json({ error: 'Server error' });\n  }\n});`;
const MONGOOSE = "const mongoose = require('mongoose');\n";

ruleTests('no-server-error-for-bad-input', {
  valid: [
    // Off when the setting says so.
    { code: route('/posts/:slug', "    const post = await Post.findOne({ slug: req.params.slug });\n    res.json(post.body);"), options: { lookupFailures: false } },
    // A null check before the use.
    { code: route('/posts/:slug', "    const post = await Post.findOne({ slug: req.params.slug });\n    if (!post) return res.status(404).json({ error: 'Post not found' });\n    res.json(post.body);"), options: ON },
    // Optional chaining is a check.
    { code: route('/posts/:slug', "    const post = await Post.findOne({ slug: req.params.slug });\n    res.json(post?.body);"), options: ON },
    // The record handed on whole: whoever gets it decides.
    { code: route('/posts/:slug', "    const post = await Post.findOne({ slug: req.params.slug });\n    res.json(present(post));"), options: ON },
    // A log-in's lookup by a body field: a missing user is a 401, not a 404 (the 401 rule's business).
    { code: route('/login', "    const user = await User.findOne({ email: req.body.email });\n    const ok = await bcrypt.compare(req.body.password, user.password);\n    res.json({ ok });", '500', 'post'), options: ON },
    // The id is checked in the route's middleware: validate(…), celebrate, express-validator, checkObjectId.
    { code: "router.get('/:id', validate(idSchema), async (req, res) => {\n  try {\n    res.json(await Post.findById(req.params.id));\n  } catch (err) {\n    res.status(500).json({ error: 'Server error' });\n  }\n});", options: ON },
    { code: "router.get('/:id', param('id').isMongoId(), async (req, res) => {\n  try {\n    res.json(await Post.findById(req.params.id));\n  } catch (err) {\n    res.status(500).json({ error: 'Server error' });\n  }\n});", options: ON },
    { code: "router.get('/:id', auth, checkObjectId('id'), async (req, res) => {\n  try {\n    res.json(await Post.findById(req.params.id));\n  } catch (err) {\n    res.status(500).json({ error: 'Server error' });\n  }\n});", options: ON },
    // A router `param` handler checks every `:id`.
    { code: `router.param('id', checkId);\n${route('/:id', '    res.json(await Post.findById(req.params.id));')}`, options: ON },
    // Checked in the handler.
    { code: route('/:id', "    if (!mongoose.isValidObjectId(req.params.id)) return res.status(400).json({ error: 'Invalid id' });\n    res.json(await Post.findById(req.params.id));"), options: ON },
    // The catch tells a malformed id apart.
    { code: "router.get('/:id', async (req, res) => {\n  try {\n    res.json(await Post.findById(req.params.id));\n  } catch (err) {\n    if (err.name === 'CastError') return res.status(400).json({ error: 'Invalid id' });\n    res.status(500).json({ error: 'Server error' });\n  }\n});", options: ON },
    // A project service's findById may take any id.
    { code: route('/:id', '    res.json(await postService.findById(req.params.id));'), options: ON },
    // The record of who is asking, not of the path.
    { code: route('/me', '    const user = await User.findOne({ _id: req.user.id });\n    res.json(user.profile);'), options: ON },
  ],
  invalid: [
    {
      code: route('/posts/:slug', "    const post = await Post.findOne({ slug: req.params.slug });\n    res.json(post.body);"),
      options: ON,
      at: 'status(«500»)',
      message: /500 for a missing record: `post` from `Post\.findOne\(.*404 Not Found/,
      output: route('/posts/:slug', "    const post = await Post.findOne({ slug: req.params.slug });\n    if (!post) return res.status(404).json({ error: 'Post not found' });\n    res.json(post.body);"),
    },
    {
      // An assignment to the record, keyed by a name destructured from the path; a query chain after the finder.
      code: route('/users/:username', "    const { username } = req.params;\n    const user = await User.findOne({ username }).select('-password');\n    user.name = req.body.name;\n    await user.save();\n    res.json(user);", '500', 'put'),
      options: ON,
      at: 'status(«500»)',
      output: route('/users/:username', "    const { username } = req.params;\n    const user = await User.findOne({ username }).select('-password');\n    if (!user) return res.status(404).json({ error: 'User not found' });\n    user.name = req.body.name;\n    await user.save();\n    res.json(user);", '500', 'put'),
    },
    {
      // A raw id handed to an ObjectId finder, in a file that imports Mongoose: the check goes before it.
      code: route('/notes/:id', '    await Note.findByIdAndDelete(req.params.id);\n    res.sendStatus(204);', '500', 'delete', MONGOOSE),
      options: ON,
      at: 'status(«500»)',
      message: /500 for a malformed id: `req\.params\.id` goes to `Note\.findByIdAndDelete.*CastError.*400 Bad Request/,
      output: route('/notes/:id', "    if (!mongoose.isValidObjectId(req.params.id)) return res.status(400).json({ error: 'Invalid id' });\n    await Note.findByIdAndDelete(req.params.id);\n    res.sendStatus(204);", '500', 'delete', MONGOOSE),
    },
    {
      // The driver's ObjectId, without Mongoose at hand: reported, with no fix to offer.
      code: route('/notes/:id', '    const note = await notes.findOne({ _id: new ObjectId(req.params.id) });\n    res.json(note);', '500', 'get', "import { ObjectId } from 'mongodb';\n"),
      options: ON,
      at: 'status(«500»)',
      message: /malformed id/,
    },
    {
      // Both: a malformed id and a missing record. Each fix mends one, so each alone leaves the finding.
      code: route('/users/:id', '    const user = await User.findById(req.params.id);\n    res.json(user.profile);', '500', 'get', MONGOOSE),
      options: ON,
      at: 'status(«500»)',
      keeps: ['Answer 400', 'Answer 404'],
      output: route('/users/:id', "    if (!mongoose.isValidObjectId(req.params.id)) return res.status(400).json({ error: 'Invalid id' });\n    const user = await User.findById(req.params.id);\n    res.json(user.profile);", '500', 'get', MONGOOSE),
    },
    {
      // Named constants stay named in the added check.
      code: "import { StatusCodes } from 'http-status-codes';\napp.get('/books/:isbn', async (req, res) => {\n  try {\n    const book = await prisma.book.findUnique({ where: { isbn: req.params.isbn } });\n    res.json(book.title);\n  } catch (err) {\n    res.status(StatusCodes.INTERNAL_SERVER_ERROR).json({ message: 'Failed' });\n  }\n});",
      options: ON,
      at: 'status(«StatusCodes.INTERNAL_SERVER_ERROR»)',
      output: "import { StatusCodes } from 'http-status-codes';\napp.get('/books/:isbn', async (req, res) => {\n  try {\n    const book = await prisma.book.findUnique({ where: { isbn: req.params.isbn } });\n    if (!book) return res.status(StatusCodes.NOT_FOUND).json({ message: 'Book not found' });\n    res.json(book.title);\n  } catch (err) {\n    res.status(StatusCodes.INTERNAL_SERVER_ERROR).json({ message: 'Failed' });\n  }\n});",
    },
  ],
});

describe('no-server-error-for-bad-input: the line that causes the 500', () => {
  const relatedOf = (code: string): string[] => {
    const [finding] = analyze(code, 'case.js', { ...DEFAULT_OPTIONS, ...ON }).findings.filter((f) => f.ruleId === 'no-server-error-for-bad-input');
    assert.ok(finding, `expected a finding on:\n${code}`);
    return (finding.related ?? []).map((note) => ('range' in note ? `${code.slice(note.range.start, note.range.end)}: ${note.message}` : assert.fail('expected a place in this file')));
  };

  it('points at the unchecked use of a missing record', () => {
    assert.deepEqual(relatedOf(route('/posts/:slug', "    const post = await Post.findOne({ slug: req.params.slug });\n    const words = post.body.split(' ');\n    res.json(words);")), ['post.body: `post` may be null here']);
  });

  it('points at the finder that is handed a raw id, then at the unchecked use', () => {
    assert.deepEqual(relatedOf(route('/users/:id', '    const user = await User.findById(req.params.id);\n    res.json(user.profile);')), [
      'User.findById(req.params.id): A malformed id throws here',
      'user.profile: `user` may be null here',
    ]);
  });
});
