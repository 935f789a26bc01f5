// Input validation with the argument's name in every field path (`input.allegations.0.principle`):
// type-graphql's own validation reports paths without it, so ethics arguments are validated here.
import { badInput, type FieldProblem } from '@cpss/server-kit';
import { validate, type ValidationError } from 'class-validator';
import { GraphQLError } from 'graphql';

function flatten(errors: ValidationError[], prefix: string): FieldProblem[] {
  return errors.flatMap((e) => {
    const field = `${prefix}.${e.property}`;
    const own = Object.values(e.constraints ?? {}).map((reason) => ({ field, reason }));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/** Validates an input object (class instance) and throws BAD_USER_INPUT listing every problem. */
export async function validateInput(name: string, value: object, extra: FieldProblem[] = []): Promise<void> {
  const problems = [...flatten(await validate(value, { forbidUnknownValues: false }), name), ...extra];
  if (problems.length) throw badInput(problems);
}

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
