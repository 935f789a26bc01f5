// The training program's numbers (DOMAIN.md "(policy)"): submission windows and pauses, the fee,
// review target, course recertification, class cap, core course hours and upload size. Stored as
// effective-dated versions; a case is judged by the version in force on its submission date.
import { PolicyStore } from '@cpss/server-kit';
import type { DataSource } from 'typeorm';
import { z } from 'zod';

const monthDay = z.object({ month: z.number().int().min(1).max(12), day: z.number().int().min(1).max(31) });

export const trainingPolicySchema = z
  .object({
    /** Yearly windows in which new course submissions are accepted (inclusive month/day ranges). */
    submissionWindows: z.array(z.object({ from: monthDay, to: monthDay })).min(1),
    /** The program stops taking new submissions while this is true (it did in 2019 and 2024). */
    submissionsPaused: z.boolean(),
    submissionFeeUsd: z.number().nonnegative(),
    reviewTargetBusinessDays: z.object({ min: z.number().int().positive(), max: z.number().int().positive() }),
    /** Resubmissions after technical assistance before a failed review ends in denial. */
    resubmissionsAllowed: z.number().int().min(0),
    courseRecertificationYears: z.number().int().positive(),
    /** How long before an approved course's term ends its owner is told to submit it for recertification. */
    courseRecertificationNoticeMonths: z.number().int().positive().default(6),
    defaultClassCapacity: z.number().int().positive(),
    coreCourseHours: z.object({ faceToFace: z.number().positive(), preWork: z.number().min(0) }),
    maxUploadBytes: z.number().int().positive(),
  })
  .refine((p) => p.reviewTargetBusinessDays.min <= p.reviewTargetBusinessDays.max, {
    path: ['reviewTargetBusinessDays', 'max'],
    message: 'must not be less than min',
  });
export type TrainingPolicy = z.infer<typeof trainingPolicySchema>;

export type TrainingPolicyStore = PolicyStore<typeof trainingPolicySchema>;
export const trainingPolicyStore = (dataSource: DataSource): TrainingPolicyStore => new PolicyStore(dataSource, trainingPolicySchema);

/** North Carolina's values today. */
export const NC_TRAINING_POLICY: TrainingPolicy = {
  submissionWindows: [
    { from: { month: 4, day: 1 }, to: { month: 4, day: 7 } },
    { from: { month: 10, day: 1 }, to: { month: 10, day: 7 } },
  ],
  submissionsPaused: false,
  submissionFeeUsd: 800,
  reviewTargetBusinessDays: { min: 60, max: 90 },
  resubmissionsAllowed: 1,
  courseRecertificationYears: 5,
  // An assumption: the sources say owners get a notice, not how early.
  courseRecertificationNoticeMonths: 6,
  defaultClassCapacity: 20,
  coreCourseHours: { faceToFace: 40, preWork: 10 },
  maxUploadBytes: 10 * 1024 * 1024,
};

// The program paused new submissions in 2019 and in 2024; the sources give the years, not the
// days, so the pauses are seeded as whole calendar years (staff can add exact versions).
export const NC_TRAINING_POLICY_SEED: { effectiveFrom: string; values: TrainingPolicy; note: string }[] = [
  { effectiveFrom: '2012-01-01', values: NC_TRAINING_POLICY, note: 'NC policy (submission windows April 1-7 and October 1-7)' },
  { effectiveFrom: '2019-01-01', values: { ...NC_TRAINING_POLICY, submissionsPaused: true }, note: 'New course submissions paused (2019)' },
  { effectiveFrom: '2020-01-01', values: NC_TRAINING_POLICY, note: 'New course submissions resumed' },
  { effectiveFrom: '2024-01-01', values: { ...NC_TRAINING_POLICY, submissionsPaused: true }, note: 'New course submissions paused (2024)' },
  { effectiveFrom: '2025-01-01', values: NC_TRAINING_POLICY, note: 'New course submissions resumed' },
];

/** True when `date` (YYYY-MM-DD) falls inside one of the yearly windows. */
export function inSubmissionWindow(policy: TrainingPolicy, date: string): boolean {
  const md = Number(date.slice(5, 7)) * 100 + Number(date.slice(8, 10));
  return policy.submissionWindows.some((w) => {
    const from = w.from.month * 100 + w.from.day;
    const to = w.to.month * 100 + w.to.day;
    return from <= to ? md >= from && md <= to : md >= from || md <= to;
  });
}
