// Word lists for realistic rows: common US given names and surnames (most frequent first, drawn
// with falling weights), North Carolina counties weighted by population, course topics, providers
// and the words of complaints and applications. All invented people; any likeness is chance.
import { NC_COUNTIES } from '@cpss/domain';

export const FEMALE_NAMES = [
  'Mary', 'Patricia', 'Jennifer', 'Linda', 'Elizabeth', 'Barbara', 'Susan', 'Jessica', 'Sarah', 'Karen', 'Lisa', 'Nancy', 'Betty', 'Sandra',
  'Margaret', 'Ashley', 'Kimberly', 'Emily', 'Donna', 'Michelle', 'Carol', 'Amanda', 'Melissa', 'Deborah', 'Stephanie', 'Dorothy', 'Rebecca',
  'Sharon', 'Laura', 'Cynthia', 'Amy', 'Kathleen', 'Angela', 'Shirley', 'Brenda', 'Emma', 'Anna', 'Pamela', 'Nicole', 'Samantha', 'Katherine',
  'Christine', 'Debra', 'Rachel', 'Carolyn', 'Janet', 'Maria', 'Olivia', 'Heather', 'Helen', 'Catherine', 'Diane', 'Julie', 'Victoria', 'Joyce',
  'Lauren', 'Kelly', 'Christina', 'Ruth', 'Joan', 'Virginia', 'Judith', 'Evelyn', 'Hannah', 'Andrea', 'Megan', 'Cheryl', 'Jacqueline', 'Madison',
  'Teresa', 'Abigail', 'Sophia', 'Martha', 'Sara', 'Gloria', 'Janice', 'Kathryn', 'Ann', 'Isabella', 'Judy', 'Charlotte', 'Julia', 'Grace',
  'Amber', 'Alice', 'Jean', 'Denise', 'Frances', 'Danielle', 'Marilyn', 'Natalie', 'Beverly', 'Diana', 'Brittany', 'Theresa', 'Kayla', 'Alexis',
  'Doris', 'Lori', 'Tiffany', 'Keisha', 'Latoya', 'Tamika', 'Yolanda', 'Rosa', 'Guadalupe', 'Carmen', 'Ana', 'Mei', 'Linh', 'Aisha', 'Imani',
  'Destiny', 'Jasmine', 'Crystal', 'Monique', 'Shanice', 'Lakisha', 'Ebony', 'Tonya', 'Wanda', 'Renee', 'Dana', 'Tara', 'Erica', 'April',
];

export const MALE_NAMES = [
  'James', 'Robert', 'John', 'Michael', 'David', 'William', 'Richard', 'Joseph', 'Thomas', 'Christopher', 'Charles', 'Daniel', 'Matthew',
  'Anthony', 'Mark', 'Donald', 'Steven', 'Andrew', 'Paul', 'Joshua', 'Kenneth', 'Kevin', 'Brian', 'Timothy', 'Ronald', 'George', 'Jason',
  'Edward', 'Jeffrey', 'Ryan', 'Jacob', 'Nicholas', 'Gary', 'Eric', 'Jonathan', 'Stephen', 'Larry', 'Justin', 'Scott', 'Brandon', 'Benjamin',
  'Samuel', 'Gregory', 'Alexander', 'Patrick', 'Frank', 'Raymond', 'Jack', 'Dennis', 'Jerry', 'Tyler', 'Aaron', 'Jose', 'Adam', 'Nathan',
  'Henry', 'Zachary', 'Douglas', 'Peter', 'Kyle', 'Noah', 'Ethan', 'Jeremy', 'Christian', 'Walter', 'Keith', 'Austin', 'Roger', 'Terry',
  'Sean', 'Gerald', 'Carl', 'Dylan', 'Harold', 'Jordan', 'Jesse', 'Bryan', 'Lawrence', 'Arthur', 'Gabriel', 'Bruce', 'Logan', 'Billy', 'Joe',
  'Alan', 'Juan', 'Elijah', 'Willie', 'Albert', 'Wayne', 'Randy', 'Mason', 'Vincent', 'Liam', 'Roy', 'Bobby', 'Caleb', 'Bradley', 'Russell',
  'Marcus', 'Darnell', 'Jamal', 'Terrence', 'Tyrone', 'DeShawn', 'Andre', 'Luis', 'Carlos', 'Miguel', 'Jesus', 'Minh', 'Wei', 'Omar',
  'Hector', 'Cedric', 'Reginald', 'Curtis', 'Travis', 'Dale', 'Rodney', 'Shawn', 'Lonnie', 'Clarence', 'Derrick', 'Corey', 'Victor',
];

