// The admin's dashboard: the program across the three subgraphs — the work waiting in each domain,
// certification statistics (certified over time, issued and lapsed per month, in good standing by
// county, designation and demographics) and training completions by course kind and per month.
// Every chart has its numbers in a table beside it, for screen readers and for copying.
// One query per domain (see dashboardDocuments.ts): when a subgraph does not answer, its tiles and
// charts are marked unavailable under a notice naming it, and the other domains' figures are shown.
import { BarChart, DonutChart, LineChart } from '@mantine/charts';
import { Card, Group, SimpleGrid, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { ExportLink } from '../../components/ExportLink';
import { Loading } from '../../components/Status';
import { partState, PartsProblem, Unavailable, type PartState } from '../../components/Unavailable';
import { courseKindLabel, formatHours } from '../../format';
import type { CourseKind, DashboardCertificationQuery, DashboardEthicsQuery, DashboardTrainingQuery } from '../../gql/graphql';
import { APPLICATION_STATUS_LABELS, CERTIFICATION_STATUS_LABELS, DESIGNATION_LABELS, enumWords, label } from '../../labels';
import { DashboardCertificationDocument, DashboardEthicsDocument, DashboardTrainingDocument } from './dashboardDocuments';

interface Count {
  key: string;
  count: number;
}

const count = (rows: readonly Count[], ...keys: string[]) => rows.filter((r) => keys.includes(r.key)).reduce((n, r) => n + r.count, 0);

export function DashboardPage() {
  const [certification, reexecuteCertification] = useQuery({ query: DashboardCertificationDocument, requestPolicy: 'cache-and-network' });
  const [training, reexecuteTraining] = useQuery({ query: DashboardTrainingDocument, requestPolicy: 'cache-and-network' });
  const [ethics, reexecuteEthics] = useQuery({ query: DashboardEthicsDocument, requestPolicy: 'cache-and-network' });
  const results = [certification, training, ethics];
  const retry = () => {
    for (const reexecute of [reexecuteCertification, reexecuteTraining, reexecuteEthics]) reexecute({ requestPolicy: 'network-only' });
  };
  // Drawn once every domain has answered or failed, so the tiles and charts do not jump about.
  const settled = results.every((r) => partState(r) !== 'loading');

  return (
    <section aria-labelledby="dashboard-title">
      <title>Dashboard · CPSS Platform</title>
      <h1 id="dashboard-title">Program dashboard</h1>
      <PartsProblem results={results} title="Some of the dashboard could not be loaded" onRetry={retry} />
      {!settled && <Loading>Loading the program's figures…</Loading>}
      {settled && <Dashboard c={certification.data?.certificationStatistics} cState={partState(certification)} training={training.data} tState={partState(training)} ethics={ethics.data} eState={partState(ethics)} />}
    </section>
  );
}

function Dashboard({
  c,
  cState,
  training,
  tState,
  ethics,
  eState,
}: {
  c: DashboardCertificationQuery['certificationStatistics'] | undefined;
  cState: PartState;
  training: DashboardTrainingQuery | undefined;
  tState: PartState;
  ethics: DashboardEthicsQuery | undefined;
  eState: PartState;
}) {
  const t = training?.trainingStatistics;
  const waiting = c ? count(c.applicationsByStatus, 'SUBMITTED', 'IN_REVIEW', 'INCOMPLETE', 'ON_HOLD') : null;
  const byKind = t ? t.byKind.map((k) => ({ kind: courseKindLabel(k.kind as CourseKind), completions: k.completions, hours: k.hours })) : [];

  return (
    <>
      {(c || t) && (
        <p className="lede">
          {c && <>As of {c.on}. </>}
          {t && (
            <>
              Training figures cover {t.from} to {t.to}.
            </>
          )}
        </p>
      )}
      <h2>Work waiting</h2>
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="md" data-testid="work-queues">
        <Tile label="Applications awaiting review" value={waiting} state={cState} to="/applications" testId="tile-applications" />
        <Tile label="Complaints awaiting acknowledgment" value={ethics?.complaintsAwaitingAcknowledgment.totalCount ?? null} state={eState} to="/complaints" testId="tile-complaints" />
        <Tile label="Complaints past a target" value={ethics?.complaintsOverdue.totalCount ?? null} state={eState} to="/complaints" testId="tile-overdue" />
        <Tile
          label="Course submissions in review"
          value={training ? training.submissionsReceived.totalCount + training.submissionsInTeamReview.totalCount : null}
          state={tState}
          to="/course-reviews"
          testId="tile-submissions"
        />
      </SimpleGrid>

      <h2>Certification</h2>
      {c && (
        <Group gap="xs" mb="sm" data-testid="export-certification-statistics">
          <ExportLink list="certification-per-month" params={{ on: c.on }} label="Export per month (CSV)" />
          <ExportLink list="certification-by-county" params={{ on: c.on }} label="Export by county (CSV)" />
        </Group>
      )}
      {c ? <CertificationCharts c={c} /> : <MissingCharts testId="charts-certification" state={cState} what="Certification statistics" />}

      <h2>Training</h2>
      {t && (
        <Group gap="xs" mb="sm" data-testid="export-training-statistics">
          <ExportLink list="training-per-month" params={{ from: t.from, to: t.to }} label="Export per month (CSV)" />
          <ExportLink list="training-by-kind" params={{ from: t.from, to: t.to }} label="Export by course kind (CSV)" />
        </Group>
      )}
      {t ? <TrainingCharts t={t} byKind={byKind} /> : <MissingCharts testId="charts-training" state={tState} what="Training statistics" />}
    </>
  );
}

/** In place of a domain's charts when it did not answer (or its query failed: the error is above). */
function MissingCharts({ testId, state, what }: { testId: string; state: PartState; what: string }) {
  return (
    <Card withBorder padding="md" data-testid={testId} data-state={state}>
      {state === 'unavailable' ? (
        <Text data-testid={`${testId}-unavailable`}>
          {what}: <Unavailable what={what} />
        </Text>
      ) : (
        <Text c="dimmed">{what}: not loaded, see the error above.</Text>
      )}
    </Card>
  );
}

function CertificationCharts({ c }: { c: DashboardCertificationQuery['certificationStatistics'] }) {
  const inGoodStanding = c.inGoodStandingByCounty.reduce((n, r) => n + r.count, 0);
  const counties = [...c.inGoodStandingByCounty].sort((a, b) => b.count - a.count);
  return (
    <>
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
    </>
  );
}

function TrainingCharts({ t, byKind }: { t: DashboardTrainingQuery['trainingStatistics']; byKind: { kind: string; completions: number; hours: number }[] }) {
  return (
    <>
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

/** A count of work waiting; "Unavailable" when its domain did not answer, a dash when its query failed. */
function Tile({ label: text, value, state, to, testId }: { label: string; value: number | null; state: PartState; to: string; testId: string }) {
  return (
    <Card withBorder padding="md" component={Link} to={to} data-testid={testId} data-state={value == null ? state : 'ready'}>
      <Text size="sm" c="dimmed">
        {text}
      </Text>
      {value != null ? (
        <Text fz={32} fw={700} data-testid={`${testId}-value`}>
          {value}
        </Text>
      ) : state === 'unavailable' ? (
        <Text fz="lg" data-testid={`${testId}-unavailable`}>
          <Unavailable what={text} />
        </Text>
      ) : (
        <Text fz={32} fw={700}>
          —
        </Text>
      )}
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
