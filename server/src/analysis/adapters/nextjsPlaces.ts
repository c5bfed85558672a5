// Next.js routes by file place: an App Router route file (`app/api/users/[id]/route.ts`, also
// under `src/`) and a Pages API route (`pages/api/users/[id].ts`). Paths are written the way
// Express writes them, `/api/users/:id`, so rules that read a route's last segment or skip its
// parameters read both frameworks alike; a catch-all `[...slug]` or `[[...slug]]` is `:slug*`.

const APP_ROUTE = /(?:^|\/)app((?:\/[^/]+)*)\/route\.[cm]?[jt]sx?$/;
const PAGES_API = /(?:^|\/)pages(\/api(?:\/[^/]+)*?)(?:\/index)?\.[cm]?[jt]sx?$/;

function normalised(fileName: string): string {
  return fileName.replace(/\\/g, '/');
}

/** `(group)` and `@slot` folders do not appear in the URL; `[id]` is a parameter. */
function urlPath(folders: string): string {
  const segments = folders
    .split('/')
    .filter((segment) => segment !== '' && !/^\(.*\)$/.test(segment) && !segment.startsWith('@'))
    .map((segment) => segment.replace(/^\[\[?\.\.\.([^\]]+)\]\]?$/, ':$1*').replace(/^\[([^\]]+)\]$/, ':$1'));
  return `/${segments.join('/')}`;
}

/** The URL path of an App Router route file, or undefined for any other file. */
export function appRoutePath(fileName: string): string | undefined {
  const match = APP_ROUTE.exec(normalised(fileName));
  return match ? urlPath(match[1]) : undefined;
}

/** The URL path of a Pages API route, or undefined for any other file. */
export function pagesApiPath(fileName: string): string | undefined {
  const match = PAGES_API.exec(normalised(fileName));
  return match ? urlPath(match[1]) : undefined;
}

/** Does the file's place say it answers requests the Next.js way? */
export function isNextPlace(fileName: string): boolean {
  return appRoutePath(fileName) !== undefined || pagesApiPath(fileName) !== undefined;
}