export const SURNAMES = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez', 'Hernandez', 'Lopez', 'Gonzalez',
  'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin', 'Lee', 'Perez', 'Thompson', 'White', 'Harris', 'Sanchez', 'Clark',
  'Ramirez', 'Lewis', 'Robinson', 'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott', 'Torres', 'Nguyen', 'Hill', 'Flores', 'Green',
  'Adams', 'Nelson', 'Baker', 'Hall', 'Rivera', 'Campbell', 'Mitchell', 'Carter', 'Roberts', 'Gomez', 'Phillips', 'Evans', 'Turner', 'Diaz',
  'Parker', 'Cruz', 'Edwards', 'Collins', 'Reyes', 'Stewart', 'Morris', 'Morales', 'Murphy', 'Cook', 'Rogers', 'Gutierrez', 'Ortiz', 'Morgan',
  'Cooper', 'Peterson', 'Bailey', 'Reed', 'Kelly', 'Howard', 'Ramos', 'Kim', 'Cox', 'Ward', 'Richardson', 'Watson', 'Brooks', 'Chavez', 'Wood',
  'James', 'Bennett', 'Gray', 'Mendoza', 'Ruiz', 'Hughes', 'Price', 'Alvarez', 'Castillo', 'Sanders', 'Patel', 'Myers', 'Long', 'Ross', 'Foster',
  'Jimenez', 'Powell', 'Jenkins', 'Perry', 'Russell', 'Sullivan', 'Bell', 'Coleman', 'Butler', 'Henderson', 'Barnes', 'Gonzales', 'Fisher',
  'Vasquez', 'Simmons', 'Romero', 'Jordan', 'Patterson', 'Alexander', 'Hamilton', 'Graham', 'Reynolds', 'Griffin', 'Wallace', 'Moreno', 'West',
  'Cole', 'Hayes', 'Bryant', 'Herrera', 'Gibson', 'Ellis', 'Tran', 'Medina', 'Aguilar', 'Stevens', 'Murray', 'Ford', 'Castro', 'Marshall',
  'Owens', 'Harrison', 'Fernandez', 'McDonald', 'Woods', 'Washington', 'Kennedy', 'Wells', 'Vargas', 'Henry', 'Chen', 'Freeman', 'Webb',
  'Tucker', 'Guzman', 'Burns', 'Crawford', 'Olson', 'Simpson', 'Porter', 'Hunter', 'Gordon', 'Mendez', 'Silva', 'Shaw', 'Snyder', 'Mason',
  'Dixon', 'Munoz', 'Hunt', 'Hicks', 'Holmes', 'Palmer', 'Wagner', 'Black', 'Robertson', 'Boyd', 'Rose', 'Stone', 'Salazar', 'Fox', 'Warren',
  'Mills', 'Meyer', 'Rice', 'Schmidt', 'Garza', 'Daniels', 'Ferguson', 'Nichols', 'Stephens', 'Soto', 'Weaver', 'Ryan', 'Gardner', 'Payne',
  'Grant', 'Dunn', 'Kelley', 'Spencer', 'Hawkins', 'Arnold', 'Pierce', 'Vazquez', 'Hansen', 'Peters', 'Santos', 'Hart', 'Bradley', 'Knight',
  'Locklear', 'Oxendine', 'Chavis', 'Jacobs', 'Hunt', 'Lowery', 'Blue', 'McNeill', 'McLean', 'McMillan', 'Faircloth', 'Pridgen', 'Honeycutt',
  'Whitley', 'Pope', 'Tart', 'Strickland', 'Barefoot', 'Godwin', 'Hinton', 'Batts', 'Bullock', 'Staton', 'Outlaw', 'Sutton', 'Lassiter',
];

