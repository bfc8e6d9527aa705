import yaml from 'js-yaml';
import { z } from 'astro/zod';
import { CatalogError, catalogErrorFromZod } from './errors.ts';
import { tableSchema, type TableData } from './schema.ts';
import { TABLE_SLUGS, type TableSlug } from './vocabulary.ts';

/** The table slug a file name stands for, or a CatalogError for an unknown one. */
export function tableSlugOf(file: string): TableSlug {
  const slug = file.replace(/^.*\//, '').replace(/\.ya?ml$/, '');
  if (!(TABLE_SLUGS as readonly string[]).includes(slug)) {
    throw new CatalogError(file, [
      `unknown table slug "${slug}"; the file name must be one of ${TABLE_SLUGS.map((s) => `${s}.yaml`).join(', ')}`,
    ]);
  }
  return slug as TableSlug;
}

/** Parses YAML text, reporting a syntax error with its line in the file, or an empty file. */
export function parseYaml(file: string, text: string): unknown {
  let data: unknown;
  try {
    data = yaml.load(text, { filename: file });
  } catch (error) {
    const reason = error instanceof yaml.YAMLException ? error.message : String(error);
    throw new CatalogError(file, [`not valid YAML: ${reason}`]);
  }
  // An empty file (or one with only comments) loads as undefined or null.
  if (data === undefined || data === null) {
    throw new CatalogError(file, [
      'the file is empty: it has no data, only blank lines or comments',
    ]);
  }
  return data;
}

/** Validates already-parsed data against a schema, with plain-words errors. */
export function validate<S extends z.ZodType>(
  file: string,
  schema: S,
  input: unknown,
): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw catalogErrorFromZod(file, result.error, input);
  return result.data;
}

/** Reads one table file: its slug from the file name, its content checked by the schema. */
export function parseTableFile(file: string, text: string): { slug: TableSlug; data: TableData } {
  const slug = tableSlugOf(file);
  return { slug, data: validate(file, tableSchema, parseYaml(file, text)) };
}
