// Where the applicant's application is: its status, what the program asked for (missing items,
// with an upload and a resubmit through the form), the eligibility checklist, fees, documents and
// the timeline; the form itself while it is a draft or incomplete.
import { Alert, Badge, Button, Group, List, Modal, Paper, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useMutation } from 'urql';
import { Timeline } from '../../components/Timeline';
import type { ApplicantApplicationFieldsFragment, ApplicantRecordQuery } from '../../gql/graphql';
import { APPLICATION_STATUS_LABELS, enumWords, formatCents, label } from '../../labels';
import { ApplicationForm, UploadedDocuments } from './ApplicationForm';
import { EligibilityChecklist } from './Checklist';
import { DocumentUpload } from './DocumentUpload';
import { WithdrawApplicationMutation } from './documents';
import { isEditable, isOpen } from './model';
import { RefusalAlert } from './serverErrors';
import { ATTENTION, BAD, GOOD, INFO, MUTED, NEUTRAL } from './ui';

const STATUS_COLORS: Record<string, string> = {
  DRAFT: NEUTRAL,
  SUBMITTED: INFO,
  INCOMPLETE: ATTENTION,
  ON_HOLD: ATTENTION,
  IN_REVIEW: INFO,
  APPROVED: GOOD,
  DENIED: BAD,
  WITHDRAWN: NEUTRAL,
  CLOSED: NEUTRAL,
};

const STATUS_EXPLAINED: Record<string, string> = {
  DRAFT: 'Not submitted yet: your answers are saved as you go.',
  SUBMITTED: 'Submitted: it waits in the program’s queue for a reviewer.',
  INCOMPLETE: 'Held: the program asked for something that is missing. Supply it and resubmit.',
  ON_HOLD: 'On hold while a complaint is pending; the outcome of the complaint decides what happens next.',
  IN_REVIEW: 'A reviewer is working on it.',
  APPROVED: 'Approved: your certification is issued.',
  DENIED: 'Denied, with the reasons below and how to appeal.',
  WITHDRAWN: 'You withdrew it.',
  CLOSED: 'Closed: it was not completed in time. Start a new application to apply again.',
};

export function StatusBadge({ status }: { status: string }) {
  return (
    <Badge size="lg" color={STATUS_COLORS[status] ?? NEUTRAL} variant="light" data-testid="applicant-status">
      {label(APPLICATION_STATUS_LABELS, status)}
    </Badge>
  );
}

