// Input handling every subgraph shares: validation whose field paths start with the argument's name
// (`input.allegations.0.principle`; type-graphql's own reports omit it), and the upload input type.
import { IsNotEmpty, MaxLength, validate, type ValidationError } from 'class-validator';
import { GraphQLError } from 'graphql';
import { Field, InputType } from 'type-graphql';
import { badInput, type FieldProblem } from './errors';

function flatten(errors: ValidationError[], prefix: string): FieldProblem[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((reason) => ({ field, reason }));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

const NUL_REASON = 'must not contain a NUL character (\\u0000)';

/** The paths of strings in `value` holding a NUL character, which PostgreSQL text cannot store. */
export function nulCharacterProblems(name: string, value: unknown): FieldProblem[] {
  if (typeof value === 'string') return value.includes('\u0000') ? [{ field: name, reason: NUL_REASON }] : [];
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, v]) => {
    const path = name ? `${name}.${key}` : key;
    return key.includes('\u0000') ? [{ field: path, reason: NUL_REASON }] : nulCharacterProblems(path, v);
  });
}

/** Validates an input object (class instance) and throws BAD_USER_INPUT listing every problem, with `extra` ones. */
export async function validateInput(name: string, value: object, extra: FieldProblem[] = []): Promise<void> {
  // Missing or null properties are GraphQL's to refuse (non-null) or allowed (nullable), as type-graphql does.
  const validation = flatten(await validate(value, { forbidUnknownValues: false, skipMissingProperties: true }), name);
  const problems = [...validation, ...nulCharacterProblems(name, value), ...extra];
  if (problems.length) throw badInput(problems);
}

/**
 * For `@Arg(name, { validateFn: validatedInside })`: the resolver calls validateInput itself, with
 * problems of its own, so that one answer lists every field at once.
 */
export const validatedInside = (): void => undefined;

/** Rewrites BAD_USER_INPUT field paths `x` as `${prefix}.x`; any other error passes unchanged. */
export async function withFieldPrefix<T>(prefix: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof GraphQLError && err.extensions?.['code'] === 'BAD_USER_INPUT' && Array.isArray(err.extensions['fields'])) {
      throw badInput((err.extensions['fields'] as FieldProblem[]).map((f) => ({ ...f, field: `${prefix}.${f.field}` })));
    }
    throw err;
  }
}

@InputType({ description: 'A file sent base64-encoded inside the mutation' })
export class DocumentUploadInput {
  @Field()
  @IsNotEmpty()
  @MaxLength(200)
  fileName: string;

  @Field()
  @MaxLength(200)
  contentType: string;

  @Field({ description: 'The file, base64-encoded' })
  contentBase64: string;
}
