// The training subgraph's scheduled work on its own pg-boss queue: the daily course run (expiry and
// recertification notices to owners).
import { startJobQueue, type Clock, type Logger } from '@cpss/server-kit';
import type { DataSource } from 'typeorm';
import { trainingPolicyStore } from './policy/training-policy';
import { COURSE_EXPIRY_QUEUE, expireCourses, noticeCourseRecertifications } from './services/course-expiry.service';

export async function startTrainingBackground(deps: { dataSource: DataSource; logger: Logger; databaseUrl: string; clock: Clock }): Promise<() => Promise<void>> {
  const boss = await startJobQueue({ url: deps.databaseUrl, schema: 'training_jobs', logger: deps.logger });
  await boss.createQueue(COURSE_EXPIRY_QUEUE);
  // Shortly after midnight in North Carolina, so a course expires the day after its date.
  await boss.schedule(COURSE_EXPIRY_QUEUE, '10 0 * * *', {}, { tz: 'America/New_York' });
  await boss.work(COURSE_EXPIRY_QUEUE, async () => {
    await expireCourses(deps.dataSource, deps.clock, deps.logger);
    await noticeCourseRecertifications(deps.dataSource, trainingPolicyStore(deps.dataSource), deps.clock, deps.logger);
  });
  return () => boss.stop({ graceful: true });
}
