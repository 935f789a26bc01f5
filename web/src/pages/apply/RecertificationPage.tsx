// /recertification: a CPSS's certification, its renewal window, the hours done since the last
// (re)certification against what the policy in force requires (by kind, from the platform's
// training record), and the renewal itself: start it (createRecertification), fill and submit it
// through the same steps as an application, and follow it.
import { Alert, Badge, Button, Group, Paper, Progress, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { ErrorAlert, Loading } from '../../components/Status';
import { unavailableDomains, UnavailableNotice } from '../../components/Unavailable';
import { courseKindLabel, formatHours } from '../../format';
import { useFragment } from '../../gql';
import type { ApplicantRecordQuery as ApplicantRecord, CourseKind, MyCertificationsQuery as MyCertifications } from '../../gql/graphql';
import { CERTIFICATION_STATUS_LABELS, DESIGNATION_LABELS, formatCents, label } from '../../labels';
import { useUser } from '../../session';
import { ApplicationStatusView } from './ApplicationStatusView';
import {
  ApplicantApplicationFields,
  ApplicantApplicationQuery,
  ApplicantRecordQuery,
  CreateRecertificationMutation,
  HoursSinceQuery,
  MyApplicationListQuery,
  MyCertificationsQuery,
} from './documents';
import { isOpen, policyNumbers, type PolicyNumbers } from './model';
import { RefusalAlert } from './serverErrors';
import { ACTION, GOOD, BAD, INFO, ATTENTION, NEUTRAL, MUTED, READABLE_DIMMED } from './ui';

type Certification = NonNullable<MyCertifications['me']>['certifications'][number];

const CERT_STATUS_COLORS: Record<string, string> = { ACTIVE: GOOD, DUE: ATTENTION, LATE: ATTENTION, LAPSED: BAD, SUSPENDED: BAD, REVOKED: BAD, RELINQUISHED: NEUTRAL };
const MILITARY = ['MILITARY_SERVICE_MEMBER', 'VETERAN_SERVICE_MEMBER'];

/** The day after a date: renewal hours count training completed after the last certification. */
function dayAfter(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

export function RecertificationPage() {
  const user = useUser();
  const [certs, reloadCerts] = useQuery({ query: MyCertificationsQuery });
  const [record] = useQuery({ query: ApplicantRecordQuery });
  const me = certs.data?.me;

  let body;
  if (!user.personId) {
    body = <Alert color={NEUTRAL}>Your account is not linked to a person record, so there is no certification to renew.</Alert>;
  } else if ((certs.error && !certs.data) || (record.error && !record.data)) {
    body = <ErrorAlert error={certs.error ?? record.error} title="Could not load your certification" onRetry={() => reloadCerts({ requestPolicy: 'network-only' })} />;
  } else if (!certs.data || !record.data) {
    body = <Loading>Loading your certification…</Loading>;
  } else if (!me || me.certifications.length === 0) {
    body = (
      <Alert color={NEUTRAL} title="No certification to renew" data-testid="recert-none">
        You do not hold a certification yet. <Link to="/apply">Apply for certification</Link>.
      </Alert>
    );
  } else {
    const policy = policyNumbers(certs.data.certificationPolicyInForce.values);
    body = (
      <Stack gap="lg">
        {me.certifications.map((c) => (
          <CertificationRenewal key={c.id} cert={c} policy={policy} record={record.data!} />
        ))}
      </Stack>
    );
  }

  return (
    <>
      <title>Renew my certification · CPSS Platform</title>
      <Stack gap="md" style={READABLE_DIMMED}>
        <div>
          <Title order={1}>Renew my certification</Title>
          <Text c={MUTED}>A certification lasts two years. Renew it in the window before it falls due, with training hours since your last certification and two references.</Text>
        </div>
        {body}
      </Stack>
    </>
  );
}

function CertificationRenewal({ cert, policy, record }: { cert: Certification; policy: PolicyNumbers; record: ApplicantRecord }) {
  const renewable = ['ACTIVE', 'DUE', 'LATE'].includes(cert.status);
  return (
    <Stack gap="md" data-testid="certification" data-number={cert.number}>
      <Paper withBorder p="md" radius="md">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h3">{`Certification ${cert.number}`}</Title>
          <Badge size="lg" variant="light" color={CERT_STATUS_COLORS[cert.status] ?? NEUTRAL} data-testid="certification-status">
            {label(CERTIFICATION_STATUS_LABELS, cert.status)}
          </Badge>
        </Group>
        <SimpleGrid cols={{ base: 2, sm: 4 }} mt="sm">
          <Fact term="First issued" value={cert.issuedOn} />
          <Fact term="Last certified" value={cert.lastCertifiedOn} />
          <Fact term="Expires (due)" value={cert.dueOn} testId="certification-due" />
          <Fact term="Good through" value={cert.goodThrough ?? '—'} />
        </SimpleGrid>
        {cert.designations.length > 0 && (
          <Text size="sm" mt="sm">{`Designations: ${cert.designations.map((d) => `${label(DESIGNATION_LABELS, d.designation)} (since ${d.grantedOn})`).join(', ')}`}</Text>
        )}
        <RenewalWindow cert={cert} policy={policy} />
      </Paper>
      <HoursAgainstRequired cert={cert} policy={policy} />
      {renewable ? (
        <Renewal cert={cert} record={record} />
      ) : (
        <Alert color={BAD} title="This certification cannot be renewed" data-testid="recert-not-renewable">
          {cert.status === 'LAPSED' ? (
            <>
              It lapsed after the late window. Apply again as a new applicant: <Link to="/apply">Apply for certification</Link>.
            </>
          ) : (
            `A ${label(CERTIFICATION_STATUS_LABELS, cert.status).toLowerCase()} certification cannot be renewed.`
          )}
        </Alert>
      )}
    </Stack>
  );
}

function Fact({ term, value, testId }: { term: string; value: string; testId?: string }) {
  return (
    <div>
      <Text size="xs" c={MUTED}>
        {term}
      </Text>
      <Text fw={500} data-testid={testId}>
        {value}
      </Text>
    </div>
  );
}

function RenewalWindow({ cert, policy }: { cert: Certification; policy: PolicyNumbers }) {
  const late = policy.lateFeeCents !== undefined ? ` with a late fee of ${formatCents(policy.lateFeeCents)}` : ' with a late fee';
  const text =
    cert.status === 'ACTIVE'
      ? `Renewal opens on ${cert.renewalOpensOn}. Renew between ${cert.renewalOpensOn} and ${cert.dueOn}; after that, until ${cert.goodThrough ?? 'the end of the late window'}${late}.`
      : cert.status === 'DUE'
        ? `Renewal is open: renew by ${cert.dueOn}. After that, until ${cert.goodThrough ?? 'the end of the late window'}${late}.`
        : cert.status === 'LATE'
          ? `Past due: a late renewal is accepted until ${cert.goodThrough ?? 'the end of the late window'}${late}. After that the certification lapses.`
          : null;
  if (!text) return null;
  return (
    <Alert mt="sm" variant="light" color={cert.status === 'ACTIVE' ? INFO : ATTENTION} title="Renewal window" data-testid="renewal-window">
      {text}
      {policy.recertificationFeeCents !== undefined && ` The renewal fee is ${formatCents(policy.recertificationFeeCents)}.`}
    </Alert>
  );
}

interface HoursRow {
  key: string;
  label: string;
  done: number;
  required: number | null;
}

function HoursAgainstRequired({ cert, policy }: { cert: Certification; policy: PolicyNumbers }) {
  const since = dayAfter(cert.lastCertifiedOn);
  const [result, reexecute] = useQuery({ query: HoursSinceQuery, variables: { since } });
  const answer = result.data?.me;
  // Training's hours are null when training did not answer: unavailable, not zero.
  const me = answer && answer.trainingHours != null && answer.trainingHoursByKind != null ? { trainingHours: answer.trainingHours, trainingHoursByKind: answer.trainingHoursByKind } : null;
  const byKind = (kind: CourseKind) => me?.trainingHoursByKind.find((k) => k.kind === kind)?.hours ?? 0;
  const military = cert.designations.some((d) => MILITARY.includes(d.designation));

  const rows: HoursRow[] = me
    ? [
        { key: 'total', label: 'All training', done: me.trainingHours, required: policy.recertificationHours ?? null },
        { key: 'ETHICS_AND_BOUNDARIES', label: 'Ethics and Peer Support Boundaries', done: byKind('ETHICS_AND_BOUNDARIES'), required: policy.recertificationEthicsHours ?? null },
        ...(military
          ? [
              { key: 'military-general', label: 'General (to keep the military designation)', done: me.trainingHours - byKind('DESIGNATION'), required: policy.militaryGeneralHours ?? null },
              { key: 'DESIGNATION', label: 'Military-specific (designation courses)', done: byKind('DESIGNATION'), required: policy.militaryHours ?? null },
            ]
          : []),
        ...me.trainingHoursByKind
          .filter((k) => k.kind !== 'ETHICS_AND_BOUNDARIES' && !(military && k.kind === 'DESIGNATION'))
          .map((k) => ({ key: k.kind, label: courseKindLabel(k.kind), done: k.hours, required: null })),
      ]
    : [];

  return (
    <Paper withBorder p="md" radius="md" data-testid="renewal-hours">
      <Title order={2} size="h3">
        Training hours since your last certification
      </Title>
      <Text size="sm" c={MUTED} mb="sm">
        {`Completed after ${cert.lastCertifiedOn}, from your training record with the program. Training done elsewhere counts too: add it to your renewal's training log with its certificate.`}
      </Text>
      {answer && !me ? (
        <UnavailableNotice domains={unavailableDomains(result.error).length ? unavailableDomains(result.error) : ['training']} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      ) : (
        result.error && !me && <ErrorAlert error={result.error} title="Could not load your training hours" onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      )}
      {!answer && !result.error && <Loading>Loading your training hours…</Loading>}
      {me && (
        <Table.ScrollContainer minWidth={480}>
          <Table withTableBorder aria-label="Hours done against hours required">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Kind</Table.Th>
                <Table.Th scope="col" ta="right">
                  Done
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  Required
                </Table.Th>
                <Table.Th scope="col">Progress</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => {
                const met = r.required !== null && r.done >= r.required;
                const text = r.required === null ? `${formatHours(r.done)} hours` : `${formatHours(r.done)} of ${formatHours(r.required)} hours${met ? ' (met)' : ''}`;
                return (
                  <Table.Tr key={r.key} data-testid="hours-row" data-kind={r.key}>
                    <Table.Th scope="row">{r.label}</Table.Th>
                    <Table.Td ta="right" data-testid="hours-done">
                      {formatHours(r.done)}
                    </Table.Td>
                    <Table.Td ta="right" data-testid="hours-required">
                      {r.required === null ? '—' : formatHours(r.required)}
                    </Table.Td>
                    <Table.Td miw={160}>
                      {r.required !== null ? (
                        <>
                          <Progress value={Math.min(100, r.required > 0 ? (r.done / r.required) * 100 : 100)} color={met ? GOOD : ATTENTION} aria-label={`${r.label}: ${text}`} />
                          <Text size="xs" data-testid="hours-text">
                            {text}
                          </Text>
                        </>
                      ) : (
                        <Text size="xs">Counts toward all training</Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}

/** The open renewal of a certification, or the button to start one. */
function Renewal({ cert, record }: { cert: Certification; record: ApplicantRecord }) {
  const [list, reexecute] = useQuery({ query: MyApplicationListQuery, variables: {}, requestPolicy: 'cache-and-network' });
  const [created, create] = useMutation(CreateRecertificationMutation);
  const [startedId, setStartedId] = useState<string | null>(null);
  const renewals = (list.data?.applications.edges.map((e) => e.node) ?? []).filter((a) => a.kind === 'RECERTIFICATION' && a.certificationId === cert.id);
  const open = renewals.find((a) => isOpen(a.status));
  const id = startedId ?? open?.id ?? null;

  if (list.error && !list.data) return <ErrorAlert error={list.error} title="Could not load your renewals" onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  if (!list.data) return <Loading>Loading your renewal…</Loading>;
  if (id) return <RenewalApplication id={id} cert={cert} record={record} />;

  async function start() {
    const res = await create({ input: { certificationId: cert.id } });
    const app = useFragment(ApplicantApplicationFields, res.data?.createRecertification);
    if (app) {
      setStartedId(app.id);
      reexecute({ requestPolicy: 'network-only' });
    }
  }

  return (
    <Paper withBorder p="md" radius="md" data-testid="renewal-start">
      <Title order={2} size="h3">
        Your renewal
      </Title>
      <Text size="sm" my="xs">
        {cert.status === 'ACTIVE'
          ? `You can start your renewal now and gather your training log and references; you can submit it from ${cert.renewalOpensOn}.`
          : 'Start your renewal: your training log since your last certification, two references, your documents, then submit.'}
      </Text>
      {renewals.length > 0 && (
        <Text size="sm" c={MUTED} mb="xs">{`Earlier renewals of this certification: ${renewals.map((r) => `${r.createdAt.slice(0, 10)} (${r.status.toLowerCase()})`).join(', ')}.`}</Text>
      )}
      <Button color={ACTION} onClick={start} loading={created.fetching}>
        Start my renewal
      </Button>
      <RefusalAlert error={created.error} title="Could not start the renewal" testId="renewal-start-error" />
    </Paper>
  );
}

function RenewalApplication({ id, cert, record }: { id: string; cert: Certification; record: ApplicantRecord }) {
  const [result, reexecute] = useQuery({ query: ApplicantApplicationQuery, variables: { id } });
  const reload = () => reexecute({ requestPolicy: 'network-only' });
  const app = useFragment(ApplicantApplicationFields, result.data?.application);
  if (result.error && !app) return <ErrorAlert error={result.error} title="Could not load your renewal" onRetry={reload} />;
  if (!app || !record.me) return <Loading>Loading your renewal…</Loading>;
  return (
    <section aria-labelledby="renewal-title" data-testid="renewal">
      <Title order={2} size="h3" id="renewal-title" mb="sm">
        Your renewal
      </Title>
      <ApplicationStatusView
        app={app}
        me={record.me}
        codeOfEthics={record.codeOfEthicsInForce}
        policyValues={app.policyVersion.values}
        lastCertifiedOn={cert.lastCertifiedOn}
        onReload={reload}
      />
    </section>
  );
}
