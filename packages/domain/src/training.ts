// Course kinds of DOMAIN.md "Training: courses and curriculum approval".
export const CourseKind = {
  CorePss: 'CORE_PSS',
  EthicsAndBoundaries: 'ETHICS_AND_BOUNDARIES',
  Elective: 'ELECTIVE',
  Designation: 'DESIGNATION',
  TrainingOfTrainers: 'TRAINING_OF_TRAINERS',
  Supervisor: 'SUPERVISOR',
} as const;
export type CourseKind = (typeof CourseKind)[keyof typeof CourseKind];
export const COURSE_KINDS: readonly CourseKind[] = Object.values(CourseKind);
