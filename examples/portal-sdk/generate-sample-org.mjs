// Generates sample-org.csv: ~200 synthetic employees of "Northwind Logistics" for the portal example
// and for import tests. Deterministic (seeded PRNG): rerunning it rewrites a byte-identical file.
// Run: node examples/portal-sdk/generate-sample-org.mjs
// Bigger orgs of the same shape (for benchmarks): node generate-sample-org.mjs --size 1200 --out /tmp/org.csv
// scales the org by adding further teams in every department (each a manager with the same office
// mix, level pyramid and leads as the originals, reporting to the department head). Without
// --size the output is exactly the shipped sample-org.csv.
// There is deliberately no age, birth date or anything age-like: pairing never uses age.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

// ---- Arguments: [--size N] [--out FILE] ----------------------------------------------------------
function parseArgs(argv) {
  const args = { size: null, out: null };
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k];
    const [flag, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = () => inline ?? argv[++k];
    if (flag === '--size') {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 1) throw new Error('--size must be a positive integer');
      args.size = n;
    } else if (flag === '--out') {
      const v = value();
      if (!v) throw new Error('--out needs a file name');
      args.out = v;
    } else throw new Error(`unknown argument ${a} (usage: generate-sample-org.mjs [--size N] [--out FILE])`);
  }
  return args;
}
const args = parseArgs(process.argv.slice(2));

const COLUMNS = ['id', 'name', 'email', 'title', 'department', 'level', 'managerId', 'location', 'timeZone', 'languages', 'skills'];
const DOMAIN = 'northwind.example';

