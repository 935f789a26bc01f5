// The NC training standards: 9 domains (2007 role delineation study, updated 2012; DOMAIN.md).
// The domain names are the program's. The core concept wording below is a PLACEHOLDER written for
// this platform until the program's published list of core concepts is loaded as a new version.
export const NC_STANDARDS_2012 = {
  version: '2012',
  effectiveFrom: '2012-01-01',
  note: 'Role delineation study 2007, updated 2012 (core concept wording is a placeholder)',
  domains: [
    { number: 1, name: 'Commitment to Personal Recovery', concepts: ['Uses personal recovery story purposefully', 'Maintains own wellness and recovery plan', 'Recognizes signs of own relapse and seeks support'] },
    { number: 2, name: 'Relationship Building', concepts: ['Establishes mutual, trusting relationships', 'Practices active listening', 'Conveys hope and respect'] },
    { number: 3, name: 'Peer Support Interaction', concepts: ['Supports self-determination and choice', 'Assists with recovery goal setting (e.g. WRAP)', 'Uses strengths-based language'] },
    { number: 4, name: 'Systems Competencies', concepts: ['Navigates the NC public mental health and substance use system', 'Connects people with community resources', 'Documents services as required'] },
    { number: 5, name: 'Ethics and Boundaries', concepts: ['Applies the NC CPSS Code of Ethics', 'Maintains professional boundaries and avoids dual relationships', 'Protects confidentiality'] },
    { number: 6, name: 'Substance Use Disorders', concepts: ['Understands multiple pathways of recovery', 'Applies harm-reduction principles', 'Recognizes co-occurring disorders'] },
    { number: 7, name: 'Trauma-Informed Practice', concepts: ['Understands the effects of trauma', 'Avoids re-traumatization', 'Supports safety and empowerment'] },
    { number: 8, name: 'Support of Service Members and Families', concepts: ['Understands military culture', 'Knows resources for service members, veterans and families'] },
    { number: 9, name: 'Cultural Competencies and Awareness', concepts: ['Recognizes own cultural assumptions', 'Honors the culture, language and identity of people served', 'Addresses stigma and discrimination'] },
  ],
} as const;
