// Reports a 201 Created without a Location header: the header is how a client finds the resource
// it just created without guessing the URL scheme. Experts differ on how strictly it is needed, so
// the rule is a hint by default.
import { createCalls, createdLocation, isActionPath, updatesWithoutCreating } from '../evidence/createdResource';
import { headerSource, lacksHeader } from '../evidence/responseHeaders';
import { addHeadersEdit } from '../edits/fixes';
import type { Rule } from '../rule';
import { shorten } from '../facts/shorten';
import type { Fix } from '../types';

export const createdNeedsLocation: Rule<'created-needs-location'> = {
  meta: {
    id: 'created-needs-location',
    defaultSeverity: 'hint',
    description: 'A 201 response without a Location header.',
    fixable: true,
    docs: {
      details:
        'A 201 tells the client that a resource now exists; a `Location` header tells it where. Without it, the ' +
        'client has to build the URL itself from the body. Opinions differ: RFC 9110 makes the header optional and ' +
        'the guide says "ideally", and many APIs only return the new record in the body. That is why this rule is a ' +
        'hint.\n\n' +
        'Not reported: a 201 from PUT or PATCH (the request URL already names the resource), or from a handler ' +
        'that updates a record and creates none (`db.users.update(…)`: an update, wherever the route is registered), bulk creates ' +
        '(`insertMany`, `createMany`, `bulkCreate`: there is no single URL), login, token and session routes, ' +
        'responses handed to other code that may set headers (`setHeaders(res)`) or prepared by a library that ' +
        'calls the handler from its options, headers set with a name held in a ' +
        'variable, statuses the file does not pin down, and a framework\'s default 201 (NestJS answers every POST ' +
        'with 201) where the handler creates nothing.\n\n' +
        'The fix adds `.set(\'Location\', …)` only where the code tells the URL: a route path such as `/users` and ' +
        'the id of the record in the body (`user.id`, `user._id`, `{ id }`). Handlers registered on a router get ' +
        '`req.baseUrl` in front, because the mount path is written elsewhere. Otherwise no fix is offered.',
      incorrect:
        "app.post('/books', async (req, res) => {\n  const book = await Book.create(req.body);\n  res.status(201).json(book);\n});",
      correct:
        "app.post('/books', async (req, res) => {\n  const book = await Book.create(req.body);\n  res.status(201).location(`/books/${book.id}`).json(book);\n});",
      options:
        'Teams that return new resources only in the body can turn the rule off: ' +
        '`"httpStatusGuide.rules": { "created-needs-location": "off" }`.',
    },
  },
  check(site, context) {
    if (site.status.code !== 201 || !lacksHeader(site, 'location')) return;
    const route = site.route;
    // PUT and PATCH create at the URL the client already used.
    if (route?.method === 'put' || route?.method === 'patch' || isActionPath(route?.path)) return;
    const creates = createCalls(site);
    if (creates.some((create) => create.bulk) || updatesWithoutCreating(site, creates)) return;
    // A framework's default 201 (every POST, in some) claims nothing: only a create in the handler makes it one.
    if (site.status.source === 'implicit' && creates.length === 0) return;
    const location = createdLocation(site, creates);
    const edit = location === undefined ? undefined : addHeadersEdit(site, [['Location', location]], context);
    const fixes: Fix[] = location && edit ? [{ title: `Add Location header (${shorten(location)})`, edits: [edit], isPreferred: true }] : [];
    context.report({
      range: site.status.range,
      message: '201 Created without a Location header: add one so clients can find the new resource without guessing its URL.' + headerSource(site, 'Location'),
      fixes,
    });
  },
};
