// The North Carolina CPSS Code of Ethics versions, as data. The program's published text is not
// in our sources: the statements below paraphrase the principles DOMAIN.md lists, and the 2013
// version (which predates the explicit boundary rules) is a reconstruction for history.
import type { EthicsPrinciple } from '@cpss/domain';

export interface CodeOfEthicsSeed {
  version: string;
  effectiveFrom: string;
  title: string;
  principles: { code: EthicsPrinciple; title: string; statement: string }[];
}

const CORE: CodeOfEthicsSeed['principles'] = [
  { code: 'OWN_RECOVERY', title: 'Attention to own recovery', statement: 'I will attend to my own recovery and wellness so that I can support others.' },
  { code: 'HONESTY', title: 'Honesty', statement: 'I will be honest in my relationships, records and dealings with the program.' },
  { code: 'MUTUAL_LEARNING', title: 'Mutual learning', statement: 'I will approach peer support as mutual learning between equals.' },
  {
    code: 'VOICE_DIGNITY_SELF_DETERMINATION',
    title: 'Voice, dignity and self-determination',
    statement: 'I will support people in using their own voice, respect their dignity and uphold their right to make their own choices.',
  },
  { code: 'HONOURING_COMMITMENTS', title: 'Honouring commitments', statement: 'I will keep the commitments I make to the people I support and to my colleagues.' },
];

const BOUNDARIES: CodeOfEthicsSeed['principles'] = [
  { code: 'NO_DUAL_RELATIONSHIPS', title: 'No dual relationships', statement: 'I will not enter into business, financial or other relationships with people I support that could exploit or harm them.' },
  { code: 'NO_SEXUAL_CONTACT', title: 'No sexual contact', statement: 'I will never have sexual or romantic contact with people I support.' },
  { code: 'CONFIDENTIALITY', title: 'Confidentiality', statement: 'I will keep what people share with me confidential, within the limits of the law and my employer’s policies.' },
  { code: 'NON_DISCRIMINATION', title: 'Non-discrimination', statement: 'I will not discriminate on the basis of race, ethnicity, religion, gender, sexual orientation, age, disability or any other status.' },
  { code: 'NO_SIGNIFICANT_GIFTS', title: 'No gifts of significant value', statement: 'I will not give or accept gifts of significant value to or from people I support.' },
  { code: 'WITHIN_SCOPE', title: 'Acting within scope', statement: 'I will act within the scope of peer support and refer people to other professionals for what lies outside it.' },
];

export const NC_CODES_OF_ETHICS: CodeOfEthicsSeed[] = [
  {
    version: '2013',
    effectiveFrom: '2013-07-01',
    title: 'NC Certified Peer Support Specialist Code of Ethics (2013)',
    principles: [...CORE, BOUNDARIES[2]!, BOUNDARIES[1]!],
  },
  {
    version: '2019',
    effectiveFrom: '2019-07-01',
    title: 'NC Certified Peer Support Specialist Code of Ethics (2019)',
    principles: [...CORE, ...BOUNDARIES],
  },
];