export const NICKNAMES: Record<string, string> = {
  Elizabeth: 'Liz', Patricia: 'Pat', Jennifer: 'Jen', Katherine: 'Kate', Kathleen: 'Kathy', Margaret: 'Maggie', Rebecca: 'Becky', Deborah: 'Deb',
  Victoria: 'Tori', Samantha: 'Sam', Christine: 'Chris', Jacqueline: 'Jackie', Abigail: 'Abby', Alexis: 'Lexi', Robert: 'Bob', William: 'Bill',
  Richard: 'Rick', Joseph: 'Joe', Thomas: 'Tom', Christopher: 'Chris', Charles: 'Chuck', Daniel: 'Dan', Matthew: 'Matt', Anthony: 'Tony',
  Michael: 'Mike', Steven: 'Steve', Andrew: 'Andy', Joshua: 'Josh', Kenneth: 'Ken', Timothy: 'Tim', Ronald: 'Ron', Edward: 'Ed', Jeffrey: 'Jeff',
  Nicholas: 'Nick', Jonathan: 'Jon', Benjamin: 'Ben', Samuel: 'Sam', Gregory: 'Greg', Alexander: 'Alex', Patrick: 'Pat', Zachary: 'Zach',
  Douglas: 'Doug', Lawrence: 'Larry', Bradley: 'Brad', Reginald: 'Reggie', Terrence: 'Terry', Frances: 'Fran', Theresa: 'Terri', James: 'Jim',
};

/** Approximate populations (thousands) of the larger counties; the rest weigh 35. */
const COUNTY_POPULATION: Record<string, number> = {
  Wake: 1175, Mecklenburg: 1160, Guilford: 545, Forsyth: 390, Cumberland: 335, Durham: 330, Buncombe: 272, Union: 250, 'New Hanover': 235,
  Johnston: 230, Cabarrus: 235, Gaston: 235, Onslow: 205, Pitt: 172, Iredell: 195, Davidson: 170, Alamance: 175, Rowan: 148, Catawba: 163,
  Brunswick: 153, Robeson: 116, Orange: 150, Harnett: 137, Wayne: 117, Henderson: 118, Randolph: 145, Moore: 104, Craven: 101, Cleveland: 100,
  Nash: 95, Lincoln: 92, Rockingham: 92, Burke: 88, Caldwell: 80, Chatham: 79, Wilson: 78, Surry: 71, Franklin: 72, Carteret: 69, Lee: 65,
  Wilkes: 66, Rutherford: 65, Stanly: 63, Haywood: 63, Granville: 61, Columbus: 50, Lenoir: 55, Watauga: 55, Sampson: 59, Edgecombe: 48,
};

export const COUNTY_WEIGHTS: [string, number][] = NC_COUNTIES.map((c) => [c, COUNTY_POPULATION[c] ?? 35]);

