// The eligibility checklist as the applicant reads it: each rule, met or not (in words, not only
// colour), and why. The API judges the saved application, so it reflects the last save.
import { Badge, Table, Text } from '@mantine/core';
import { ELIGIBILITY_RULE_LABELS, label } from '../../labels';
import { GOOD, BAD, MUTED } from './ui';

export interface ChecklistLine {
  rule: string;
  met: boolean;
  required: boolean;
  why: string;
}

export function EligibilityChecklist({ lines, eligible }: { lines: readonly ChecklistLine[]; eligible: boolean }) {
  const missing = lines.filter((l) => l.required && !l.met);
  return (
    <div data-testid="applicant-checklist">
      <Text size="sm" mb="xs" role="status" data-testid="applicant-eligible">
        {eligible ? (
          <Badge color={GOOD} variant="light">Every required rule is met</Badge>
        ) : (
          <Badge color={BAD} variant="light">{`${missing.length} required ${missing.length === 1 ? 'rule' : 'rules'} not met yet`}</Badge>
        )}
      </Text>
      <Table.ScrollContainer minWidth={480}>
        <Table striped withTableBorder aria-label="Eligibility checklist">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Rule</Table.Th>
              <Table.Th scope="col">Met</Table.Th>
              <Table.Th scope="col">Why</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lines.map((c) => (
              <Table.Tr key={c.rule} data-testid="applicant-checklist-row" data-rule={c.rule} data-met={c.met ? 'yes' : 'no'}>
                <Table.Th scope="row">
                  {label(ELIGIBILITY_RULE_LABELS, c.rule)}
                  {!c.required && (
                    <Text size="xs" c={MUTED}>
                      Designation only
                    </Text>
                  )}
                </Table.Th>
                <Table.Td>
                  <Badge color={c.met ? GOOD : BAD} variant="light" data-testid="applicant-checklist-met">
                    {c.met ? 'Met' : 'Not met'}
                  </Badge>
                </Table.Td>
                <Table.Td>{c.why}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </div>
  );
}