export function ApplicationStatusView({
  app,
  me,
  codeOfEthics,
  policyValues,
  lastCertifiedOn,
  onReload,
}: {
  app: ApplicantApplicationFieldsFragment;
  me: NonNullable<ApplicantRecordQuery['me']>;
  codeOfEthics: { version: string; title: string } | null;
  policyValues: Record<string, unknown>;
  lastCertifiedOn?: string | null;
  onReload: () => void;
}) {
  const renewal = app.kind === 'RECERTIFICATION';
  const editable = isEditable(app.status);
  return (
    <Stack data-testid="application-view" data-application-id={app.id}>
      <Paper withBorder p="md" radius="md">
        <Group justify="space-between" wrap="wrap">
          <Group gap="sm">
            <Text fw={600}>{renewal ? `Renewal${app.certification ? ` of ${app.certification.number}` : ''}` : 'Application for certification'}</Text>
            <StatusBadge status={app.status} />
          </Group>
          <Text size="sm" c={MUTED}>
            {app.submittedOn ? `Submitted ${app.submittedOn}` : `Started ${app.createdAt.slice(0, 10)}`}
            {app.decidedOn ? ` · decided ${app.decidedOn}` : ''}
            {app.late ? ' · late renewal' : ''}
          </Text>
        </Group>
        <Text size="sm" mt="xs" data-testid="applicant-status-explained">
          {STATUS_EXPLAINED[app.status] ?? enumWords(app.status)}
        </Text>
        {app.status === 'APPROVED' && app.certification && (
          <Text size="sm" mt="xs">{`Certification ${app.certification.number}, due ${app.certification.dueOn}.`}</Text>
        )}
      </Paper>

      {app.missingItems.length > 0 && (
        <Alert color={ATTENTION} title={`The program asked for${app.incompleteSince ? ` (on ${app.incompleteSince})` : ''}:`} data-testid="applicant-missing-items">
          <List size="sm">
            {app.missingItems.map((m) => (
              <List.Item key={m}>{m}</List.Item>
            ))}
          </List>
          {editable && (
            <Stack mt="sm" gap="xs">
              <Text size="sm">Upload what was asked for here, or correct your answers in the form below, then resubmit on its last step.</Text>
              <DocumentUpload
                applicationId={app.id}
                purposes={renewal ? ['TRAINING_CERTIFICATE', 'DESIGNATION_PROOF', 'OTHER'] : ['EDUCATION_PROOF', 'TRAINING_CERTIFICATE', 'DESIGNATION_PROOF', 'OTHER']}
                label="Upload a missing document"
                onUploaded={onReload}
                testId="missing-upload"
              />
            </Stack>
          )}
        </Alert>
      )}

      {app.status === 'DENIED' && (
        <Alert color={BAD} title="Reasons for the decision" data-testid="decision-reasons">
          <List size="sm">
            {app.decisionReasons.map((r) => (
              <List.Item key={r}>{r}</List.Item>
            ))}
          </List>
          {app.appealRights && <Text size="sm" mt="xs">{`How to appeal: ${app.appealRights}`}</Text>}
        </Alert>
      )}

      {editable ? (
        <ApplicationForm key={app.id} app={app} me={me} codeOfEthics={codeOfEthics} policyValues={policyValues} lastCertifiedOn={lastCertifiedOn} onReload={onReload} />
      ) : (
        <>
          <Paper withBorder p="md" radius="md">
            <Title order={2} size="h3" mb="sm">
              Eligibility checklist
            </Title>
            <EligibilityChecklist lines={app.checklist} eligible={app.eligible} />
          </Paper>
          <Paper withBorder p="md" radius="md">
            <Title order={2} size="h3" mb="sm">
              Fees
            </Title>
            <Fees fees={app.fees} />
          </Paper>
          <Paper withBorder p="md" radius="md">
            <UploadedDocuments documents={app.documents} />
          </Paper>
        </>
      )}

      <Paper withBorder p="md" radius="md">
        <Title order={2} size="h3" mb="sm">
          Timeline
        </Title>
        <Timeline entries={app.timeline} testId="applicant-timeline" />
      </Paper>

      {isOpen(app.status) && <Withdraw app={app} />}
    </Stack>
  );
}

function Fees({ fees }: { fees: ApplicantApplicationFieldsFragment['fees'] }) {
  if (fees.length === 0) return <Text size="sm" c={MUTED}>No fees yet: the fee becomes due when you submit.</Text>;
  return (
    <Table.ScrollContainer minWidth={400}>
      <Table withTableBorder aria-label="Fees" data-testid="applicant-fees">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Fee</Table.Th>
            <Table.Th scope="col" ta="right">
              Amount
            </Table.Th>
            <Table.Th scope="col">Status</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {fees.map((f) => (
            <Table.Tr key={f.id}>
              <Table.Td>{enumWords(f.kind)}</Table.Td>
              <Table.Td ta="right">{formatCents(f.amountCents)}</Table.Td>
              <Table.Td>
                {enumWords(f.status)}
                {f.paidOn ? ` ${f.paidOn}` : ''}
                {f.waivedReason ? `: ${f.waivedReason}` : ''}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function Withdraw({ app }: { app: ApplicantApplicationFieldsFragment }) {
  const [opened, setOpened] = useState(false);
  const [reason, setReason] = useState('');
  const [result, withdraw] = useMutation(WithdrawApplicationMutation);
  return (
    <>
      <Group>
        <Button variant="subtle" color={BAD} onClick={() => setOpened(true)}>
          {app.kind === 'RECERTIFICATION' ? 'Withdraw this renewal' : 'Withdraw this application'}
        </Button>
      </Group>
      <Modal opened={opened} onClose={() => setOpened(false)} title="Withdraw?">
        <Stack>
          <Text size="sm">A withdrawn application cannot be reopened; any fee paid is not refunded.</Text>
          <Textarea label="Why (optional)" value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
          <RefusalAlert error={result.error} title="Not withdrawn" />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpened(false)}>
              Keep it
            </Button>
            <Button
              color={BAD}
              loading={result.fetching}
              onClick={async () => {
                const res = await withdraw({ input: { applicationId: app.id, expectedVersion: app.version, reason: reason.trim() || null } });
                if (!res.error) setOpened(false);
              }}
            >
              Withdraw
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
