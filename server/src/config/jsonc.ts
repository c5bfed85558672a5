// A small parser for JSON with comments (`//`, `/* */`) and trailing commas, as VS Code's own
// settings files allow. Its own parser rather than JSON.parse: errors name a line and column.

export class JsoncError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`${message} at line ${line}, column ${column}`);
  }
}

export function parseJsonc(text: string): unknown {
  const reader = new Reader(text.replace(/^\uFEFF/, ''));
  const value = reader.value();
  reader.skipBlank();
  if (!reader.atEnd()) reader.fail('Unexpected text after the value');
  return value;
}

const LITERALS: Record<string, unknown> = { true: true, false: false, null: null };
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

class Reader {
  private index = 0;
  constructor(private readonly text: string) {}

  atEnd(): boolean {
    return this.index >= this.text.length;
  }

  fail(message: string): never {
    const before = this.text.slice(0, this.index);
    throw new JsoncError(message, before.split('\n').length, this.index - before.lastIndexOf('\n'));
  }

  skipBlank(): void {
    for (;;) {
      while (/\s/.test(this.text[this.index] ?? '')) this.index++;
      if (this.text.startsWith('//', this.index)) {
        const end = this.text.indexOf('\n', this.index);
        this.index = end === -1 ? this.text.length : end;
      } else if (this.text.startsWith('/*', this.index)) {
        const end = this.text.indexOf('*/', this.index + 2);
        if (end === -1) this.fail('Unterminated comment');
        this.index = end + 2;
      } else return;
    }
  }

  value(): unknown {
    this.skipBlank();
    const char = this.text[this.index];
    if (char === '{') return this.object();
    if (char === '[') return this.array();
    if (char === '"') return this.string();
    NUMBER.lastIndex = this.index;
    const number = NUMBER.exec(this.text);
    if (number) {
      this.index += number[0].length;
      return Number(number[0]);
    }
    const word = /^[a-z]+/.exec(this.text.slice(this.index, this.index + 6))?.[0] ?? '';
    if (word in LITERALS) {
      this.index += word.length;
      return LITERALS[word];
    }
    return this.fail(this.atEnd() ? 'Unexpected end of file' : `Unexpected ${JSON.stringify(char)}`);
  }

  private string(): string {
    const match = /"(?:[^"\\\n]|\\.)*"/y;
    match.lastIndex = this.index;
    const found = match.exec(this.text);
    if (!found) this.fail('Unterminated string');
    this.index += found[0].length;
    try {
      return JSON.parse(found[0]) as string;
    } catch {
      return this.fail('Invalid escape in string');
    }
  }

  /** Items up to `close`, separated by commas, a trailing comma allowed. */
  private list(close: string, item: () => void): void {
    this.index++;
    for (;;) {
      this.skipBlank();
      if (this.text[this.index] === close) {
        this.index++;
        return;
      }
      item();
      this.skipBlank();
      if (this.text[this.index] === ',') this.index++;
      else if (this.text[this.index] !== close) this.fail(`Expected "," or "${close}"`);
    }
  }

  private object(): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    this.list('}', () => {
      if (this.text[this.index] !== '"') this.fail('Expected a property name in double quotes');
      const key = this.string();
      this.skipBlank();
      if (this.text[this.index] !== ':') this.fail('Expected ":"');
      this.index++;
      result[key] = this.value();
    });
    return result;
  }

  private array(): unknown[] {
    const result: unknown[] = [];
    this.list(']', () => result.push(this.value()));
    return result;
  }
}
