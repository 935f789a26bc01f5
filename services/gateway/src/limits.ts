// What one GraphQL request may ask of the gateway, checked before any query plan or subgraph call:
// depth, aliases, directives and cost (graphql-armor's validation rules), tokens (graphql-js's
// parser, via Apollo's parseOptions), and, in production, no "Did you mean" suggestions naming
// fields a caller has not found. A refused request is 400 QUERY_LIMIT_EXCEEDED naming the limit.
import { ErrorCode } from '@cpss/domain';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type GraphQLFormattedError, type ParseOptions, type ValidationContext, type ValidationRule } from 'graphql';

export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  maxTokens: number;
  maxCost: number;
  /** Hide "Did you mean …?" in error messages (production). */
  blockFieldSuggestions: boolean;
}

/** The defaults of GRAPHQL_MAX_*: the UI's largest document has depth 6, 4 aliases, 7 directives, about 250 tokens and cost 3900. */
export const DEFAULT_QUERY_LIMITS: QueryLimits = {
  maxDepth: 10,
  maxAliases: 15,
  maxDirectives: 20,
  maxTokens: 2000,
  maxCost: 10_000,
  blockFieldSuggestions: false,
};

export const LIMIT_CODE = ErrorCode.QueryLimitExceeded;

const LIMIT_NAMES = ['depth', 'aliases', 'directives', 'cost', 'tokens'] as const;
type LimitName = (typeof LIMIT_NAMES)[number];

/** armor's callback: report the refusal on the validation context, with the limit named. */
function refuse(limit: LimitName, max: number) {
  return (ctx: ValidationContext | null, error: GraphQLError) => {
    ctx?.reportError(
      new GraphQLError(error.message.replace(/^Syntax Error: /, ''), {
        // Apollo rewrites the code to GRAPHQL_VALIDATION_FAILED; formatLimitError names it again.
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit, max },
      }),
    );
  };
}

export function queryLimits(limits: QueryLimits): {
  validationRules: ValidationRule[];
  plugins: ApolloServerPlugin[];
  parseOptions: ParseOptions;
} {
  const callbacks = (limit: LimitName, max: number) => ({ propagateOnRejection: false, onReject: [refuse(limit, max)], exposeLimits: true });
  const armor = new ApolloArmor({
    maxDepth: { n: limits.maxDepth, ...callbacks('depth', limits.maxDepth) },
    maxAliases: { n: limits.maxAliases, ...callbacks('aliases', limits.maxAliases) },
    maxDirectives: { n: limits.maxDirectives, ...callbacks('directives', limits.maxDirectives) },
    costLimit: { maxCost: limits.maxCost, ...callbacks('cost', limits.maxCost) },
    // armor's Apollo token check throws from parsingDidStart, which Apollo Server 5 answers with a
    // 500; graphql-js's own parser counts the same tokens and fails the parse cleanly (below; its message reads "more that N tokens").
    maxTokens: { enabled: false },
    // armor's Apollo mask leaves the sentence's "?" behind; hideSuggestions removes the whole one.
    blockFieldSuggestion: { enabled: false },
  }).protect();
  return {
    validationRules: armor.validationRules,
    plugins: [...armor.plugins, ...(limits.blockFieldSuggestions ? [hideSuggestions] : [])],
    parseOptions: { maxTokens: limits.maxTokens },
  };
}

/** Removes "Did you mean …?" from error messages, so a caller cannot map the schema by guessing. */
const hideSuggestions: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didEncounterErrors({ errors }) {
        for (const error of errors) error.message = error.message.replace(/\s*Did you mean [^?]*\?/g, '');
      },
    };
  },
};

/** A refusal by one of the limits gets the code QUERY_LIMIT_EXCEEDED (after the shared formatError). */
export function formatLimitError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const extensions = formatted.extensions ?? {};
  if (extensions['code'] === 'GRAPHQL_VALIDATION_FAILED' && (LIMIT_NAMES as readonly unknown[]).includes(extensions['limit'])) {
    return { ...formatted, extensions: { ...extensions, code: LIMIT_CODE } };
  }
  const tokens = extensions['code'] === 'GRAPHQL_PARSE_FAILED' && /more tha[nt] (\d+) tokens/.exec(formatted.message);
  if (tokens) {
    const max = Number(tokens[1]);
    return { message: `Token limit of ${max} exceeded.`, extensions: { code: LIMIT_CODE, limit: 'tokens', max } };
  }
  return formatted;
}
