// The person view's building blocks: a titled card and a list of facts.
import { Card, Title } from '@mantine/core';
import type { ReactNode } from 'react';

export function Section({ title, testId, children }: { title: string; testId: string; children: ReactNode }) {
  return (
    <Card withBorder padding="md" component="section" aria-label={title} data-testid={testId}>
      <Title order={2} size="h4" mb="xs">
        {title}
      </Title>
      {children}
    </Card>
  );
}

export function Facts({ rows, testId }: { rows: readonly (readonly [string, string])[]; testId?: string }) {
  return (
    <dl className="facts" data-testid={testId}>
      {rows.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
