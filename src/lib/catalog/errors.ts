import type { z } from 'astro/zod';

/** A problem in a data file, worded for the person who edits that file. */
export class CatalogError extends Error {
  override name = 'CatalogError';
  /** The data file, relative to the project, e.g. `content/tables/logic.yaml`. */
  readonly file: string;
  /** One plain sentence per problem. */
  readonly problems: readonly string[];

  constructor(file: string, problems: readonly string[]) {
    super(`${file}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.file = file;
    this.problems = problems;
  }
}

// What a field should hold, in the words of someone editing YAML.
const EXPECTED: Record<string, string> = {
  number: 'a number',
  int: 'a whole number',
  string: 'text',
  array: 'a list',
  object: 'a mapping',
  boolean: 'true or false',
};

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the text ${JSON.stringify(value)}`;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return `${typeof value} ${String(value)}`;
  }
  return typeof value;
}

/** Where an issue is, in words: `row 5 (code -101), field "action"`. */
function locate(path: readonly PropertyKey[], input: unknown): string {
  const parts: string[] = [];
  let node: unknown = input;
  for (let i = 0; i < path.length; i++) {
    const key = path[i];
    const next = (node as Record<PropertyKey, unknown> | undefined)?.[key as PropertyKey];
    if (typeof key === 'number' && (path[i - 1] === 'rows' || path[i - 1] === 'ranges')) {
      const code = (next as { code?: unknown } | undefined)?.code;
      const noun = path[i - 1] === 'rows' ? 'row' : 'range';
      parts.pop();
      parts.push(
        typeof code === 'number' ? `${noun} ${key + 1} (code ${code})` : `${noun} ${key + 1}`,
      );
    } else if (typeof key === 'number') {
      parts.push(`item ${key + 1}`);
    } else {
      parts.push(`field "${String(key)}"`);
    }
    node = next;
  }
  return parts.length ? parts.join(', ') : 'the file';
}

/** What is wrong with a value that is too small or too large, in plain words. */
function sizeProblem(
  issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig,
  value: unknown,
): string {
  const small = issue.code === 'too_small';
  const limit = Number(small ? issue.minimum : issue.maximum);
  if (issue.origin === 'int' || issue.origin === 'number') {
    // The only number limits in the schemas are those of a safe integer.
    return `${String(value)} is too ${small ? 'small' : 'large'} to be an exact code; a code must be a whole number from ${-Number.MAX_SAFE_INTEGER} to ${Number.MAX_SAFE_INTEGER}`;
  }
  if (issue.origin === 'string') {
    if (small && limit <= 1) return 'must not be empty';
    const length = typeof value === 'string' ? value.length : 0;
    return small
      ? `too short: ${length} characters, at least ${limit}`
      : `too long: ${length.toLocaleString('en')} characters, at most ${limit.toLocaleString('en')}`;
  }
  if (small && limit <= 1) return 'must not be empty';
  return `must have ${small ? 'at least' : 'at most'} ${limit} entries`;
}

function explain(issue: z.core.$ZodIssue, input: unknown): string {
  const where = locate(issue.path, input);
  const value = issue.path.reduce<unknown>(
    (node, key) => (node as Record<PropertyKey, unknown> | undefined)?.[key],
    input,
  );
  if (value === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_value')) {
    return `${where}: missing`;
  }
  switch (issue.code) {
    case 'invalid_type':
      return `${where}: expected ${EXPECTED[issue.expected] ?? issue.expected}, found ${describeValue(value)}`;
    case 'invalid_value':
      return `${where}: unknown value ${JSON.stringify(value)}; expected one of ${issue.values
        .map((v) => JSON.stringify(v))
        .join(', ')}`;
    case 'unrecognized_keys':
      return `${where}: unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys
        .map((k) => `"${k}"`)
        .join(', ')}`;
    case 'too_small':
    case 'too_big':
      // A schema's own words for its limit win over the generic ones.
      return /^Too (?:big|small):/.test(issue.message)
        ? `${where}: ${sizeProblem(issue, value)}`
        : `${where}: ${issue.message}`;
    default:
      return `${where}: ${issue.message}`;
  }
}

/** Turns a zod error into a CatalogError naming the file, the row and the field. */
export function catalogErrorFromZod(file: string, error: z.ZodError, input: unknown): CatalogError {
  return new CatalogError(
    file,
    error.issues.map((issue) => explain(issue, input)),
  );
}
