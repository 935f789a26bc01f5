// How a refused mutation reads on the applicant's screens: field reasons go next to their fields
// (`reasonsFor`), FAILED_PRECONDITION lists each unmet rule, CONFLICT says someone else changed the
// application and offers a reload, anything else shows the request id to quote.
import { Alert, Button, List, Text } from '@mantine/core';
import type { CombinedError } from 'urql';
import { ErrorAlert } from '../../components/Status';
import { errorCode, errorMessages, fieldProblems, type FieldProblem } from '../../graphql';
import { BAD, ATTENTION } from './ui';

export interface UnmetRule {
  rule: string;
  reason: string;
}

/** FAILED_PRECONDITION's unmet rules, as the API lists them in `extensions.unmet`. */
export function unmetRules(error: CombinedError | undefined): UnmetRule[] {
  const rules: UnmetRule[] = [];
  for (const e of error?.graphQLErrors ?? []) {
    if (e.extensions?.['code'] !== 'FAILED_PRECONDITION') continue;
    const unmet = e.extensions['unmet'];
    if (!Array.isArray(unmet)) continue;
    for (const u of unmet as unknown[]) {
      if (typeof u !== 'object' || u === null) continue;
      const { rule, reason } = u as Record<string, unknown>;
      if (typeof rule === 'string' && typeof reason === 'string') rules.push({ rule, reason });
    }
  }
  return rules;
}

const matches = (p: FieldProblem, field: string) => p.field === field || p.field.startsWith(`${field}.`);

/** The reasons for a field (and its sub-fields), joined for a Mantine `error` prop; undefined when none. */
export function reasonsFor(problems: readonly FieldProblem[], ...fields: string[]): string | undefined {
  const reasons = problems.filter((p) => fields.some((f) => matches(p, f))).map((p) => p.reason);
  return reasons.length ? [...new Set(reasons)].join('; ') : undefined;
}

/** The non-field part of a refused mutation; `placed` are the fields shown next to their inputs. */
export function RefusalAlert({
  error,
  title,
  placed = [],
  onReload,
  testId,
}: {
  error: CombinedError | undefined;
  title: string;
  placed?: readonly string[];
  onReload?: () => void;
  testId?: string;
}) {
  if (!error) return null;
  const code = errorCode(error);
  if (code === 'CONFLICT') {
    return (
      <Alert color={ATTENTION} title={title} role="alert" data-testid={testId}>
        <Text size="sm">Someone else changed this application since you opened it (another tab or program staff); reload to see the change, then try again.</Text>
        {onReload && (
          <Button mt="xs" variant="default" size="xs" onClick={onReload}>
            Reload
          </Button>
        )}
      </Alert>
    );
  }
  if (code === 'FAILED_PRECONDITION') {
    const unmet = unmetRules(error);
    return (
      <Alert color={BAD} title={title} role="alert" data-testid={testId}>
        <Text size="sm">{errorMessages(error).join(' ')}</Text>
        {unmet.length > 0 && (
          <List size="sm" data-testid={testId ? `${testId}-unmet` : undefined}>
            {unmet.map((u) => (
              <List.Item key={`${u.rule}:${u.reason}`}>{u.reason}</List.Item>
            ))}
          </List>
        )}
      </Alert>
    );
  }
  if (code === 'BAD_USER_INPUT') {
    const problems = fieldProblems(error);
    const rest = problems.filter((p) => !placed.some((f) => matches(p, f)));
    if (problems.length === 0) return <ErrorAlert error={error} title={title} />;
    return (
      <Alert color={BAD} title={title} role="alert" data-testid={testId}>
        <Text size="sm">Please correct the fields marked.</Text>
        {rest.length > 0 && (
          <List size="sm">
            {rest.map((p) => (
              <List.Item key={`${p.field}:${p.reason}`}>
                {p.field}: {p.reason}
              </List.Item>
            ))}
          </List>
        )}
      </Alert>
    );
  }
  return (
    <div data-testid={testId}>
      <ErrorAlert error={error} title={title} />
    </div>
  );
}
