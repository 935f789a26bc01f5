// type-graphql classes -> an Apollo Federation 2 subgraph schema (STACK.md: build with skipCheck,
// print with directives, link the federation spec, merge reference resolvers, buildSubgraphSchema).
import { buildSubgraphSchema } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { getNamedType, isInputObjectType, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import gql from 'graphql-tag';
import { buildSchema, createResolversMap, registerEnumType, type BuildSchemaOptions, type ContainerType } from 'type-graphql';
import { authChecker } from './auth';
import type { RequestContext } from './context';
import { badInput, unauthenticated } from './errors';
import { nulCharacterProblems, validateInput } from './input';

const FEDERATION_LINK = `extend schema
  @link(
    url: "https://specs.apollo.dev/federation/v2.7"
    import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible", "@override", "@tag"]
  )`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type ReferenceResolver = (reference: any, context: RequestContext, info: unknown) => unknown;

export interface FederatedSchemaOptions {
  resolvers: BuildSchemaOptions['resolvers'];
  orphanedTypes?: BuildSchemaOptions['orphanedTypes'];
  /** `__resolveReference` per entity type name. */
  referenceResolvers?: Record<string, ReferenceResolver>;
  /** Entities whose references may be resolved without a token (public registry entries, later). */
  publicEntities?: string[];
  /** Supplies resolver instances (with their services); omitted when only printing the SDL. */
  container?: ContainerType;
}

export interface FederatedSchema {
  schema: GraphQLSchema;
  /** The subgraph SDL as committed in schema.graphql. */
  sdl: string;
}

/**
 * The argument an input object came in: the one whose GraphQL type is named after its class (our
 * input classes keep their class names). None for an @ArgsType class, whose properties are arguments.
 */
function argumentName(info: GraphQLResolveInfo, typeName: string | undefined): string | null {
  const args = info.parentType.getFields()[info.fieldName]?.args ?? [];
  return args.find((a) => isInputObjectType(getNamedType(a.type)) && getNamedType(a.type).name === typeName)?.name ?? null;
}

async function validateArgument(value: unknown, typeName: string | undefined, info: GraphQLResolveInfo, args: Record<string, unknown>): Promise<void> {
  if (typeof value === 'string') {
    // A plain String or ID argument: only the NUL character PostgreSQL cannot store is refused here.
    const name = Object.keys(args).find((k) => args[k] === value) ?? info.fieldName;
    const problems = nulCharacterProblems(name, value);
    if (problems.length) throw badInput(problems);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  // @Args() classes spread over several arguments: their properties are the argument names.
  const name = argumentName(info, typeName);
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) if (item && typeof item === 'object') await validateInput(`${name ?? ''}.${i}`.replace(/^\./, ''), item);
    return;
  }
  await validateInput(name ?? '', value);
}

export async function buildFederatedSchema(options: FederatedSchemaOptions): Promise<FederatedSchema> {
  const typeGraphqlSchema = await buildSchema({
    resolvers: options.resolvers,
    orphanedTypes: options.orphanedTypes,
    authChecker,
    // class-validator, with field paths that start at the argument (`input.domains.0.concepts`), so
    // a client can put the reason next to the field it sent; type-graphql's own reports omit it.
    validateFn: (value, type, { info, args }) => validateArgument(value, typeof type === 'function' ? type.name : undefined, info, args as Record<string, unknown>),
    skipCheck: true,
    container: options.container,
  });
  const sdl = `${FEDERATION_LINK}\n\n${printSchemaWithDirectives(typeGraphqlSchema)}\n`;
  const resolvers = createResolversMap(typeGraphqlSchema) as Record<string, Record<string, unknown>>;
  for (const [typeName, resolve] of Object.entries(options.referenceResolvers ?? {})) {
    const open = options.publicEntities?.includes(typeName) ?? false;
    // A reference is another way into an entity: without a token it is refused like any field.
    const guarded: ReferenceResolver = (ref, ctx, info) => {
      if (!open && !ctx.principal) throw unauthenticated();
      return resolve(ref, ctx, info);
    };
    resolvers[typeName] = { ...(resolvers[typeName] ?? {}), __resolveReference: guarded };
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const schema = buildSubgraphSchema([{ typeDefs: gql(sdl), resolvers: resolvers as any }]);
  return { schema, sdl };
}

/** A type-graphql container from ready-made resolver instances. */
export function containerOf(instances: object[]): ContainerType {
  const byClass = new Map<unknown, object>(instances.map((i) => [i.constructor, i]));
  return {
    get(someClass: unknown) {
      const found = byClass.get(someClass);
      if (!found) throw new Error(`no instance registered for ${(someClass as { name?: string }).name}`);
      return found;
    },
  };
}

/**
 * A GraphQL enum whose names are the stored values (CORE_PSS), from a domain constant object
 * whose keys are TypeScript-style (CorePss).
 */
export function graphqlEnum<T extends Record<string, string>>(values: T, name: string, description?: string): { [K in T[keyof T]]: K } {
  const byValue = Object.fromEntries(Object.values(values).map((v) => [v, v])) as { [K in T[keyof T]]: K };
  registerEnumType(byValue, { name, description });
  return byValue;
}
