import type { z } from 'astro/zod';
import { describeValue, type Problem } from './problems.ts';
import type { YamlSource } from './yaml-source.ts';

/** Field path as editors read it: distribution[2].label. */
export function fieldName(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (name, key) => (typeof key === 'number' ? `${name}[${key}]` : name ? `${name}.${String(key)}` : String(key)),
    '',
  );
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>(
    (value, key) => (value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined),
    data,
  );
}

/** Validates parsed YAML against a schema; every failing field becomes a problem with its line. */
export function validateYaml<T extends z.ZodType>(
  schema: T,
  source: YamlSource,
  file: string,
  what: string,
): { data: z.output<T> | undefined; problems: Problem[] } {
  const result = schema.safeParse(source.data ?? {});
  if (result.success) return { data: result.data, problems: [] };
  const problems = result.error.issues.flatMap((issue): Problem[] => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => {
        const path = [...issue.path, key];
        return {
          file,
          line: source.lineOf(path),
          field: fieldName(path),
          expected: `only the known fields of ${what}`,
          found: `an unknown field "${key}"`,
          fix: 'remove the field or correct its spelling (the README lists every field)',
        };
      });
    }
    const found = valueAt(source.data, issue.path);
    return [
      {
        file,
        line: source.lineOf(issue.path),
        field: fieldName(issue.path) || what,
        expected: issue.message.replace(/^Invalid input: /, '').replace(/^expected /, ''),
        found: describeValue(found),
        fix: found === undefined ? `add the field "${fieldName(issue.path)}"` : `correct the value of "${fieldName(issue.path)}"`,
      },
    ];
  });
  return { data: undefined, problems };
}
