/**
 * Where a notebook's cell sources stand in its JSON text. An editor that opens an `.ipynb` file as text holds the
 * JSON, while the core reads each markdown cell's joined `source`: this finds the string literals a cell's source
 * is made of, and where each of their characters is written (escapes included), so places map both ways.
 */

/** A string literal of the JSON text: the offset of its opening quote and the text it stands for. */
export interface JsonStringLiteral {
  readonly quote: number;
  readonly value: string;
  /** `offsets[i]`: the offset in the JSON text where `value[i]` is written; `offsets[value.length]`: the closing quote. */
  readonly offsets: readonly number[];
}

type JsonNode =
  | { readonly kind: 'object'; readonly entries: ReadonlyMap<string, JsonNode> }
  | { readonly kind: 'array'; readonly items: readonly JsonNode[] }
  | { readonly kind: 'string'; readonly quote: number }
  | { readonly kind: 'scalar' };

/**
 * For each cell of the notebook (by its index), the string literals its `source` joins (a string or an array of
 * strings), or undefined for a cell without one. Empty when the text is not a notebook's JSON.
 */
export function cellSourceLiterals(text: string): (readonly JsonStringLiteral[] | undefined)[] {
  let root: JsonNode;
  try {
    root = new JsonScanner(text).document();
  } catch {
    return [];
  }
  const cells = root.kind === 'object' ? root.entries.get('cells') : undefined;
  if (cells?.kind !== 'array') return [];
  return cells.items.map((cell) => {
    const source = cell.kind === 'object' ? cell.entries.get('source') : undefined;
    if (source?.kind === 'string') return [decodeLiteral(text, source.quote)];
    if (source?.kind === 'array' && source.items.every((item) => item.kind === 'string')) {
      return source.items.map((item) => decodeLiteral(text, (item as { quote: number }).quote));
    }
    return undefined;
  });
}

const ESCAPES: Readonly<Record<string, string>> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/** The string literal whose opening quote is at `quote`, decoded, with where each character is written. */
export function decodeLiteral(text: string, quote: number): JsonStringLiteral {
  let value = '';
  const offsets: number[] = [];
  let i = quote + 1;
  while (i < text.length && text[i] !== '"') {
    offsets.push(i);
    if (text[i] !== '\\') {
      value += text[i++];
    } else if (text[i + 1] === 'u') {
      value += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
      i += 6;
    } else {
      value += ESCAPES[text[i + 1]] ?? text[i + 1];
      i += 2;
    }
  }
  offsets.push(i);
  return { quote, value, offsets };
}

/** Reads JSON just far enough to know its structure; string literals are kept as places, decoded when asked. */
class JsonScanner {
  private at = 0;

  constructor(private readonly text: string) {
    if (text.startsWith('\uFEFF')) this.at = 1;
  }

  document(): JsonNode {
    const node = this.value();
    this.space();
    if (this.at !== this.text.length) throw new Error('text after the JSON value');
    return node;
  }

  private value(): JsonNode {
    this.space();
    const c = this.text[this.at];
    if (c === '{') return this.object();
    if (c === '[') return this.array();
    if (c === '"') return { kind: 'string', quote: this.string() };
    const scalar = /^(?:-?\d[\d.eE+-]*|true|false|null)/.exec(this.text.slice(this.at, this.at + 64));
    if (!scalar) throw new Error(`unexpected ${c ?? 'end'} at ${this.at}`);
    this.at += scalar[0].length;
    return { kind: 'scalar' };
  }

  private object(): JsonNode {
    const entries = new Map<string, JsonNode>();
    this.at++;
    if (this.next() === '}') {
      this.at++;
      return { kind: 'object', entries };
    }
    for (;;) {
      if (this.next() !== '"') throw new Error(`expected a key at ${this.at}`);
      const key = decodeLiteral(this.text, this.string()).value;
      if (this.next() !== ':') throw new Error(`expected : at ${this.at}`);
      this.at++;
      entries.set(key, this.value());
      if (this.separator('}')) return { kind: 'object', entries };
    }
  }

  private array(): JsonNode {
    const items: JsonNode[] = [];
    this.at++;
    if (this.next() === ']') {
      this.at++;
      return { kind: 'array', items };
    }
    for (;;) {
      items.push(this.value());
      if (this.separator(']')) return { kind: 'array', items };
    }
  }

  /** After an item: true at the closing bracket (consumed), false after a comma. */
  private separator(close: string): boolean {
    const c = this.next();
    this.at++;
    if (c === close) return true;
    if (c !== ',') throw new Error(`expected , or ${close} at ${this.at - 1}`);
    return false;
  }

  /** Skips a string literal; returns the offset of its opening quote. */
  private string(): number {
    const quote = this.at++;
    while (this.at < this.text.length && this.text[this.at] !== '"') this.at += this.text[this.at] === '\\' ? 2 : 1;
    if (this.at >= this.text.length) throw new Error('unclosed string');
    this.at++;
    return quote;
  }

  /** The next character that is not white space. */
  private next(): string | undefined {
    this.space();
    return this.text[this.at];
  }

  private space(): void {
    while (this.at < this.text.length && /\s/.test(this.text[this.at])) this.at++;
  }
}
