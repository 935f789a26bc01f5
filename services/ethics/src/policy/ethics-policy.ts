// The ethics program's numbers (DOMAIN.md "(policy)" and the anchors of "Complaints and ethics"):
// filing limit, acknowledgment target, appeal window, registry update target, plus the triage,
// investigation and respondent-response targets. Stored as effective-dated versions; a complaint
// is judged by the version in force on the day it was received.
import { PolicyStore } from '@cpss/server-kit';
import type { DataSource } from 'typeorm';
import { z } from 'zod';

const businessDays = z.number().int().positive();

export const ethicsPolicySchema = z.object({
  /** Complaints about conduct older than this (incident date to receipt) are not accepted. */
  complaintFilingLimitYears: z.number().int().positive(),
  /** Received -> acknowledged. */
  acknowledgmentTargetBusinessDays: businessDays,
  /** Acknowledged -> triaged (level of response decided). */
  triageTargetBusinessDays: businessDays,
  /** Referred for investigation -> findings. */
  investigationTargetBusinessDays: businessDays,
  /** Respondent notified -> their response expected. */
  respondentResponseBusinessDays: businessDays,
  /** Notice of the outcome -> last day an appeal is accepted. */
  appealWindowBusinessDays: businessDays,
  /** A final action must reach the public registry within this many hours. */
  registryUpdateTargetHours: z.number().int().positive(),
});
export type EthicsPolicy = z.infer<typeof ethicsPolicySchema>;

export type EthicsPolicyStore = PolicyStore<typeof ethicsPolicySchema>;
export const ethicsPolicyStore = (dataSource: DataSource): EthicsPolicyStore => new PolicyStore(dataSource, ethicsPolicySchema);

/** North Carolina's values today. */
export const NC_ETHICS_POLICY: EthicsPolicy = {
  complaintFilingLimitYears: 3,
  acknowledgmentTargetBusinessDays: 5,
  // Assumptions: the sources give no triage, investigation or response targets; these are
  // working values for the program office to confirm (a new version replaces them).
  triageTargetBusinessDays: 10,
  investigationTargetBusinessDays: 60,
  respondentResponseBusinessDays: 15,
  appealWindowBusinessDays: 10,
  registryUpdateTargetHours: 72,
};

export const NC_ETHICS_POLICY_SEED: { effectiveFrom: string; values: EthicsPolicy; note: string }[] = [
  { effectiveFrom: '2013-01-01', values: NC_ETHICS_POLICY, note: 'NC complaints policy (triage, investigation and response targets are working assumptions)' },
];
