// /apply: the applicant's application for certification. Without a chosen application it resumes
// the open draft (or incomplete one), else lists the applicant's applications and offers to start
// one; `?application=<id>` opens one. Renewals live on /recertification.
import { Alert, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { ErrorAlert, Loading } from '../../components/Status';
import { useFragment } from '../../gql';
import { APPLICATION_STATUS_LABELS, label } from '../../labels';
import { useUser } from '../../session';
import { ApplicationStatusView } from './ApplicationStatusView';
import { ApplicantApplicationFields, ApplicantApplicationQuery, ApplicantRecordQuery, CreateApplicationMutation, MyApplicationListQuery } from './documents';
import type { ApplicantRecordQuery as ApplicantRecord } from '../../gql/graphql';
import { isEditable, isOpen } from './model';
import { RefusalAlert } from './serverErrors';
import { ACTION, INFO, NEUTRAL, MUTED, READABLE_DIMMED } from './ui';

export function ApplyPage() {
  const user = useUser();
  const [params] = useSearchParams();
  const chosen = params.get('application');
  const [record, reloadRecord] = useQuery({ query: ApplicantRecordQuery });

  return (
    <>
      <title>Apply for certification · CPSS Platform</title>
      <Stack gap="md" style={READABLE_DIMMED}>
        <div>
          <Title order={1}>Apply for certification</Title>
          <Text c={MUTED}>Certified Peer Support Specialist: a first application. Holders renew on the Renewal page.</Text>
        </div>
        {!user.personId ? (
          <Alert color={NEUTRAL} data-testid="apply-no-person">
            Your account is not linked to a person record, so you cannot apply from it. Contact the program office.
          </Alert>
        ) : record.error && !record.data ? (
          <ErrorAlert error={record.error} title="Could not load your record" onRetry={() => reloadRecord({ requestPolicy: 'network-only' })} />
        ) : !record.data ? (
          <Loading>Loading your record…</Loading>
        ) : !record.data.me ? (
          <Alert color={NEUTRAL}>No person record was found for your account.</Alert>
        ) : chosen ? (
          <OneApplication id={chosen} record={record.data} />
        ) : (
          <ApplicationChooser resume={!params.has('list')} />
        )}
      </Stack>
    </>
  );
}

function ApplicationChooser({ resume }: { resume: boolean }) {
  const navigate = useNavigate();
  const [list, reexecute] = useQuery({ query: MyApplicationListQuery, variables: {}, requestPolicy: 'cache-and-network' });
  const [created, create] = useMutation(CreateApplicationMutation);
  const apps = (list.data?.applications.edges.map((e) => e.node) ?? []).filter((a) => a.kind === 'INITIAL');
  const resumable = resume ? apps.find((a) => isEditable(a.status)) : undefined;

  // Coming back to /apply resumes the draft (or the incomplete application) where it was.
  useEffect(() => {
    if (resumable && !list.stale) navigate(`/apply?application=${resumable.id}`, { replace: true });
  }, [resumable, list.stale, navigate]);

  if (list.error && !list.data) return <ErrorAlert error={list.error} title="Could not load your applications" onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  if (!list.data || resumable) return <Loading>Loading your applications…</Loading>;

  const open = apps.filter((a) => isOpen(a.status));
  async function start() {
    const res = await create({ input: {} });
    const app = useFragment(ApplicantApplicationFields, res.data?.createApplication);
    if (app) navigate(`/apply?application=${app.id}`);
  }

  return (
    <Stack>
      <Paper withBorder p="md" radius="md" data-testid="apply-start">
        <Title order={2} size="h3">
          {apps.length === 0 ? 'Start your application' : 'Start a new application'}
        </Title>
        <Text size="sm" my="xs">
          You will give your contact details, your recovery and statement, your training, two references and your documents. Your answers are saved as you go: you can leave and
          come back.
        </Text>
        {open.length > 0 && (
          <Alert color={INFO} variant="light" mb="sm" data-testid="apply-open-note">
            You already have an application in progress (listed below). Start a new one only if the program asked you to.
          </Alert>
        )}
        <Button color={ACTION} onClick={start} loading={created.fetching}>
          Start a new application
        </Button>
        <RefusalAlert error={created.error} title="Could not start an application" testId="apply-start-error" />
      </Paper>
      <Paper withBorder p="md" radius="md">
        <Title order={2} size="h3" mb="xs">
          Your applications
        </Title>
        {apps.length === 0 ? (
          <Text size="sm" c={MUTED} data-testid="apply-none">
            You have no applications yet.
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={420}>
            <Table withTableBorder aria-label="Your applications">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Started</Table.Th>
                  <Table.Th scope="col">Status</Table.Th>
                  <Table.Th scope="col">What is missing</Table.Th>
                  <Table.Th scope="col">Open</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {apps.map((a) => (
                  <Table.Tr key={a.id} data-testid="apply-application-row">
                    <Table.Td>{a.submittedOn ? `${a.createdAt.slice(0, 10)} (submitted ${a.submittedOn})` : a.createdAt.slice(0, 10)}</Table.Td>
                    <Table.Td>{label(APPLICATION_STATUS_LABELS, a.status)}</Table.Td>
                    <Table.Td>{a.missingItems.length ? a.missingItems.join('; ') : '—'}</Table.Td>
                    <Table.Td>
                      <Link to={`/apply?application=${a.id}`}>{`View the application started ${a.createdAt.slice(0, 10)}`}</Link>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
    </Stack>
  );
}

function OneApplication({ id, record }: { id: string; record: ApplicantRecord }) {
  const [result, reexecute] = useQuery({ query: ApplicantApplicationQuery, variables: { id } });
  const reload = () => reexecute({ requestPolicy: 'network-only' });
  const app = useFragment(ApplicantApplicationFields, result.data?.application);
  const me = record.me!;

  if (result.error && !app) {
    return (
      <Stack>
        <ErrorAlert error={result.error} title="Could not load the application" onRetry={reload} />
        <Link to="/apply">All my applications</Link>
      </Stack>
    );
  }
  if (!app) return <Loading>Loading your application…</Loading>;
  if (app.kind === 'RECERTIFICATION') {
    return (
      <Alert color={INFO}>
        This is a renewal: follow it on the <Link to="/recertification">Renewal</Link> page.
      </Alert>
    );
  }
  return (
    <Stack>
      <Group>
        <Link to="/apply?list=1">
          ← All my applications
        </Link>
      </Group>
      <ApplicationStatusView
        app={app}
        me={me}
        codeOfEthics={record.codeOfEthicsInForce}
        policyValues={app.policyVersion.values}
        onReload={reload}
      />
    </Stack>
  );
}
