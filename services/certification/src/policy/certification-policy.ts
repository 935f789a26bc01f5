// The certification program's numbers (DOMAIN.md "(policy)"): recovery time, core course hours and
// how long its certificate may be used, additional and recertification hours, fees, the late
// window, reminders, the incomplete-application timeout, the term, processing targets and military
// designation upkeep. Stored as effective-dated versions; a case is judged by the version in force
// on its submission date. The minimum age (18) is a fixed rule of the domain, not policy.
import { PolicyStore } from '@cpss/server-kit';
import type { DataSource } from 'typeorm';
import { z } from 'zod';

const hours = z.number().nonnegative();
const cents = z.number().int().nonnegative();

export const certificationPolicySchema = z.object({
  /** Months of recovery between diagnosis and application. */
  recoveryMonths: z.number().int().positive(),
  coreCourse: z.object({
    faceToFaceHours: hours,
    /** New courses: face-to-face plus pre-work. */
    newCourseTotalHours: hours,
    /** Its certificate must be used within this many years of the completion date. */
    certificateValidYears: z.number().int().positive(),
  }),
  additionalHours: hours,
  /** At most this many of the additional hours may be about children and families. */
  childFamilyMaxHours: hours,
  /** Current rules require approved Ethics and Peer Support Boundaries training among the additional hours. */
  initialEthicsTrainingRequired: z.boolean(),
  recertificationHours: hours,
  recertificationEthicsHours: hours,
  feesCents: z.object({ application: cents, recertification: cents, late: cents }),
  /** Late recertification accepted this many days after the end of the due month. */
  lateWindowDays: z.number().int().nonnegative(),
  /** Reminders this many days before the due date. */
  reminderOffsetsDays: z.array(z.number().int().positive()).min(1),
  incompleteTimeoutMonths: z.number().int().positive(),
  termYears: z.number().int().positive(),
  processingTargetBusinessDays: z.object({ online: z.number().int().positive(), mail: z.number().int().positive() }),
  militaryUpkeep: z.object({ generalHours: hours, militaryHours: hours }),
});
export type CertificationPolicy = z.infer<typeof certificationPolicySchema>;

export type CertificationPolicyStore = PolicyStore<typeof certificationPolicySchema>;
export const certificationPolicyStore = (dataSource: DataSource): CertificationPolicyStore => new PolicyStore(dataSource, certificationPolicySchema);

/** North Carolina's values today (18 months "lived experience in recovery"). */
export const NC_CERTIFICATION_POLICY: CertificationPolicy = {
  recoveryMonths: 18,
  coreCourse: { faceToFaceHours: 40, newCourseTotalHours: 50, certificateValidYears: 2 },
  additionalHours: 20,
  childFamilyMaxHours: 8,
  initialEthicsTrainingRequired: true,
  recertificationHours: 20,
  recertificationEthicsHours: 3,
  feesCents: { application: 2000, recertification: 2000, late: 2000 },
  lateWindowDays: 30,
  reminderOffsetsDays: [90, 60],
  incompleteTimeoutMonths: 6,
  termYears: 2,
  processingTargetBusinessDays: { online: 5, mail: 10 },
  militaryUpkeep: { generalHours: 12, militaryHours: 8 },
};

/** The older rules: 12 months of recovery, no ethics training required among the additional hours. */
export const NC_CERTIFICATION_POLICY_2013: CertificationPolicy = {
  ...NC_CERTIFICATION_POLICY,
  recoveryMonths: 12,
  initialEthicsTrainingRequired: false,
};

// The sources give the two recovery rules but not the days they took effect: 2013-01-01 and
// 2023-07-01 are assumptions; staff can add versions with the exact dates.
export const NC_CERTIFICATION_POLICY_SEED: { effectiveFrom: string; values: CertificationPolicy; note: string }[] = [
  { effectiveFrom: '2013-01-01', values: NC_CERTIFICATION_POLICY_2013, note: 'Earlier NC rules: 12 months of recovery (effective date assumed)' },
  { effectiveFrom: '2023-07-01', values: NC_CERTIFICATION_POLICY, note: 'Current NC rules: 18 months of lived experience in recovery (effective date assumed)' },
];
