// The admin's view of the program's numbers: each domain's effective-dated policy versions (newest
// first, the one in force today marked), each version's values as a table, and a form to add a
// version that takes effect on a date. Policy is data: nothing here knows a number.
import { Badge, Button, Group, Paper, Table, Tabs, Text } from '@mantine/core';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { ErrorAlert, Loading } from '../../components/Status';
import { CertificationPoliciesQuery, EthicsPoliciesQuery, POLICY_DOMAINS, TrainingPoliciesQuery, type PolicyDomain, type PolicyVersionRow } from './policyDocuments';
import { PolicyVersionForm } from './PolicyVersionForm';
import { formatValue, valueRows, type Json, type JsonObject } from './policyValues';
import { Readable } from '../ethics/Readable';
import { todayInNc } from '../../format';

const QUERIES = { certification: CertificationPoliciesQuery, training: TrainingPoliciesQuery, ethics: EthicsPoliciesQuery } as const;

function statusOf(v: PolicyVersionRow, inForceId: string | undefined, today: string): { text: string; color: string } {
  if (v.id === inForceId) return { text: 'In force today', color: 'teal.9' };
  if (v.effectiveFrom > today) return { text: 'Scheduled', color: 'blue.9' };
  return { text: 'Superseded', color: 'gray.7' };
}

function VersionCard({ v, inForceId, today, previous }: { v: PolicyVersionRow; inForceId: string | undefined; today: string; previous?: PolicyVersionRow }) {
  const status = statusOf(v, inForceId, today);
  const current = v.id === inForceId;
  const rows = valueRows(v.values as JsonObject);
  const before = previous ? new Map(valueRows(previous.values as JsonObject).map((r) => [r.path, r.value])) : null;
  const headingId = `policy-version-${v.id}`;
  return (
    <Paper
      component="article"
      withBorder
      p="md"
      radius="sm"
      aria-labelledby={headingId}
      data-testid="policy-version"
      data-effective-from={v.effectiveFrom}
      data-in-force={current || undefined}
      style={current ? { borderColor: 'var(--mantine-color-teal-7)', borderWidth: 3, background: 'var(--mantine-color-teal-0)' } : undefined}
    >
      <Group justify="space-between" align="baseline" wrap="wrap">
        <h3 id={headingId} style={{ margin: 0 }}>
          Effective from <time dateTime={v.effectiveFrom}>{v.effectiveFrom}</time>
        </h3>
        <Badge color={status.color} variant={current ? 'filled' : 'outline'} data-testid="policy-version-status" size="lg">
          {status.text}
        </Badge>
      </Group>
      <Text size="sm" mt={4}>
        {v.note}
      </Text>
      <Text size="xs" c="dimmed" mb="xs">
        Added by {v.createdBy} on {new Date(v.createdAt).toLocaleDateString()}
      </Text>
      <div className="table-wrap" role="region" aria-label={`Values effective from ${v.effectiveFrom}`} tabIndex={0}>
        <Table striped withTableBorder data-testid="policy-values" verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Setting</Table.Th>
              <Table.Th scope="col" ta="right">
                Value
              </Table.Th>
              {before && <Table.Th scope="col">Change</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => {
              const prev = before?.get(r.path);
              const changed = before && JSON.stringify(prev) !== JSON.stringify(r.value);
              return (
                <Table.Tr key={r.path} data-testid="policy-value" data-path={r.path}>
                  <Table.Th scope="row" fw={400}>
                    {r.group && (
                      <Text span size="sm" c="dimmed">
                        {r.group} ·{' '}
                      </Text>
                    )}
                    {r.label}
                  </Table.Th>
                  <Table.Td ta="right" data-testid="policy-value-text" fw={changed ? 700 : undefined}>
                    {formatValue(r.value, r.path.split('.'))}
                  </Table.Td>
                  {before && <Table.Td>{changed ? `changed (was ${prev === undefined ? 'not set' : formatValue(prev as Json, r.path.split('.'))})` : ''}</Table.Td>}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </div>
    </Paper>
  );
}

function DomainPolicies({ domain }: { domain: PolicyDomain }) {
  const meta = POLICY_DOMAINS.find((d) => d.value === domain)!;
  const [result, reexecute] = useQuery({ query: QUERIES[domain] });
  const [adding, setAdding] = useState(false);
  const [added, setAdded] = useState<string | null>(null);
  const reload = () => reexecute({ requestPolicy: 'network-only' });
  const today = todayInNc();
  const data = result.data;

  if (result.error && !data) return <ErrorAlert error={result.error} title={`Could not load the ${meta.label.toLowerCase()} policy`} onRetry={reload} />;
  if (!data) return <Loading>{`Loading the ${meta.label.toLowerCase()} policy…`}</Loading>;
  const versions = data.versions as PolicyVersionRow[];
  const inForce = versions.find((v) => v.id === data.inForce.id);
  // Versions come newest first: each one's predecessor is the next in the list.
  return (
    <>
      <Text size="sm" mb="sm">
        {meta.about}
      </Text>
      {result.error && <ErrorAlert error={result.error} title="Could not refresh the versions" onRetry={reload} />}
      <p role="status" data-testid="policy-added" className={added ? 'alert alert--info' : undefined}>
        {added ?? ''}
      </p>
      <section className="card" aria-labelledby={`${domain}-add-title-section`}>
        <h2 id={`${domain}-add-title-section`}>Add a version</h2>
        {adding && inForce ? (
          <PolicyVersionForm
            domain={domain}
            domainLabel={meta.label}
            inForce={inForce}
            onCancel={() => setAdding(false)}
            onAdded={(v) => {
              setAdding(false);
              setAdded(`Version effective from ${v.effectiveFrom} added.`);
              reload();
            }}
          />
        ) : (
          <Group>
            <Button onClick={() => setAdding(true)} disabled={!inForce}>
              Add a {meta.label.toLowerCase()} policy version
            </Button>
            <Text size="sm" c="dimmed">
              {inForce ? `In force today: the version effective from ${inForce.effectiveFrom}.` : 'No version is in force today.'}
            </Text>
          </Group>
        )}
      </section>
      <h2>Versions, newest first</h2>
      {versions.length === 0 ? (
        <p className="muted">No versions yet.</p>
      ) : (
        <div data-testid="policy-versions" style={{ display: 'grid', gap: 'var(--mantine-spacing-md)' }}>
          {versions.map((v, i) => (
            <VersionCard key={v.id} v={v} inForceId={inForce?.id} today={today} previous={versions[i + 1]} />
          ))}
        </div>
      )}
    </>
  );
}

export function PoliciesPage() {
  const [params, setParams] = useSearchParams();
  const asked = params.get('domain');
  const domain: PolicyDomain = POLICY_DOMAINS.some((d) => d.value === asked) ? (asked as PolicyDomain) : 'certification';
  return (
    <Readable>
      <title>Policies · CPSS Platform</title>
      <h1>Program policies</h1>
      <p className="lede">Every program number is an effective-dated version: a case is judged by the version in force on the day it was submitted or received.</p>
      <Tabs value={domain} onChange={(v) => v && setParams({ domain: v }, { replace: true })} keepMounted={false}>
        <Tabs.List aria-label="Policy domains">
          {POLICY_DOMAINS.map((d) => (
            <Tabs.Tab key={d.value} value={d.value} data-testid={`policy-tab-${d.value}`}>
              {d.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {POLICY_DOMAINS.map((d) => (
          <Tabs.Panel key={d.value} value={d.value} pt="md">
            <DomainPolicies domain={d.value} />
          </Tabs.Panel>
        ))}
      </Tabs>
    </Readable>
  );
}