/** A town in each county (the county seat or its largest town) and the first three digits of its ZIP codes. */
export const COUNTY_TOWNS: Record<string, { town: string; zip: string }> = {
  Alamance: { town: 'Burlington', zip: '272' },
  Alexander: { town: 'Taylorsville', zip: '286' },
  Alleghany: { town: 'Sparta', zip: '286' },
  Anson: { town: 'Wadesboro', zip: '281' },
  Ashe: { town: 'Jefferson', zip: '286' },
  Avery: { town: 'Newland', zip: '286' },
  Beaufort: { town: 'Washington', zip: '278' },
  Bertie: { town: 'Windsor', zip: '279' },
  Bladen: { town: 'Elizabethtown', zip: '283' },
  Brunswick: { town: 'Bolivia', zip: '284' },
  Buncombe: { town: 'Asheville', zip: '288' },
  Burke: { town: 'Morganton', zip: '286' },
  Cabarrus: { town: 'Concord', zip: '280' },
  Caldwell: { town: 'Lenoir', zip: '286' },
  Camden: { town: 'Camden', zip: '279' },
  Carteret: { town: 'Beaufort', zip: '285' },
  Caswell: { town: 'Yanceyville', zip: '272' },
  Catawba: { town: 'Hickory', zip: '286' },
  Chatham: { town: 'Pittsboro', zip: '273' },
  Cherokee: { town: 'Murphy', zip: '289' },
  Chowan: { town: 'Edenton', zip: '279' },
  Clay: { town: 'Hayesville', zip: '289' },
  Cleveland: { town: 'Shelby', zip: '281' },
  Columbus: { town: 'Whiteville', zip: '284' },
  Craven: { town: 'New Bern', zip: '285' },
  Cumberland: { town: 'Fayetteville', zip: '283' },
  Currituck: { town: 'Currituck', zip: '279' },
  Dare: { town: 'Manteo', zip: '279' },
  Davidson: { town: 'Lexington', zip: '272' },
  Davie: { town: 'Mocksville', zip: '270' },
  Duplin: { town: 'Kenansville', zip: '283' },
  Durham: { town: 'Durham', zip: '277' },
  Edgecombe: { town: 'Tarboro', zip: '278' },
  Forsyth: { town: 'Winston-Salem', zip: '271' },
  Franklin: { town: 'Louisburg', zip: '275' },
  Gaston: { town: 'Gastonia', zip: '280' },
  Gates: { town: 'Gatesville', zip: '279' },
  Graham: { town: 'Robbinsville', zip: '287' },
  Granville: { town: 'Oxford', zip: '275' },
  Greene: { town: 'Snow Hill', zip: '285' },
  Guilford: { town: 'Greensboro', zip: '274' },
  Halifax: { town: 'Roanoke Rapids', zip: '278' },
  Harnett: { town: 'Lillington', zip: '275' },
  Haywood: { town: 'Waynesville', zip: '287' },
  Henderson: { town: 'Hendersonville', zip: '287' },
  Hertford: { town: 'Winton', zip: '279' },
  Hoke: { town: 'Raeford', zip: '283' },
  Hyde: { town: 'Swan Quarter', zip: '278' },
  Iredell: { town: 'Statesville', zip: '286' },
  Jackson: { town: 'Sylva', zip: '287' },
  Johnston: { town: 'Smithfield', zip: '275' },
  Jones: { town: 'Trenton', zip: '285' },
  Lee: { town: 'Sanford', zip: '273' },
  Lenoir: { town: 'Kinston', zip: '285' },
  Lincoln: { town: 'Lincolnton', zip: '280' },
  McDowell: { town: 'Marion', zip: '287' },
  Macon: { town: 'Franklin', zip: '287' },
  Madison: { town: 'Marshall', zip: '287' },
  Martin: { town: 'Williamston', zip: '278' },
  Mecklenburg: { town: 'Charlotte', zip: '282' },
  Mitchell: { town: 'Bakersville', zip: '287' },
  Montgomery: { town: 'Troy', zip: '273' },
  Moore: { town: 'Carthage', zip: '283' },
  Nash: { town: 'Rocky Mount', zip: '278' },
  'New Hanover': { town: 'Wilmington', zip: '284' },
  Northampton: { town: 'Jackson', zip: '278' },
  Onslow: { town: 'Jacksonville', zip: '285' },
  Orange: { town: 'Chapel Hill', zip: '275' },
  Pamlico: { town: 'Bayboro', zip: '285' },
  Pasquotank: { town: 'Elizabeth City', zip: '279' },
  Pender: { town: 'Burgaw', zip: '284' },
  Perquimans: { town: 'Hertford', zip: '279' },
  Person: { town: 'Roxboro', zip: '275' },
  Pitt: { town: 'Greenville', zip: '278' },
  Polk: { town: 'Columbus', zip: '287' },
  Randolph: { town: 'Asheboro', zip: '272' },
  Richmond: { town: 'Rockingham', zip: '283' },
  Robeson: { town: 'Lumberton', zip: '283' },
  Rockingham: { town: 'Reidsville', zip: '273' },
  Rowan: { town: 'Salisbury', zip: '281' },
  Rutherford: { town: 'Rutherfordton', zip: '281' },
  Sampson: { town: 'Clinton', zip: '283' },
  Scotland: { town: 'Laurinburg', zip: '283' },
  Stanly: { town: 'Albemarle', zip: '280' },
  Stokes: { town: 'Danbury', zip: '270' },
  Surry: { town: 'Mount Airy', zip: '270' },
  Swain: { town: 'Bryson City', zip: '287' },
  Transylvania: { town: 'Brevard', zip: '287' },
  Tyrrell: { town: 'Columbia', zip: '279' },
  Union: { town: 'Monroe', zip: '281' },
  Vance: { town: 'Henderson', zip: '275' },
  Wake: { town: 'Raleigh', zip: '276' },
  Warren: { town: 'Warrenton', zip: '275' },
  Washington: { town: 'Plymouth', zip: '279' },
  Watauga: { town: 'Boone', zip: '286' },
  Wayne: { town: 'Goldsboro', zip: '275' },
  Wilkes: { town: 'Wilkesboro', zip: '286' },
  Wilson: { town: 'Wilson', zip: '278' },
  Yadkin: { town: 'Yadkinville', zip: '270' },
  Yancey: { town: 'Burnsville', zip: '287' },
};

