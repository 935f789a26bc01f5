// The three domains' effective-dated policy versions: each subgraph has its own list, version in
// force and add mutation with the same shapes, so the page treats them alike through this table.
import { graphql } from '../../gql';

export const CertificationPoliciesQuery = graphql(`
  query CertificationPolicies {
    versions: certificationPolicyVersions {
      id
      effectiveFrom
      values
      note
      createdBy
      createdAt
    }
    inForce: certificationPolicyInForce {
      id
      effectiveFrom
    }
  }
`);

export const TrainingPoliciesQuery = graphql(`
  query TrainingPolicies {
    versions: trainingPolicyVersions {
      id
      effectiveFrom
      values
      note
      createdBy
      createdAt
    }
    inForce: trainingPolicyInForce {
      id
      effectiveFrom
    }
  }
`);

export const EthicsPoliciesQuery = graphql(`
  query EthicsPolicies {
    versions: ethicsPolicyVersions {
      id
      effectiveFrom
      values
      note
      createdBy
      createdAt
    }
    inForce: ethicsPolicyInForce {
      id
      effectiveFrom
    }
  }
`);

export const AddCertificationPolicyVersionMutation = graphql(`
  mutation AddCertificationPolicyVersion($input: AddCertificationPolicyVersionInput!) {
    added: addCertificationPolicyVersion(input: $input) {
      id
      effectiveFrom
      values
      note
      createdBy
      createdAt
    }
  }
`);

export const AddTrainingPolicyVersionMutation = graphql(`
  mutation AddTrainingPolicyVersion($input: AddTrainingPolicyVersionInput!) {
    added: addTrainingPolicyVersion(input: $input) {
      id
      effectiveFrom
      values
      note
      createdBy
      createdAt
    }
  }
`);

export const AddEthicsPolicyVersionMutation = graphql(`
  mutation AddEthicsPolicyVersion($input: AddEthicsPolicyVersionInput!) {
    added: addEthicsPolicyVersion(input: $input) {
      id
      effectiveFrom
      values
      note
      createdBy
      createdAt
    }
  }
`);

export type PolicyDomain = 'certification' | 'training' | 'ethics';

export const POLICY_DOMAINS: { value: PolicyDomain; label: string; about: string }[] = [
  {
    value: 'certification',
    label: 'Certification',
    about: 'Recovery time, training hours, fees, the term, renewal windows and processing targets. An application is judged by the version in force on its submission date.',
  },
  {
    value: 'training',
    label: 'Training',
    about: 'Course submission windows and pauses, the submission fee, review targets, class capacity and core course hours.',
  },
  {
    value: 'ethics',
    label: 'Ethics',
    about: 'The complaint filing limit and the case clocks: acknowledgment, triage, investigation, response and appeal window. A complaint is judged by the version in force on the day it was received.',
  },
];

export interface PolicyVersionRow {
  id: string;
  effectiveFrom: string;
  values: Record<string, unknown>;
  note: string;
  createdBy: string;
  createdAt: string;
}
