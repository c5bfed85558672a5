// Checks a project config against its JSON schema (the subset the generated schema uses: type,
// enum, minimum, items, uniqueItems, properties, additionalProperties), naming each bad key.

export interface Schema {
  type?: 'object' | 'array' | 'string' | 'number' | 'boolean';
  enum?: unknown[];
  minimum?: number;
  items?: Schema;
  uniqueItems?: boolean;
  properties?: Record<string, Schema>;
  additionalProperties?: boolean;
}

export interface ConfigProblem {
  /** The dotted key, e.g. `rules.no-such-rule` or `exclude[2]`. */
  key: string;
  message: string;
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'array' : typeof value;
}

export function problemsOf(value: unknown, schema: Schema, key = ''): ConfigProblem[] {
  const problem = (message: string): ConfigProblem[] => [{ key: key || '(root)', message }];
  if (schema.type && typeOf(value) !== schema.type) return problem(`must be ${schema.type === 'array' || schema.type === 'object' ? 'an' : 'a'} ${schema.type}, not ${typeOf(value)}`);
  if (schema.enum && !schema.enum.includes(value)) return problem(`must be one of ${schema.enum.map((item) => JSON.stringify(item)).join(', ')}`);
  if (typeof value === 'number' && schema.minimum !== undefined && value < schema.minimum) return problem(`must be at least ${schema.minimum}`);
  if (Array.isArray(value)) {
    if (schema.uniqueItems && new Set(value).size !== value.length) return problem('must not repeat an item');
    return schema.items ? value.flatMap((item, index) => problemsOf(item, schema.items!, `${key}[${index}]`)) : [];
  }
  if (typeOf(value) !== 'object') return [];
  const problems: ConfigProblem[] = [];
  for (const [name, item] of Object.entries(value as Record<string, unknown>)) {
    const child = key ? `${key}.${name}` : name;
    const property = schema.properties?.[name];
    if (property) problems.push(...problemsOf(item, property, child));
    else if (schema.additionalProperties === false) problems.push({ key: child, message: key === 'rules' ? 'is not a rule id' : 'is not a setting' });
  }
  return problems;
}