export const STREET_SUFFIXES = ['St', 'Ave', 'Rd', 'Dr', 'Ln', 'Ct', 'Blvd', 'Way', 'Pl', 'Cir'];

/** Course topics by kind: [title, face-to-face hours, child and family]. */
export const COURSE_TOPICS = {
  CORE_PSS: [['Peer Support Specialist Core Training', 40, false], ['Foundations of Peer Support', 40, false], ['Certified Peer Support Specialist Curriculum', 40, false]],
  ETHICS_AND_BOUNDARIES: [['Ethics and Boundaries in Peer Support', 3, false], ['Peer Support Ethics', 3, false], ['Boundaries and Ethical Practice for Peers', 6, false]],
  ELECTIVE: [
    ['Wellness Recovery Action Plan (WRAP) Seminar', 16, false], ['Whole Health Action Management', 12, false], ['Motivational Interviewing for Peers', 12, false],
    ['Trauma-Informed Peer Support', 8, false], ['Crisis Prevention and De-escalation', 6, false], ['Mental Health First Aid', 8, false],
    ['Suicide Prevention: QPR Gatekeeper', 3, false], ['Harm Reduction Fundamentals', 6, false], ['Supporting Recovery from Opioid Use', 6, false],
    ['Person-Centered Planning', 12, false], ['Cultural Humility in Peer Work', 6, false], ['Co-occurring Disorders and Recovery', 8, false],
    ['Peer Support in Justice Settings', 12, false], ['Supported Employment for Peers', 8, false], ['Self-Care and Resilience', 4, false],
    ['Documentation for Peer Specialists', 4, false], ['Advocacy and Systems Change', 6, false], ['Shared Decision Making', 4, false],
    ['Grief, Loss and Recovery', 4, false], ['Housing First and Peer Support', 6, false], ['Youth and Family Peer Support', 12, true],
    ['Supporting Parents in Recovery', 8, true], ['Family Partnership Skills', 6, true], ['Recovery Coaching', 30, false],
    ['Intentional Peer Support', 24, false], ['Emotional CPR', 12, false], ['Hearing Voices Group Facilitation', 16, false],
    ['Peer Support in Emergency Departments', 6, false], ['Tobacco Recovery for Peers', 4, false], ['Working with LGBTQ+ Peers', 4, false],
  ],
  DESIGNATION: [['Veteran and Military Peer Support', 8, false], ['Military Culture for Peer Specialists', 8, false], ['Community Outreach and Peer Support (COAPS)', 16, false]],
  TRAINING_OF_TRAINERS: [['Peer Support Training of Trainers', 24, false], ['Facilitator Training for Peer Curricula', 24, false]],
  SUPERVISOR: [['Supervising Peer Support Specialists', 12, false], ['Peer Supervision Essentials', 6, false]],
} as const satisfies Record<string, readonly (readonly [string, number, boolean])[]>;

export const PROVIDER_PLACES = [
  'Piedmont', 'Sandhills', 'Blue Ridge', 'Coastal Plain', 'Triangle', 'Cape Fear', 'Foothills', 'Outer Banks', 'Catawba Valley', 'High Country',
  'Yadkin Valley', 'Neuse River', 'Smoky Mountain', 'Crystal Coast', 'Albemarle', 'Pamlico', 'Haw River', 'Lumber River', 'Tar River', 'Uwharrie',
  'Roanoke', 'Brushy Mountain', 'Pisgah', 'Triad', 'Metrolina', 'Eno', 'Dan River', 'Chowan', 'Pee Dee', 'Black Mountain',
];
export const PROVIDER_KINDS = ['Recovery Academy', 'Peer Institute', 'Recovery Community Center', 'Behavioral Health Training', 'Peer Support Network', 'Wellness Collaborative', 'Community College', 'Recovery Alliance'];

