import type { RequestContext } from '@cpss/server-kit';
import type { PersonService } from '../services/person.service';
import { personLoader } from './person.resolver';

export function personReference(people: PersonService) {
  return (ref: { id: string }, ctx: RequestContext) => personLoader(ctx, people).load(ref.id);
}
