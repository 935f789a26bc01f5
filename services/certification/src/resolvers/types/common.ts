// Inputs shared by several mutations, and the helper that puts `input.` in front of field paths
// reported by server-kit helpers that do not know the argument's name.
import { GraphQLError } from 'graphql';
import { IsNotEmpty, MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';

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

/** Rewrites BAD_USER_INPUT field paths `x` as `${prefix}.x`; any other error passes unchanged. */
export async function withFieldPrefix<T>(prefix: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof GraphQLError && err.extensions?.['code'] === 'BAD_USER_INPUT' && Array.isArray(err.extensions['fields'])) {
      const fields = (err.extensions['fields'] as { field: string; reason: string }[]).map((f) => ({ ...f, field: `${prefix}.${f.field}` }));
      throw new GraphQLError(`Invalid input: ${fields.map((f) => `${f.field} ${f.reason}`).join('; ')}`, { extensions: { ...err.extensions, fields } });
    }
    throw err;
  }
}
