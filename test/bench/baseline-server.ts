// The raw-SQL baseline: the person-view question answered with hand-written SQL over `pg` in one
// Node process, no GraphQL. "20 people ordered by legal name, each with total and ethics training
// hours (completions that count toward certification) and open complaint count": three statements,
// one per domain, like the three subgraphs. What the platform costs above this is the price of the
// gateway hop, entity resolution and GraphQL.
//
//   DATABASE_URL=postgres://... PORT=4900 node --import tsx test/bench/baseline-server.ts
//   GET /people?first=20   → { people: [{ id, legalName, trainingHours, ethicsTrainingHours, openComplaintCount }] }
import { createServer } from 'node:http';
import { Pool } from 'pg';

/** The same rule as the training subgraph's COUNTS_SQL: a program course counts only inside its approval term. */
const COUNTS = `(t.course_id is null or (c.approved_on is not null and t.completed_on >= c.approved_on and (c.expires_on is null or t.completed_on <= c.expires_on)))`;

export const BASELINE_SQL = {
  people: `select id::text as id, legal_name as "legalName" from certification.person order by legal_name, id limit $1`,
  hours: `select t.person_id::text as id,
                 coalesce(sum(t.hours) filter (where ${COUNTS}), 0)::float8 as hours,
                 coalesce(sum(t.hours) filter (where ${COUNTS} and t.kind = 'ETHICS_AND_BOUNDARIES'), 0)::float8 as ethics
          from training.training_completion t left join training.course c on c.id = t.course_id
          where t.person_id = any($1::uuid[]) group by t.person_id`,
  complaints: `select respondent_person_id::text as id, count(*)::int as n from ethics.complaint
               where status <> 'CLOSED' and respondent_person_id = any($1::uuid[]) group by respondent_person_id`,
};

export interface BaselinePerson {
  id: string;
  legalName: string;
  trainingHours: number;
  ethicsTrainingHours: number;
  openComplaintCount: number;
}

export async function personView(pool: Pool, first: number): Promise<BaselinePerson[]> {
  const people = (await pool.query<{ id: string; legalName: string }>(BASELINE_SQL.people, [first])).rows;
  const ids = people.map((p) => p.id);
  const [hours, complaints] = await Promise.all([
    pool.query<{ id: string; hours: number; ethics: number }>(BASELINE_SQL.hours, [ids]),
    pool.query<{ id: string; n: number }>(BASELINE_SQL.complaints, [ids]),
  ]);
  const hoursOf = new Map(hours.rows.map((r) => [r.id, r]));
  const complaintsOf = new Map(complaints.rows.map((r) => [r.id, r.n]));
  return people.map((p) => ({
    id: p.id,
    legalName: p.legalName,
    trainingHours: hoursOf.get(p.id)?.hours ?? 0,
    ethicsTrainingHours: hoursOf.get(p.id)?.ethics ?? 0,
    openComplaintCount: complaintsOf.get(p.id) ?? 0,
  }));
}

function main() {
  const pool = new Pool({ connectionString: process.env['DATABASE_URL'], max: Number(process.env['POOL_SIZE'] ?? 10) });
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/health') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
      return;
    }
    if (url.pathname !== '/people') {
      res.writeHead(404).end();
      return;
    }
    const first = Math.min(Math.max(Number(url.searchParams.get('first') ?? 20) || 20, 1), 100);
    personView(pool, first).then(
      (people) => {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ people }));
      },
      (err: Error) => {
        res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ error: err.message }));
      },
    );
  });
  server.listen(Number(process.env['PORT']), process.env['HOST'] ?? '127.0.0.1', () => process.stdout.write('baseline listening\n'));
  const stop = () => server.close(() => void pool.end().then(() => process.exit(0)));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  // Ends with its parent (the bench), like the platform's services.
  process.stdin.on('end', stop);
  process.stdin.resume();
}

if (require.main === module) main();