export const LEGACY_TITLES = [
  'Peer Support Specialist Training (pre-2015 curriculum)', 'NAMI Peer-to-Peer', 'Recovery Innovations Peer Employment Training', 'Pathways to Recovery',
  'Mental Health Recovery Workshop', 'Addiction Recovery Basics', 'Boundaries Workshop', 'Ethics for Human Services', 'Crisis Intervention Team Overview',
  'Recovery Oriented Systems of Care', 'Peer Leadership Academy', 'Consumer Operated Services Training',
];

export const EXTERNAL_PROVIDERS = [
  'Wake Technical Community College', 'Central Piedmont Community College', 'Durham Technical Community College', 'UNC School of Social Work',
  'NC Certification Board for Substance Abuse Professionals', 'Alcohol/Drug Council of North Carolina', 'NAMI North Carolina', 'Mental Health America of Central Carolinas',
  'Fayetteville Technical Community College', 'Asheville-Buncombe Technical Community College', 'Appalachian State University', 'East Carolina University',
];

export const EXTERNAL_TITLES: Record<string, string[]> = {
  ETHICS_AND_BOUNDARIES: ['Professional Ethics in Behavioral Health', 'Ethics and Boundaries (college course)'],
  ELECTIVE: ['Introduction to Psychology', 'Substance Use Disorders Overview', 'Trauma and Resilience', 'Crisis Intervention', 'Case Management Basics', 'Group Facilitation', 'Human Services Practicum'],
  DESIGNATION: ['Military Families and Reintegration', 'Veterans Affairs Benefits Navigation'],
  SUPERVISOR: ['Clinical Supervision Foundations'],
  TRAINING_OF_TRAINERS: ['Adult Learning for Trainers'],
  CORE_PSS: ['Peer Support Specialist Training (out of state)'],
};

export const MISSING_ITEMS = [
  'Proof of high school diploma or equivalent', 'Second Personal Reference Form', 'Signed Code of Ethics acknowledgment', 'Core course certificate',
  'Certificate for Ethics and Peer Support Boundaries training', 'Recovery statement signature', 'Legible copy of a training certificate', 'Application fee',
];

export const DENIAL_REASONS = [
  'Fewer additional training hours than required', 'Core course certificate older than its validity', 'No approved Ethics and Peer Support Boundaries training',
  'Recovery time below the required months', 'References do not meet the requirements', 'Missing signed Code of Ethics acknowledgment',
];

export const WORK_HISTORY = [
  'Peer support specialist at a community mental health agency', 'Recovery coach at a recovery community organization', 'Volunteer at a drop-in center',
  'Residential technician at a substance use treatment program', 'Peer mentor in a drug treatment court program', 'Outreach worker with a homeless services program',
  'Certified nursing assistant; volunteer peer group facilitator', 'Food service; volunteer at a clubhouse program', 'Customer service; NAMI support group leader',
];

export const REFERENCE_RELATIONS = ['Former supervisor', 'Peer mentor', 'Co-worker', 'Sponsor', 'Pastor', 'Case manager (former)', 'Volunteer coordinator', 'Friend', 'Group facilitator', 'Employer'];

/** Complaint summaries by principle. */
export const COMPLAINT_SUMMARIES: Record<string, string[]> = {
  OWN_RECOVERY: ['Peer specialist appeared impaired while meeting a person they support.', 'Peer specialist missed sessions during a relapse without arranging cover.'],
  HONESTY: ['Peer specialist billed for contacts that did not take place.', 'Trainer signed certificates for participants who left before the last day.', 'Documentation of visits does not match the person’s account.'],
  MUTUAL_LEARNING: ['Peer specialist lectured the person they support instead of sharing experience.'],
  VOICE_DIGNITY_SELF_DETERMINATION: ['Peer specialist pressured a person to stop their medication.', 'Peer specialist made decisions for the person without asking them.'],
  HONOURING_COMMITMENTS: ['Peer specialist repeatedly failed to attend scheduled meetings.', 'Trainer cancelled a course on the first morning without notice.'],
  NO_DUAL_RELATIONSHIPS: ['Peer specialist hired a person they support to work at their home.', 'Peer specialist accepted a loaned car from a person they support.', 'Peer specialist began a business arrangement with a person they support.'],
  NO_SEXUAL_CONTACT: ['Peer specialist pursued a romantic relationship with a person they support.'],
  CONFIDENTIALITY: ['Peer specialist discussed a person’s recovery on social media.', 'Peer specialist shared details of a person’s recovery with their employer.'],
  NON_DISCRIMINATION: ['Peer specialist made demeaning remarks about a person’s religion.', 'Trainer refused to seat a participant because of their disability.'],
  NO_SIGNIFICANT_GIFTS: ['Peer specialist accepted cash gifts from a family they support.', 'Peer specialist accepted an expensive gift from a person they support.'],
  WITHIN_SCOPE: ['Peer specialist gave medical advice about dosages.', 'Peer specialist presented themself as a licensed counselor.'],
};

