// How other domains' references to training's entities resolve: one statement per kind for all the
// references of a request (the same per-request loaders the fields use).
import type { RequestContext } from '@cpss/server-kit';
import type { CourseService } from '../services/course.service';
import type { SessionService } from '../services/session.service';
import { courseLoader } from './course.resolver';

export function courseReference(courses: CourseService) {
  return (ref: { id: string }, ctx: RequestContext) => courseLoader(ctx, courses).load(ref.id);
}

export function trainingSessionReference(sessions: SessionService) {
  return (ref: { id: string }, ctx: RequestContext) => ctx.loaders.get('session.byId', sessions.byIds).load(ref.id);
}
