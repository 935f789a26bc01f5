// Demo certifications and applications for `npm start` on an empty database, on the DEMO_PEOPLE
// ids shared by every subgraph: two active trainers, a CPSS due for renewal (veteran), a lapsed one,
// and applications in several states for the reviewer's queue.
import { DEMO_ACCOUNTS, DEMO_PEOPLE } from '@cpss/domain';
import { recordStatusChange, type Logger } from '@cpss/server-kit';
import type { DataSource } from 'typeorm';
import { Application, ApplicationReference, TrainingLogEntry } from '../entities/application';
import { Certification, CertificationDesignation, Fee } from '../entities/certification';
import { Person } from '../entities/person';
import { certificationPolicyStore } from '../policy/certification-policy';

const [alicia, ben, carmen, dwayne, , frank, grace, harold] = DEMO_PEOPLE as unknown as { id: string }[];

export async function seedDemoCertification(dataSource: DataSource, logger: Logger): Promise<void> {
  await dataSource.transaction(async (tx) => {
    if ((await tx.getRepository(Certification).count()) > 0 || (await tx.getRepository(Application).count()) > 0) return;
    const policy = await certificationPolicyStore(dataSource).inForceOn('2026-11-18', tx);
    // The demo sign-in accounts linked to people (their ids are fixed in @cpss/domain).
    for (const account of DEMO_ACCOUNTS) if (account.personId) await tx.getRepository(Person).update({ id: account.personId }, { accountId: account.id });

    await tx.getRepository(Person).update({ id: alicia!.id }, { phone: '919-555-0101', addressLine1: '214 Glenwood Ave', addressCity: 'Raleigh', addressState: 'NC', addressPostalCode: '27603', raceEthnicity: ['BLACK_AFRICAN_AMERICAN'], gender: 'WOMAN', veteranStatus: 'NOT_A_VETERAN' });
    await tx.getRepository(Person).update({ id: dwayne!.id }, { phone: '910-555-0144', raceEthnicity: ['AMERICAN_INDIAN_ALASKA_NATIVE'], gender: 'MAN', veteranStatus: 'VETERAN' });

    const certs = tx.getRepository(Certification);
    await certs.insert([
      { number: 'NC-CPSS-000101', personId: ben!.id, issuedOn: '2021-06-01', lastCertifiedOn: '2025-06-10', dueOn: '2027-06-30' },
      { number: 'NC-CPSS-000102', personId: dwayne!.id, issuedOn: '2022-12-05', lastCertifiedOn: '2024-12-05', dueOn: '2026-12-31' },
      { number: 'NC-CPSS-000103', personId: harold!.id, issuedOn: '2020-05-12', lastCertifiedOn: '2022-05-12', dueOn: '2024-05-31' },
      // The second trainer: a trainer must hold a certification in good standing to teach.
      { number: 'NC-CPSS-000104', personId: frank!.id, issuedOn: '2019-08-20', lastCertifiedOn: '2025-08-14', dueOn: '2027-08-31' },
    ]);
    const dwayneCert = await certs.findOneByOrFail({ number: 'NC-CPSS-000102' });
    await tx.getRepository(CertificationDesignation).insert({ certificationId: dwayneCert.id, designation: 'VETERAN_SERVICE_MEMBER', grantedOn: '2022-12-05' });

    const apps = tx.getRepository(Application);
    const base = { kind: 'INITIAL' as const, channel: 'ONLINE' as const, createdBy: 'demo-seed', consumerOfServices: true, codeOfEthicsVersion: '2019', statementOwnWork: true, missingItems: [] as string[], decisionReasons: [] as string[] };
    const submitted = await apps.save(
      apps.create({
        ...base,
        personId: alicia!.id,
        status: 'SUBMITTED',
        submittedOn: '2026-11-18',
        queuedOn: '2026-11-18',
        policyVersionId: policy.version.id,
        codeOfEthicsSignedOn: '2025-11-20',
        recoveryStartDate: '2021-08-01',
        recoveryStatement: 'Demo recovery statement (fictional).',
        educationProofKind: 'HIGH_SCHOOL_DIPLOMA',
        coreCourseTitle: 'NC Peer Support Specialist Training',
        coreCourseCompletedOn: '2025-09-19',
        coreCourseHours: 40,
      }),
    );
    await tx.getRepository(TrainingLogEntry).insert([
      { applicationId: submitted.id, position: 0, topic: 'Ethics and Peer Support Boundaries', hours: 3, completedOn: '2025-10-02', childFamily: false, ethics: true, militarySpecific: false },
      { applicationId: submitted.id, position: 1, topic: 'WRAP Seminar I', hours: 16, completedOn: '2025-11-14', childFamily: false, ethics: false, militarySpecific: false },
      { applicationId: submitted.id, position: 2, topic: 'Person Centered Thinking', hours: 6, completedOn: '2026-02-20', childFamily: false, ethics: false, militarySpecific: false },
    ]);
    await tx.getRepository(ApplicationReference).insert([
      { applicationId: submitted.id, position: 0, name: 'Renee Carter', relation: 'Former supervisor', yearsKnown: 4, knowsAboutRecovery: false },
      { applicationId: submitted.id, position: 1, name: 'Marcus Hill', relation: 'Peer mentor', yearsKnown: 2, knowsAboutRecovery: true },
    ]);
    await tx.getRepository(Fee).insert({ applicationId: submitted.id, kind: 'APPLICATION', amountCents: policy.values.feesCents.application, status: 'DUE' });

    const draft = await apps.save(apps.create({ ...base, personId: carmen!.id, status: 'DRAFT', consumerOfServices: null, codeOfEthicsVersion: null, statementOwnWork: false }));
    const incomplete = await apps.save(
      apps.create({ ...base, personId: grace!.id, status: 'INCOMPLETE', submittedOn: '2026-10-01', queuedOn: '2026-10-01', incompleteSince: '2026-10-09', policyVersionId: policy.version.id, missingItems: ['Proof of high school diploma or equivalent', 'Second Personal Reference Form'], recoveryStartDate: '2022-01-15', recoveryStatement: 'Demo recovery statement (fictional).' }),
    );
    await tx.getRepository(Fee).insert({ applicationId: incomplete.id, kind: 'APPLICATION', amountCents: policy.values.feesCents.application, status: 'PAID', method: 'MONEY_ORDER', referenceNumber: 'MO-448120', paidOn: '2026-10-03', recordedBy: 'demo-seed' });

    for (const [app, steps] of [
      [submitted, [['DRAFT', null], ['SUBMITTED', 'DRAFT']]],
      [draft, [['DRAFT', null]]],
      [incomplete, [['DRAFT', null], ['SUBMITTED', 'DRAFT'], ['INCOMPLETE', 'SUBMITTED']]],
    ] as const) {
      for (const [to, from] of steps) await recordStatusChange(tx, { subjectType: 'Application', subjectId: app.id, from, to, actor: 'demo-seed', reason: 'demo data' });
    }
    logger.info({ certifications: 3, applications: 3 }, 'seeded demo certifications and applications');
  });
}