export const PROGRAM_COMPLAINTS = [
  'Renewal reminder never arrived and the certification lapsed.', 'Application has been waiting for review longer than the stated target.',
  'The registry shows an outdated status for the complainant.', 'Course submission fee was charged twice.', 'No answer to emails about a denied application.',
];

export const COURSE_OWNER_COMPLAINTS = [
  'Course owner advertised an approved course that had expired.', 'Course owner charged participants for materials promised free.',
  'Course owner changed the agenda so the hours no longer match the certificate.',
];

export const STREET_NAMES = [
  'Main', 'Church', 'Oak', 'Pine', 'Maple', 'Cedar', 'Elm', 'Park', 'Poplar', 'Dogwood', 'Magnolia', 'Walnut', 'Hickory', 'Chestnut', 'Willow',
  'Franklin', 'Academy', 'Market', 'Broad', 'Academy', 'Railroad', 'Mill', 'Spring', 'Hillcrest', 'Lakeview', 'Forest', 'Meadow', 'Ridge',
  'Old Wake Forest', 'Glenwood', 'Hillsborough', 'Tryon', 'Chapel Hill', 'Sunset', 'Country Club', 'Highland', 'Piney Grove', 'Shady Grove',
  'Fairview', 'Pleasant Hill', 'Longleaf', 'Sycamore', 'Jefferson', 'Washington', 'Lee', 'Jackson', 'Mulberry', 'Hawthorne', 'Riverside', 'Cotton',
];

export const SMALL_TOWNS = [
  'Roxboro', 'Elkin', 'Siler City', 'Spring Hope', 'Warrenton', 'Henderson', 'Oxford', 'Louisburg', 'Wadesboro', 'Albemarle', 'Marion', 'Morganton',
  'Lenoir', 'Wilkesboro', 'Mount Airy', 'Dobson', 'Yadkinville', 'Mocksville', 'Lexington', 'Troy', 'Rockingham', 'Laurinburg', 'Whiteville',
  'Elizabethtown', 'Clinton', 'Kinston', 'Tarboro', 'Williamston', 'Windsor', 'Edenton', 'Elizabeth City', 'Manteo', 'Swan Quarter', 'Plymouth',
  'Columbia', 'Bayboro', 'Beaufort', 'Burgaw', 'Kenansville', 'Snow Hill', 'Smithfield', 'Dunn', 'Sylva', 'Bryson City', 'Franklin', 'Murphy',
  'Hayesville', 'Robbinsville', 'Brevard', 'Columbus', 'Rutherfordton', 'Burnsville', 'Bakersville', 'Newland', 'Jefferson', 'Sparta', 'Taylorsville',
];

export const AREA_CODES = ['919', '984', '704', '980', '336', '743', '910', '472', '252', '828'];
export const EMAIL_DOMAINS: [string, number][] = [['example.com', 5], ['example.net', 3], ['example.org', 2]];

export const RECOVERY_STATEMENTS = [
  'I have lived with a mental health condition since my early twenties and have been in recovery for several years. Peer support helped me find my own path, and I want to offer the same hope to others.',
  'After years of substance use, I entered recovery through a community program. Sharing my experience honestly is how I stay well and how I want to help others find their way.',
  'My recovery began after a hospitalization. With the support of peers and my family I rebuilt my life, went back to work and now want to walk beside others in their recovery.',
  'I am in long-term recovery from alcohol use and depression. I believe recovery is possible for everyone and want to use my story to support people just starting theirs.',
  'Living with bipolar disorder taught me the value of self-determination. I want to help others speak for themselves in their treatment and their lives.',
];
