import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { Role } from '@cpss/domain';
import { errorCodes } from '@cpss/testkit';
import type { DataSource } from 'typeorm';
import { dev } from './course-fixtures';
import { as, gql, type App } from './harness';

export const TODAY = '2026-11-23';
export const trainer = (personId: string) => as([Role.Trainer, Role.Applicant], personId, `trainer-${personId}`);
export const participant = (personId: string) => as([Role.Applicant], personId, `person-${personId}`);

/** A person with a training-of-trainers completion on their record. */
export async function totTrainedPerson(ds: DataSource): Promise<string> {
  const id = randomUUID();
  await ds.query(`insert into training_completion (person_id, course_title, kind, hours, completed_on) values ($1, 'Training of Trainers', 'TRAINING_OF_TRAINERS', 24, '2025-01-10')`, [id]);
  return id;
}

export async function registerTrainer(app: App, courseId: string, personId: string, owner = 'dev-1') {
  const res = await gql(app, `mutation($input: RegisterCourseTrainerInput!) { registerCourseTrainer(input: $input) { id } }`, { input: { courseId, personId } }, await dev(owner));
  expect(errorCodes(res)).toEqual([]);
}

export const SCHEDULE = `mutation($input: ScheduleTrainingSessionInput!) { scheduleTrainingSession(input: $input) { id status capacity firstDay lastDay version } }`;

export const WEEK = (start: number, month = '2027-01') => [0, 1, 2, 3, 4].map((i) => ({ date: `${month}-${String(start + i).padStart(2, '0')}`, hours: 8 }));

export function plan(courseId: string, over: Record<string, unknown> = {}) {
  return { courseId, delivery: 'IN_PERSON', address: '100 Main St, Raleigh', county: 'Wake', registrationOpensOn: '2026-11-01', registrationClosesOn: '2027-01-05', days: WEEK(11), ...over };
}

export async function schedule(app: App, trainerId: string, input: Record<string, unknown>) {
  const res = await gql(app, SCHEDULE, { input }, await trainer(trainerId));
  expect(errorCodes(res)).toEqual([]);
  return res.body.data!['scheduleTrainingSession'] as { id: string; capacity: number; version: number };
}

export const REGISTER = `mutation($input: RegisterForTrainingSessionInput!) { registerForTrainingSession(input: $input) { id status personId waitlistPosition } }`;
export const WITHDRAW = `mutation($input: WithdrawFromTrainingSessionInput!) { withdrawFromTrainingSession(input: $input) { id status } }`;
