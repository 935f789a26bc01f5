// Imports of CSV files into the training domain (admins, from the UI or `npm run import`): courses,
// trainers with their course registrations, training completions (import-training.ts). The run's
// bookkeeping (import_run, RUNNING then DONE / REJECTED / FAILED, interrupted runs, the input's
// checks) is server-kit's ImportRunService; the people rows name by certification number are
// asked of certification (CertificationHolders: the gateway, or the import command's own reads).
import { graphqlEnum, ImportRunService, type Clock, type ImportRequest as KitImportRequest, type Logger } from '@cpss/server-kit';
import type { DataSource } from 'typeorm';
import type { TrainingPolicyStore } from '../policy/training-policy';
import type { CertificationHolders } from './certification-holders';
import type { CourseService } from './course.service';
import { coursesKind, trainersKind, trainingCompletionsKind } from './import-training';

export const TrainingImportKind = { Courses: 'COURSES', Trainers: 'TRAINERS', TrainingCompletions: 'TRAINING_COMPLETIONS' } as const;
export type TrainingImportKind = (typeof TrainingImportKind)[keyof typeof TrainingImportKind];
export const TrainingImportKindEnum = graphqlEnum(TrainingImportKind, 'TrainingImportKind', 'What a training import file holds');
export type TrainingImportRequest = KitImportRequest<TrainingImportKind>;

export class TrainingImportService extends ImportRunService<TrainingImportKind> {
  constructor(dataSource: DataSource, policy: TrainingPolicyStore, courses: Pick<CourseService, 'hoursProblems'>, holders: CertificationHolders, clock: Clock, logger?: Logger) {
    super(dataSource, {
      kinds: Object.values(TrainingImportKind),
      operation: 'startTrainingImport',
      logger,
      async prepare(run, request) {
        const today = clock.today();
        const actor = request.startedBy;
        switch (request.kind) {
          case 'COURSES': {
            const { values } = await policy.inForceOn(today);
            return { kind: coursesKind({ today, core: values.coreCourseHours, courses, actor, importRunId: run.id }) };
          }
          case 'TRAINERS':
            return { kind: trainersKind({ today, holders, actor, requestId: request.requestId }) };
          case 'TRAINING_COMPLETIONS':
            return { kind: trainingCompletionsKind({ today, holders, actor, requestId: request.requestId }) };
        }
      },
    });
  }
}
