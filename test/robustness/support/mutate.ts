// Seeded mutations of source text: the edits a person makes halfway through typing (deleted,
// doubled or swapped tokens, a file cut short) plus garbage no person types (NUL, lone surrogates).
import type { Random } from './random';

const TOKEN = /\s+|[A-Za-z_$][\w$]*|\d+(?:\.\d+)?|'(?:[^'\\\n]|\\.)*'?|"(?:[^"\\\n]|\\.)*"?|`(?:[^`\\]|\\.)*`?|\/\/[^\n]*|\/\*[\s\S]*?\*\/|=>|===|!==|\?\.|&&|\|\||[\s\S]/g;

interface Token {
  start: number;
  end: number;
}

function tokensOf(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(TOKEN)) {
    if (!/^\s+$/.test(match[0])) tokens.push({ start: match.index, end: match.index + match[0].length });
  }
  return tokens;
}

/** Fragments that steer the parser into odd corners: unclosed brackets, stray quotes, JSX, odd code units. */
const GARBAGE = [
  '(', ')', '{', '}', '[', ']', ';', ',', '.', '=>', '?.', "'", '"', '`', '${', '/*', '*/', '//', '<div>', '</', '@',
  'res', 'req', 'res.status(', '.json(', '.send(', 'return', 'await', 'async', 'catch', 'throw', 'new', 'class', 'if (', 'else',
  '200', '201', '204', '302', '400', '401', '404', '418', '500', '999', '0', '-1', '1e400', '0x1F4', '2_00', 'NaN',
  '\0', '\uD800', '\uDC00', '😀', '\u2028', '\uFEFF', '\r', '\r\n', '\t', '\\', '\u00A0',
  '// http-status-disable-next-line', '/* http-status-disable */', '// http-status-disable-line no-such-rule',
];

const STATUS_NUMBERS = ['100', '200', '201', '202', '204', '301', '302', '303', '307', '308', '400', '401', '403', '404', '409', '422', '429', '500', '502', '503', '504', '599', '600', '99', '1000'];

type Mutation = (text: string, random: Random, donor: string) => string;

const splice = (text: string, start: number, end: number, insert: string): string => text.slice(0, start) + insert + text.slice(end);

const MUTATIONS: Record<string, Mutation> = {
  deleteToken(text, random) {
    const tokens = tokensOf(text);
    if (tokens.length === 0) return text;
    const token = random.pick(tokens);
    return splice(text, token.start, token.end, '');
  },
  duplicateToken(text, random) {
    const tokens = tokensOf(text);
    if (tokens.length === 0) return text;
    const token = random.pick(tokens);
    return splice(text, token.end, token.end, text.slice(token.start, token.end));
  },
  swapTokens(text, random) {
    const tokens = tokensOf(text);
    if (tokens.length < 2) return text;
    const [a, b] = [random.pick(tokens), random.pick(tokens)].sort((x, y) => x.start - y.start);
    if (a.end > b.start) return text;
    return text.slice(0, a.start) + text.slice(b.start, b.end) + text.slice(a.end, b.start) + text.slice(a.start, a.end) + text.slice(b.end);
  },
  truncate(text, random) {
    return text.slice(0, random.int(text.length + 1));
  },
  insertGarbage(text, random) {
    const at = random.int(text.length + 1);
    return splice(text, at, at, random.pick(GARBAGE));
  },
  changeStatus(text, random) {
    const numbers = [...text.matchAll(/\b\d{3}\b/g)];
    if (numbers.length === 0) return text;
    const target = random.pick(numbers);
    return splice(text, target.index, target.index + target[0].length, random.pick(STATUS_NUMBERS));
  },
  /** A piece of another corpus text, so constructs meet that never meet in one fixture. */
  transplant(text, random, donor) {
    const start = random.int(donor.length + 1);
    const piece = donor.slice(start, start + 1 + random.int(120));
    const at = random.int(text.length + 1);
    return splice(text, at, at, piece);
  },
};

const MUTATION_NAMES = Object.keys(MUTATIONS);

/** One to four mutations in a row; returns the text and the names applied, for the failure message. */
export function mutate(text: string, random: Random, donor: string): { text: string; applied: string[] } {
  const applied: string[] = [];
  let current = text;
  for (let count = 1 + random.int(4); count > 0; count--) {
    const name = random.pick(MUTATION_NAMES);
    current = MUTATIONS[name](current, random, donor);
    applied.push(name);
  }
  return { text: current, applied };
}
