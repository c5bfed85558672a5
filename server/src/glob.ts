// A small glob matcher for include/exclude settings: `**`, `*`, `?`, `{a,b}`.
// Patterns without a slash match a file name anywhere, as in .gitignore.

/** `anchored`: the pattern matches from the start of the path (a .gitignore line with a slash). */
export function globToRegExp(glob: string, anchored = false): RegExp {
  const pattern = glob.includes('/') ? glob : `**/${glob}`;
  let source = '';
  for (let index = 0; index < pattern.length; index++) {
    const char = pattern[index];
    if (char === '*' && pattern[index + 1] === '*') {
      const slash = pattern[index + 2] === '/';
      source += slash ? '(?:.*/)?' : '.*';
      index += slash ? 2 : 1;
    } else if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else if (char === '{') source += '(?:';
    else if (char === '}') source += ')';
    else if (char === ',') source += '|';
    else source += char.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  // Matched against a whole path, anchored at a path segment.
  return new RegExp(`${anchored ? '^' : '(?:^|/)'}${source.replace(/^\(\?:\.\*\/\)\?/, '(?:.*/)?')}$`);
}
