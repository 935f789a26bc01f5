// The admin's dashboard: the program in one gateway query across the three subgraphs — the work
// waiting in each domain, certification statistics (certified over time, issued and lapsed per month, in good standing by
// county, designation and demographics) and training completions by course kind and per month.
// Every chart has its numbers in a table beside it, for screen readers and for copying.
import { BarChart, DonutChart, LineChart } from '@mantine/charts';
import { Card, Group, SimpleGrid, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { ErrorAlert, Loading } from '../../components/Status';
import { courseKindLabel, formatHours } from '../../format';
import { graphql } from '../../gql';
import type { AdminDashboardQuery, CourseKind } from '../../gql/graphql';
import { APPLICATION_STATUS_LABELS, CERTIFICATION_STATUS_LABELS, DESIGNATION_LABELS, enumWords, label } from '../../labels';

const DashboardQuery = graphql(`
  query AdminDashboard {
    certificationStatistics {
      on
      applicationsByStatus { key count }
      certificationsByStatus { key count }
      inGoodStandingByCounty { key count }
      inGoodStandingByDesignation { key count }
      inGoodStandingByAgeBand { key count }
      inGoodStandingByGender { key count }
      inGoodStandingByVeteranStatus { key count }
      inGoodStandingByRaceEthnicity { key count }
      perMonth { month issued lapsed inGoodStanding }
    }
    trainingStatistics {
      from
      to
      byKind { kind completions hours }
      perMonth { month completions }
    }
    complaintsAwaitingAcknowledgment: complaints(first: 1, filter: { statuses: [RECEIVED] }) { totalCount }
    complaintsOverdue: complaints(first: 1, filter: { overdue: true }) { totalCount }
    submissionsReceived: courseSubmissions(first: 1, status: RECEIVED) { totalCount }
    submissionsInTeamReview: courseSubmissions(first: 1, status: TEAM_REVIEW) { totalCount }
  }
`);

interface Count {
  key: string;
  count: number;
}

const count = (rows: readonly Count[], ...keys: string[]) => rows.filter((r) => keys.includes(r.key)).reduce((n, r) => n + r.count, 0);

export function DashboardPage() {
  const [result, reexecute] = useQuery({ query: DashboardQuery, requestPolicy: 'cache-and-network' });
  const { data, error, fetching } = result;

  return (
    <section aria-labelledby="dashboard-title">
      <title>Dashboard · CPSS Platform</title>
      <h1 id="dashboard-title">Program dashboard</h1>
      {error && <ErrorAlert error={error} title="Could not load the dashboard" onRetry={() => reexecute({ requestPolicy: 'network-only' })} />}
      {fetching && !data && <Loading>Loading the program's figures…</Loading>}
      {data && <Dashboard data={data} />}
    </section>
  );
}

function Dashboard({ data }: { data: AdminDashboardQuery }) {
  const c = data.certificationStatistics;
  const t = data.trainingStatistics;
  const waiting = count(c.applicationsByStatus, 'SUBMITTED', 'IN_REVIEW', 'INCOMPLETE', 'ON_HOLD');
  const inGoodStanding = c.inGoodStandingByCounty.reduce((n, r) => n + r.count, 0);
  const counties = [...c.inGoodStandingByCounty].sort((a, b) => b.count - a.count);
  const byKind = t.byKind.map((k) => ({ kind: courseKindLabel(k.kind as CourseKind), completions: k.completions, hours: k.hours }));

  return (
    <>
      <p className="lede">
        As of {c.on}. Training figures cover {t.from} to {t.to}.
      </p>
      <h2>Work waiting</h2>
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="md" data-testid="work-queues">
        <Tile label="Applications awaiting review" value={waiting} to="/applications" testId="tile-applications" />
        <Tile label="Complaints awaiting acknowledgment" value={data.complaintsAwaitingAcknowledgment.totalCount} to="/complaints" testId="tile-complaints" />
        <Tile label="Complaints past a target" value={data.complaintsOverdue.totalCount} to="/complaints" testId="tile-overdue" />
        <Tile
          label="Course submissions in review"
          value={data.submissionsReceived.totalCount + data.submissionsInTeamReview.totalCount}
          to="/course-reviews"
          testId="tile-submissions"
        />
      </SimpleGrid>

      <h2>Certification</h2>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <ChartCard title="Certified over time" testId="chart-certified" table={<CountTable head={['Month', 'Certified at month end']} rows={c.perMonth.map((m) => [m.month, m.inGoodStanding])} />}>
          <LineChart lineChartProps={NOT_FOCUSABLE} h={220} data={c.perMonth} dataKey="month" series={[{ name: 'inGoodStanding', label: 'Certified', color: 'blue.8' }]} curveType="linear" />
        </ChartCard>
        <ChartCard title="Certifications issued and lapsed per month" testId="chart-per-month" table={<CountTable head={['Month', 'Issued', 'Lapsed']} rows={c.perMonth.map((m) => [m.month, m.issued, m.lapsed])} />}>
          <LineChart
            lineChartProps={NOT_FOCUSABLE}
            h={220}
            data={c.perMonth}
            dataKey="month"
            series={[
              { name: 'issued', label: 'Issued', color: 'teal.8' },
              { name: 'lapsed', label: 'Lapsed', color: 'orange.9' },
            ]}
            withLegend
            curveType="linear"
          />
        </ChartCard>
        <ChartCard
          title={`In good standing: ${inGoodStanding} by status`}
          testId="chart-status"
          table={<CountTable head={['Status', 'Certifications']} rows={c.certificationsByStatus.map((r) => [label(CERTIFICATION_STATUS_LABELS, r.key), r.count])} />}
        >
          <DonutChart
            pieChartProps={NOT_FOCUSABLE}
            pieProps={{ rootTabIndex: -1 }}
            h={220}
            withLabelsLine={false}
            data={c.certificationsByStatus.map((r, i) => ({ name: label(CERTIFICATION_STATUS_LABELS, r.key), value: r.count, color: PALETTE[i % PALETTE.length]! }))}
          />
        </ChartCard>
        <ChartCard title="In good standing by county (top 10)" testId="chart-county" table={<CountTable head={['County', 'CPSS']} rows={counties.map((r) => [r.key, r.count])} />}>
          <BarChart barChartProps={NOT_FOCUSABLE} h={220} data={counties.slice(0, 10)} dataKey="key" series={[{ name: 'count', label: 'CPSS', color: 'teal.8' }]} />
        </ChartCard>
        <ChartCard
          title="In good standing by designation"
          testId="chart-designation"
          table={<CountTable head={['Designation', 'CPSS']} rows={c.inGoodStandingByDesignation.map((r) => [label(DESIGNATION_LABELS, r.key), r.count])} />}
        >
          <BarChart
            barChartProps={NOT_FOCUSABLE}
            h={220}
            data={c.inGoodStandingByDesignation.map((r) => ({ key: label(DESIGNATION_LABELS, r.key), count: r.count }))}
            dataKey="key"
            series={[{ name: 'count', label: 'CPSS', color: 'indigo.8' }]}
          />
        </ChartCard>
        {(
          [
            ['Age', c.inGoodStandingByAgeBand, 'chart-age'],
            ['Gender', c.inGoodStandingByGender, 'chart-gender'],
            ['Veteran status', c.inGoodStandingByVeteranStatus, 'chart-veteran'],
            ['Race and ethnicity', c.inGoodStandingByRaceEthnicity, 'chart-race'],
          ] as const
        ).map(([name, rows, testId]) => (
          <ChartCard key={testId} title={`In good standing by ${name.toLowerCase()}`} testId={testId} table={<CountTable head={[name, 'CPSS']} rows={rows.map((r) => [enumWords(r.key), r.count])} />}>
            <BarChart barChartProps={NOT_FOCUSABLE} h={200} data={rows.map((r) => ({ key: enumWords(r.key), count: r.count }))} dataKey="key" series={[{ name: 'count', label: 'CPSS', color: 'blue.8' }]} />
          </ChartCard>
        ))}
        <ChartCard
          title="Applications by status"
          testId="chart-applications"
          table={<CountTable head={['Status', 'Applications']} rows={c.applicationsByStatus.map((r) => [label(APPLICATION_STATUS_LABELS, r.key), r.count])} />}
        >
          <BarChart
            barChartProps={NOT_FOCUSABLE}
            h={200}
            data={c.applicationsByStatus.map((r) => ({ key: label(APPLICATION_STATUS_LABELS, r.key), count: r.count }))}
            dataKey="key"
            series={[{ name: 'count', label: 'Applications', color: 'grape.8' }]}
          />
        </ChartCard>
      </SimpleGrid>

      <h2>Training</h2>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <ChartCard
          title="Completions by course kind"
          testId="chart-training-kind"
          table={<CountTable head={['Course kind', 'Completions', 'Hours']} rows={byKind.map((k) => [k.kind, k.completions, formatHours(k.hours)])} />}
        >
          <BarChart barChartProps={NOT_FOCUSABLE} h={220} data={byKind} dataKey="kind" series={[{ name: 'completions', label: 'Completions', color: 'teal.8' }]} />
        </ChartCard>
        <ChartCard title="Completions per month" testId="chart-training-month" table={<CountTable head={['Month', 'Completions']} rows={t.perMonth.map((m) => [m.month, m.completions])} />}>
          <LineChart lineChartProps={NOT_FOCUSABLE} h={220} data={t.perMonth} dataKey="month" series={[{ name: 'completions', label: 'Completions', color: 'teal.8' }]} curveType="linear" />
        </ChartCard>
      </SimpleGrid>
    </>
  );
}

// The charts are pictures of the tables beside them: hidden from assistive tech and out of the tab order.
const NOT_FOCUSABLE = { accessibilityLayer: false } as const;

// Dark shades only: each slice's label must read against white.
const PALETTE = ['teal.8', 'blue.8', 'orange.9', 'grape.8', 'red.8', 'gray.7', 'indigo.8'];

function Tile({ label: text, value, to, testId }: { label: string; value: number; to: string; testId: string }) {
  return (
    <Card withBorder padding="md" component={Link} to={to} data-testid={testId}>
      <Text size="sm" c="dimmed">
        {text}
      </Text>
      <Text fz={32} fw={700} data-testid={`${testId}-value`}>
        {value}
      </Text>
    </Card>
  );
}

function ChartCard({ title, testId, table, children }: { title: string; testId: string; table: ReactNode; children: ReactNode }) {
  const id = `${testId}-title`;
  return (
    <Card withBorder padding="md" data-testid={testId} role="figure" aria-labelledby={id}>
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h4" id={id}>
          {title}
        </Title>
      </Group>
      <div aria-hidden="true">{children}</div>
      <details>
        <summary>The numbers</summary>
        {table}
      </details>
    </Card>
  );
}

function CountTable({ head, rows }: { head: readonly string[]; rows: readonly (readonly (string | number)[])[] }) {
  if (rows.length === 0) return <Text size="sm">No data yet.</Text>;
  return (
    <Table striped withTableBorder={false} data-testid="chart-table">
      <Table.Thead>
        <Table.Tr>
          {head.map((h) => (
            <Table.Th key={h} scope="col">
              {h}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={String(row[0])}>
            {row.map((cell, i) => (i === 0 ? <Table.Th key={i} scope="row">{cell}</Table.Th> : <Table.Td key={i}>{cell}</Table.Td>))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