// mulberry32: tiny, good enough, and the same on every Node version (unlike Math.random seeding).
let seed = 20240611;
function random() {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const chance = (p) => random() < p;
const pick = (items) => items[Math.floor(random() * items.length)];
/** Picks a key of `{ key: weight }`. */
function weighted(weights) {
  const entries = Object.entries(weights);
  let r = random() * entries.reduce((sum, [, w]) => sum + w, 0);
  for (const [key, w] of entries) if ((r -= w) < 0) return key;
  return entries[entries.length - 1][0];
}
function shuffle(items) {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

// ---- Offices and the name cultures most common in each ------------------------------------------
const OFFICES = {
  London: { timeZone: 'Europe/London', local: [], cultures: { british: 5, britishAsian: 2, nigerian: 1, polish: 1, french: 1, italian: 1, arabic: 1 } },
  Berlin: { timeZone: 'Europe/Berlin', local: ['de'], cultures: { german: 6, turkish: 2, polish: 1, french: 1, italian: 1, dutch: 1, swedish: 1, arabic: 1 } },
  'New York': { timeZone: 'America/New_York', local: [], cultures: { american: 6, hispanic: 2, korean: 1, indian: 1, arabic: 0.5, nigerian: 0.5 } },
  Austin: { timeZone: 'America/Chicago', local: [], cultures: { american: 5, hispanic: 3, vietnamese: 1, indian: 1 } },
  Singapore: { timeZone: 'Asia/Singapore', local: [], cultures: { chineseSg: 5, malay: 2, indian: 2, filipino: 1, japanese: 0.5, korean: 0.5 } },
  Bangalore: { timeZone: 'Asia/Kolkata', local: ['kn'], cultures: { indian: 1 } },
  'São Paulo': { timeZone: 'America/Sao_Paulo', local: ['pt'], cultures: { brazilian: 8, japanese: 1, italian: 0.5 } },
};
// Remote staff keep their own zone; the zone also hints at where they live.
const REMOTE = [
  { timeZone: 'Europe/Lisbon', cultures: { portuguese: 1 } },
  { timeZone: 'Europe/Madrid', cultures: { hispanic: 1 } },
  { timeZone: 'Europe/Warsaw', cultures: { polish: 1 } },
  { timeZone: 'America/Denver', cultures: { american: 1 } },
  { timeZone: 'America/Toronto', cultures: { american: 2, french: 1, korean: 1 } },
  { timeZone: 'Africa/Lagos', cultures: { nigerian: 1 } },
  { timeZone: 'Africa/Nairobi', cultures: { kenyan: 1 } },
  { timeZone: 'Asia/Manila', cultures: { filipino: 1 } },
];

// first names, last names, languages spoken at home (each added with high probability)
const CULTURES = {
  british: [['Oliver', 'Amelia', 'Harry', 'Isla', 'George', 'Freya', 'Jack', 'Poppy', 'Thomas', 'Eleanor', 'James', 'Sophie', 'Callum', 'Niamh', 'Rhys', 'Siobhan', 'Fraser', 'Imogen'], ['Smith', 'Jones', 'Taylor', 'Brown', 'Wilson', 'Evans', 'Roberts', 'Walker', 'Wright', 'Hughes', 'Clarke', 'Murphy', "O'Neill", 'Campbell', 'Davies', 'MacLeod', 'Fletcher', 'Hartley'], []],
  britishAsian: [['Priya', 'Ravi', 'Aisha', 'Imran', 'Zara', 'Sunil', 'Nadia', 'Hassan', 'Anjali', 'Kiran'], ['Patel', 'Khan', 'Ahmed', 'Shah', 'Begum', 'Hussain', 'Chowdhury', 'Mistry'], ['ur', 'gu', 'bn']],
  german: [['Lukas', 'Lena', 'Felix', 'Hannah', 'Jonas', 'Marie', 'Leon', 'Sophie', 'Maximilian', 'Clara', 'Tobias', 'Johanna', 'Niklas', 'Katharina', 'Jürgen', 'Anke'], ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Hoffmann', 'Schäfer', 'Koch', 'Richter', 'Krüger', 'Wolf', 'Neumann', 'Zimmermann', 'Braun', 'Hartmann'], ['de']],
  turkish: [['Emre', 'Elif', 'Mehmet', 'Ayşe', 'Can', 'Zeynep', 'Deniz', 'Burak'], ['Yılmaz', 'Kaya', 'Demir', 'Şahin', 'Çelik', 'Öztürk', 'Aydın', 'Arslan'], ['tr', 'de']],
  american: [['Emily', 'Michael', 'Jessica', 'Tyler', 'Ashley', 'Brandon', 'Megan', 'Jordan', 'Madison', 'Ethan', 'Lauren', 'Kayla', 'Marcus', 'Jasmine', 'DeShawn', 'Tanisha', 'Andre', 'Brianna', 'Darnell', 'Kevin'], ['Johnson', 'Williams', 'Miller', 'Davis', 'Anderson', 'Jackson', 'Harris', 'Robinson', 'Lewis', 'Young', 'King', 'Scott', 'Green', 'Baker', 'Carter', 'Mitchell', 'Washington', 'Chen'], []],
  hispanic: [['Sofía', 'Mateo', 'Valentina', 'Diego', 'Camila', 'Alejandro', 'Lucía', 'Javier', 'Isabella', 'Carlos', 'Ximena', 'Andrés'], ['García', 'Rodríguez', 'Martínez', 'Hernández', 'López', 'González', 'Pérez', 'Sánchez', 'Ramírez', 'Torres', 'Flores', 'Rivera', 'Morales', 'Ortiz'], ['es']],
  brazilian: [['João', 'Ana', 'Pedro', 'Beatriz', 'Lucas', 'Mariana', 'Gabriel', 'Juliana', 'Rafael', 'Larissa', 'Thiago', 'Fernanda', 'Gustavo', 'Letícia', 'Matheus', 'Camila'], ['Silva', 'Santos', 'Oliveira', 'Souza', 'Pereira', 'Costa', 'Rodrigues', 'Almeida', 'Nascimento', 'Lima', 'Araújo', 'Ferreira', 'Carvalho', 'Gomes', 'Ribeiro', 'Barbosa'], ['pt']],
  portuguese: [['Tiago', 'Inês', 'Duarte', 'Leonor', 'Rodrigo', 'Matilde'], ['Marques', 'Fonseca', 'Pinto', 'Correia', 'Teixeira', 'Moreira'], ['pt']],
  indian: [['Aarav', 'Ananya', 'Rohan', 'Priya', 'Vikram', 'Divya', 'Arjun', 'Sneha', 'Karthik', 'Lakshmi', 'Rahul', 'Pooja', 'Aditya', 'Kavya', 'Siddharth', 'Meera', 'Nikhil', 'Shreya', 'Venkatesh', 'Deepa'], ['Sharma', 'Iyer', 'Reddy', 'Nair', 'Gupta', 'Rao', 'Menon', 'Kumar', 'Singh', 'Krishnan', 'Joshi', 'Desai', 'Banerjee', 'Pillai', 'Agarwal', 'Mehta', 'Kulkarni', 'Hegde'], ['hi', 'ta', 'te', 'ml', 'mr']],
  chineseSg: [['Wei Ling', 'Jun Jie', 'Hui Min', 'Zhi Hao', 'Xin Yi', 'Jia Hui', 'Kai Wen', 'Mei Ling'], ['Tan', 'Lim', 'Lee', 'Ng', 'Ong', 'Wong', 'Goh', 'Chua', 'Teo', 'Koh'], ['zh']],
  malay: [['Aisyah', 'Hafiz', 'Aminah', 'Faris', 'Huda', 'Farah', 'Irfan', 'Syafiqah'], ['Abdullah', 'Ismail', 'Rahman', 'Hassan', 'Yusof', 'Osman'], ['ms']],
  polish: [['Katarzyna', 'Piotr', 'Agnieszka', 'Tomasz', 'Magdalena', 'Paweł', 'Zofia', 'Jakub'], ['Nowak', 'Wójcik', 'Kaczmarek', 'Mazur', 'Krawczyk', 'Zając', 'Król', 'Wieczorek'], ['pl']],
  nigerian: [['Chinedu', 'Ngozi', 'Oluwaseun', 'Adaeze', 'Emeka', 'Funmilayo', 'Tunde', 'Chiamaka', 'Ifeoma', 'Babajide'], ['Okafor', 'Adeyemi', 'Okonkwo', 'Balogun', 'Eze', 'Nwosu', 'Adebayo', 'Ogunleye'], ['yo', 'ig']],
  kenyan: [['Wanjiru', 'Kamau', 'Achieng', 'Otieno', 'Njeri', 'Kiprono'], ['Mwangi', 'Odhiambo', 'Kariuki', 'Wanjala', 'Kiptoo', 'Njoroge'], ['sw']],
  filipino: [['Paolo', 'Kristine', 'Angelica', 'Jasmine', 'Carlo', 'Bea', 'Miguel'], ['Reyes', 'Cruz', 'Bautista', 'Mendoza', 'Dela Cruz', 'Villanueva', 'Aquino'], ['tl']],
  japanese: [['Yuki', 'Haruto', 'Sakura', 'Ren', 'Aoi', 'Takumi'], ['Sato', 'Suzuki', 'Takahashi', 'Tanaka', 'Watanabe', 'Nakamura'], ['ja']],
  korean: [['Ji-woo', 'Min-jun', 'Seo-yeon', 'Ha-eun', 'Do-yoon'], ['Kim', 'Park', 'Choi', 'Jung', 'Kang'], ['ko']],
  french: [['Camille', 'Louis', 'Chloé', 'Hugo', 'Manon', 'Théo', 'Léa', 'Antoine'], ['Martin', 'Bernard', 'Dubois', 'Lefèvre', 'Moreau', 'Laurent', 'Girard', 'Fontaine'], ['fr']],
  italian: [['Giulia', 'Marco', 'Chiara', 'Alessandro', 'Francesca', 'Luca'], ['Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Romano'], ['it']],
  arabic: [['Omar', 'Layla', 'Youssef', 'Fatima', 'Karim', 'Noor', 'Tariq', 'Rania'], ['Haddad', 'Mansour', 'Khalil', 'Saleh', 'Nasser', 'Aziz'], ['ar']],
  vietnamese: [['Minh', 'Linh', 'Huy', 'Thảo', 'Quang', 'Ngọc'], ['Nguyen', 'Tran', 'Le', 'Pham', 'Hoang', 'Vu'], ['vi']],
  dutch: [['Sanne', 'Daan', 'Femke', 'Bram', 'Lotte', 'Joost'], ['de Vries', 'Jansen', 'Bakker', 'Visser', 'Smit', 'van Dijk'], ['nl']],
  swedish: [['Lars', 'Astrid', 'Erik', 'Ingrid', 'Elsa', 'Oskar'], ['Andersson', 'Lindqvist', 'Nilsson', 'Johansson', 'Berg', 'Holm'], ['sv']],
};

// ---- Skills: juniors skew to what reverse mentors teach, seniors to business leadership ----------
const MENTOR_SKILLS = ['TikTok', 'Instagram', 'LinkedIn personal branding', 'Generative AI tools', 'Prompt writing', 'Power BI', 'Python', 'Figma', 'Notion', 'Slack etiquette', 'Remote collaboration', 'Gen Z consumer trends', 'Accessibility', 'DEI perspectives', 'Gaming culture', 'Short-form video', 'Data visualisation', 'ChatGPT for research', 'Canva', 'Discord communities', 'Creator economy', 'No-code automation'];
const LEADER_SKILLS = ['Strategy', 'P&L ownership', 'Negotiation', 'Stakeholder management', 'Hiring', 'Budgeting', 'Board reporting', 'Change management', 'Mergers & acquisitions', 'Vendor management', 'Public speaking', 'Coaching', 'Risk management', 'Forecasting', 'Organisation design', 'Executive communication', 'Crisis management'];

// ---- Departments: head, teams (manager title + office mix) and IC roles [title, minLevel, maxLevel]
const DEPARTMENTS = [
  {
    name: 'Engineering', staffPrefix: 'Staff',
    heads: [[9, 'Chief Technology Officer'], [8, 'VP Engineering']],
    teams: [
      ['Engineering Manager, Platform', 11, { London: 3, Berlin: 2, Remote: 2 }],
      ['Engineering Manager, Routing & Tracking', 11, { Bangalore: 4, London: 1, Remote: 1 }],
      ['Engineering Manager, Mobile Apps', 10, { Berlin: 3, Remote: 1 }],
      ['Engineering Manager, Web Experience', 10, { London: 2, Bangalore: 2, Remote: 1 }],
    ],
    roles: [['Software Engineer', 1, 6], ['Frontend Engineer', 1, 6], ['Mobile Engineer', 2, 6], ['Site Reliability Engineer', 3, 6], ['QA Engineer', 1, 5]],
    skills: ['TypeScript', 'React', 'Kubernetes', 'AWS', 'System design', 'Go', 'CI/CD', 'Observability', 'Kotlin', 'Swift', 'PostgreSQL', 'Test automation', 'Code review'],
  },
  {
    name: 'Data & Analytics', staffPrefix: 'Staff',
    heads: [[8, 'VP Data & Analytics']],
    teams: [
      ['Head of Analytics', 9, { London: 3, Bangalore: 2 }],
      ['Head of Data Science & Platform', 8, { Berlin: 2, Bangalore: 2, Remote: 1 }],
    ],
    roles: [['Data Analyst', 1, 6], ['Data Scientist', 2, 6], ['Data Engineer', 1, 6], ['BI Developer', 2, 5]],
    skills: ['SQL', 'dbt', 'Statistics', 'Machine learning', 'Demand forecasting', 'Airflow', 'Tableau', 'Experiment design', 'Spark', 'Data governance'],
  },
  {
    name: 'Marketing', staffPrefix: 'Lead',
    heads: [[8, 'VP Marketing']],
    teams: [
      ['Director of Brand & Content', 9, { London: 2, 'New York': 1, Remote: 1 }],
      ['Director of Growth & Product Marketing', 8, { 'New York': 2, London: 1, 'São Paulo': 1 }],
    ],
    roles: [['Marketing Coordinator', 1, 3], ['Content Marketer', 1, 5], ['Social Media Specialist', 1, 5], ['Growth Marketer', 2, 6], ['Product Marketing Specialist', 3, 6], ['Graphic Designer', 1, 5]],
    skills: ['Brand strategy', 'SEO', 'Copywriting', 'Campaign management', 'Marketing analytics', 'HubSpot', 'Event management', 'Market research', 'Paid social', 'Email marketing'],
  },
  {
    name: 'Sales', staffPrefix: 'Lead',
    heads: [[8, 'VP Sales']],
    teams: [
      ['Regional Sales Director, EMEA', 9, { London: 3, Berlin: 2 }],
      ['Regional Sales Director, Americas', 10, { 'New York': 3, Austin: 2, 'São Paulo': 2 }],
      ['Regional Sales Director, APAC', 8, { Singapore: 3, Bangalore: 1 }],
    ],
    roles: [['Sales Development Representative', 1, 3], ['Account Executive', 3, 6], ['Sales Operations Analyst', 1, 5], ['Solutions Consultant', 3, 6]],
    skills: ['Salesforce', 'Pipeline management', 'Consultative selling', 'Cold outreach', 'Contract negotiation', 'Account planning', 'Freight pricing', 'Sales forecasting', 'RFP responses'],
  },
  {
    name: 'Customer Success', staffPrefix: 'Lead',
    heads: [[8, 'VP Customer Success']],
    teams: [
      ['Head of Onboarding & Account Management', 9, { Austin: 2, London: 1, Singapore: 1, 'New York': 1 }],
      ['Head of Customer Support', 10, { Austin: 2, Singapore: 1, 'São Paulo': 1, Bangalore: 1 }],
    ],
    roles: [['Customer Support Specialist', 1, 5], ['Onboarding Specialist', 1, 5], ['Customer Success Manager', 3, 6], ['Technical Support Engineer', 2, 6]],
    skills: ['Zendesk', 'Customer onboarding', 'Churn analysis', 'Escalation handling', 'Customer journey mapping', 'Knowledge base writing', 'Renewals', 'Net Promoter Score'],
  },
  {
    name: 'Finance', staffPrefix: 'Lead',
    heads: [[9, 'Chief Financial Officer']],
    teams: [
      ['Finance Manager, FP&A', 5, { London: 3, 'New York': 1 }],
      ['Financial Controller', 5, { London: 2, Bangalore: 2 }],
    ],
    roles: [['Financial Analyst', 1, 6], ['Accountant', 1, 6], ['Accounts Payable Specialist', 1, 4], ['Payroll Specialist', 2, 5]],
    skills: ['Financial modelling', 'Excel', 'IFRS', 'Month-end close', 'SAP', 'Treasury', 'Audit preparation', 'Cost control', 'Tax compliance'],
  },
  {
    name: 'People & Culture', staffPrefix: 'Lead',
    heads: [[8, 'VP People & Culture']],
    teams: [
      ['Head of Talent Acquisition', 5, { London: 2, Berlin: 1, Austin: 1 }],
      ['Head of People Partnering', 4, { London: 1, Singapore: 1, Berlin: 1 }],
    ],
    roles: [['Recruiter', 1, 6], ['People Partner', 3, 6], ['People Operations Coordinator', 1, 4], ['Learning & Development Specialist', 2, 5]],
    skills: ['Employer branding', 'Interviewing', 'Employment law', 'Workday', 'Employee relations', 'Learning design', 'Compensation & benefits', 'Onboarding programmes'],
  },
  {
    name: 'Operations', staffPrefix: 'Lead',
    heads: [[9, 'Chief Operating Officer']],
    teams: [
      ['Head of Warehouse Operations', 10, { Berlin: 3, 'São Paulo': 2, Austin: 2 }],
      ['Head of Fleet & Carriers', 9, { Berlin: 1, Austin: 2, Singapore: 2, London: 1 }],
      ['Head of Procurement', 7, { London: 2, Singapore: 1, 'São Paulo': 1 }],
    ],
    roles: [['Operations Analyst', 1, 5], ['Logistics Coordinator', 1, 5], ['Supply Chain Planner', 2, 6], ['Procurement Specialist', 2, 6], ['Fleet Coordinator', 1, 4]],
    skills: ['Lean operations', 'Warehouse management systems', 'Route optimisation', 'Carrier negotiation', 'Health & safety', 'Inventory planning', 'Customs compliance', 'Six Sigma'],
  },
];
// Individual-contributor levels: a pyramid narrowing above the professional levels.
const IC_LEVELS = { 1: 10, 2: 14, 3: 19, 4: 18, 5: 16, 6: 10 };

// ---- People -------------------------------------------------------------------------------------
const people = [];
const usedEmails = new Set();
const usedNames = new Set();

function asciiHandle(s) {
  return s
    .replace(/ß/g, 'ss').replace(/ł/g, 'l').replace(/ı/g, 'i')
    .normalize('NFD').replace(/[\u0300-\u036f]/g, '')
    .toLowerCase().replace(/[^a-z0-9]/g, '');
}

function locate(officeWeights) {
  const office = weighted(officeWeights);
  if (office === 'Remote') {
    const r = pick(REMOTE);
    return { location: 'Remote', timeZone: r.timeZone, cultures: r.cultures, local: [] };
  }
  const o = OFFICES[office];
  return { location: office, timeZone: o.timeZone, cultures: o.cultures, local: o.local };
}

function languagesFor(where, homeLanguages, level, department) {
  // Almost everyone works in English; a few frontline operations staff in non-English offices don't.
  const langs = where.local.length > 0 && department === 'Operations' && level <= 3 && chance(0.25) ? [] : ['en'];
  if (homeLanguages.length > 0 && chance(0.85)) langs.push(homeLanguages[0]);
  if (homeLanguages.length > 1 && chance(0.35)) langs.push(pick(homeLanguages.slice(1)));
  for (const l of where.local) if (chance(0.6)) langs.push(l);
  if (chance(0.15)) langs.push(pick(['fr', 'es', 'de', 'it', 'ja', 'zh', 'pt', 'nl']));
  return [...new Set(langs)];
}

function skillsFor(level, functional) {
  const mentor = [0, 0.7, 0.65, 0.5, 0.4, 0.25, 0.15, 0.1, 0.05, 0.05, 0][level];
  const leader = [0, 0, 0, 0.05, 0.1, 0.2, 0.35, 0.55, 0.65, 0.7, 0.8][level];
  const count = 2 + Math.floor(random() * 4);
  const skills = new Set();
  while (skills.size < count) {
    const r = random();
    skills.add(pick(r < mentor ? MENTOR_SKILLS : r < mentor + leader ? LEADER_SKILLS : functional));
  }
  return [...skills];
}

function hire({ title, department, level, manager, offices, functional }) {
  const where = manager && chance(0.3) ? { ...manager.where } : locate(offices);
  const [firsts, lasts, home] = CULTURES[weighted(where.cultures)];
  let first, last;
  // Name pools are small, so redraw most clashes; the odd namesake is kept because real orgs have them.
  do {
    first = pick(firsts);
    last = pick(lasts);
  } while (usedNames.has(`${first} ${last}`) && !chance(0.1));
  usedNames.add(`${first} ${last}`);
  const base = `${asciiHandle(first)}.${asciiHandle(last)}`;
  let email = `${base}@${DOMAIN}`;
  for (let n = 2; usedEmails.has(email); n++) email = `${base}${n}@${DOMAIN}`;
  usedEmails.add(email);
  const person = {
    name: `${first} ${last}`, email, title, department, level, manager, where,
    languages: languagesFor(where, home, level, department), skills: skillsFor(level, functional),
  };
  people.push(person);
  return person;
}

function icTitle(dept, level) {
  const roles = dept.roles.filter(([, min, max]) => level >= min && level <= max);
  const [role] = pick(roles);
  if (level === 1) return chance(0.3) ? `${role} Intern` : `Graduate ${role}`;
  if (level === 2) return `Junior ${role}`;
  if (level === 3) return role;
  if (level === 4) return `${role} II`;
  if (level === 5) return `Senior ${role}`;
  return `${dept.staffPrefix} ${role}`;
}

const ceo = hire({ title: 'Chief Executive Officer', department: 'Executive Office', level: 10, manager: null, offices: { London: 1 }, functional: LEADER_SKILLS });
const chiefOfStaff = hire({ title: 'Chief of Staff', department: 'Executive Office', level: 7, manager: ceo, offices: { London: 1 }, functional: LEADER_SKILLS });
hire({ title: 'Executive Assistant', department: 'Executive Office', level: 3, manager: chiefOfStaff, offices: { London: 1 }, functional: ['Diary management', 'Board logistics', 'Travel planning'] });

function hireTeam(dept, boss, [managerTitle, size, offices]) {
  const base = { department: dept.name, functional: dept.skills };
  const manager = hire({ ...base, title: managerTitle, level: 7, manager: boss, offices });
  // Most senior first so that a lead exists before the juniors who report to them.
  const levels = Array.from({ length: size }, () => Number(weighted(IC_LEVELS))).sort((a, b) => b - a);
  let lead = null;
  for (const level of levels) {
    // In bigger teams graduates and juniors report to the team's lead rather than the manager.
    const reportsTo = lead && level <= 2 ? lead : manager;
    const member = hire({ ...base, title: icTitle(dept, level), level, manager: reportsTo, offices });
    if (!lead && size >= 6 && level >= 5) lead = member;
  }
}

const departmentHead = new Map();
for (const dept of DEPARTMENTS) {
  const base = { department: dept.name, functional: dept.skills };
  let boss = ceo;
  for (const [level, title] of dept.heads) {
    boss = hire({ ...base, title, level, manager: boss, offices: { London: 4, 'New York': 1, Berlin: 1 } });
  }
  departmentHead.set(dept, boss);
  for (const team of dept.teams) hireTeam(dept, boss, team);
}

// ---- Scaling (--size): more teams of the same shape, round after round across all departments ---
// People are hired top-down (a manager always before their reports), so cutting the list at the
// requested size never leaves anyone without their manager.
if (args.size !== null) {
  for (let round = 2; people.length < args.size; round++) {
    for (const dept of DEPARTMENTS) {
      for (const [managerTitle, size, offices] of dept.teams) {
        if (people.length >= args.size) break;
        hireTeam(dept, departmentHead.get(dept), [`${managerTitle} ${round}`, size, offices]);
      }
    }
  }
  people.length = Math.min(people.length, args.size);
}

// Employee ids follow hiring order, not hierarchy: the CEO is E0001, the rest are shuffled, so a
// manager often appears after their reports (importers must not assume top-down order).
const ids = shuffle(people.slice(1).map((_, i) => i + 2));
const idWidth = Math.max(4, String(people.length).length);
people.forEach((p, i) => (p.id = `E${String(i === 0 ? 1 : ids[i - 1]).padStart(idWidth, '0')}`));
people.sort((a, b) => a.id.localeCompare(b.id));

// ---- Sanity checks: the file is a fixture, so fail loudly rather than ship a broken org ----------
for (const p of people) {
  new Intl.DateTimeFormat('en', { timeZone: p.where.timeZone }); // throws on an invalid zone
  if (!p.manager) continue;
  if (p.manager.level <= p.level) throw new Error(`${p.id} reports to someone not more senior`);
  if (p.manager.department !== p.department && p.manager !== ceo) throw new Error(`${p.id} crosses departments`);
}

// ---- CSV writing --------------------------------------------------------------------------------
const cell = (v) => (/[",\r\n]|^\s|\s$/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
const row = (values) => values.map(cell).join(',');
const lines = [row(COLUMNS)];
for (const p of people) {
  lines.push(row([p.id, p.name, p.email, p.title, p.department, p.level, p.manager?.id ?? '', p.where.location, p.where.timeZone, p.languages.join(';'), p.skills.join(';')]));
}
const out = args.out ? pathToFileURL(resolve(args.out)) : new URL('./sample-org.csv', import.meta.url);
writeFileSync(out, lines.join('\n') + '\n');

const histogram = {};
for (const p of people) histogram[p.level] = (histogram[p.level] ?? 0) + 1;
const departments = new Set(people.map((p) => p.department)).size;
console.log(`${args.out ?? 'sample-org.csv'}: ${people.length} rows, ${departments} departments, levels ${Object.entries(histogram).map(([l, n]) => `${l}:${n}`).join(' ')}`);
