/** Word lists the demo-data generator draws from. Plain data, no logic. */

export const COMPANY_STEMS = [
  'Acme', 'Northwind', 'Blue Ridge', 'Summit', 'Pioneer', 'Riverside', 'Cedar', 'Harbor', 'Evergreen',
  'Silverline', 'Redwood', 'Granite', 'Lakeside', 'Oakridge', 'Pinnacle', 'Sterling', 'Brightwater',
  'Ironwood', 'Maple', 'Coastal', 'Frontier', 'Horizon', 'Keystone', 'Liberty', 'Meridian', 'Northstar',
  'Orchard', 'Prairie', 'Quantum', 'Sapphire', 'Tidewater', 'Union', 'Vanguard', 'Westfield', 'Apex',
  'Beacon', 'Crescent', 'Delta', 'Eagle', 'Falcon', 'Greenfield', 'Highland', 'Juniper', 'Kingsley',
  'Lighthouse', 'Millbrook', 'Oceanic', 'Parkview', 'Red Rock', 'Stonebridge', 'Trinity', 'Valley',
  'Willow', 'Zenith', 'Copperfield', 'Bayside', 'Fairview', 'Hillcrest', 'Ashford', 'Birchwood',
] as const;

export const COMPANY_TRADES = [
  'Dental', 'Law Group', 'Accounting', 'Manufacturing', 'Logistics', 'Realty', 'Medical Center',
  'Veterinary Clinic', 'Engineering', 'Construction', 'Insurance', 'Architects', 'Consulting', 'Pharmacy',
  'Auto Group', 'Foods', 'Hotels', 'Credit Union', 'Brewing', 'Physiotherapy', 'Printing', 'Freight',
  'Orthodontics', 'Wealth Management', 'Landscaping',
] as const;

/** Legal-form suffixes, weighted: most names have none. */
export const COMPANY_SUFFIXES: readonly (readonly [string, number])[] = [
  ['', 8],
  [' LLC', 3],
  [' Inc.', 3],
  [' Ltd', 2],
  [' & Co.', 1],
  [' Partners', 1],
  [' GmbH', 1],
];

/** Near-miss decorations: a Halo customer named like this must NOT match the company. */
export const NEAR_MISS_FORMS: readonly ((name: string) => string)[] = [
  (name) => `${name} Group`,
  (name) => `The ${name}`,
  (name) => `${name} (old)`,
  (name) => `${name} Holdings`,
];

export const FIRST_NAMES = [
  'Alex', 'Jordan', 'Sam', 'Casey', 'Taylor', 'Morgan', 'Riley', 'Jamie', 'Avery', 'Quinn', 'Drew', 'Robin',
  'Maria', 'John', 'Priya', 'Chen', 'Fatima', 'Lukas', 'Sofia', 'Omar', 'Emma', 'Noah', 'Olivia', 'Liam',
] as const;

export const LAST_NAMES = [
  'Smith', 'Johnson', 'Patel', 'Garcia', 'Müller', 'Nguyen', 'Brown', 'Kowalski', 'Rossi', 'Dubois',
  'Okafor', 'Andersen', 'Silva', 'Kim', 'Walker', 'Hughes', 'Murphy', 'Novak', 'Larsen', 'Schmidt',
] as const;

export const SITE_NAMES = [
  'Branch Office', 'Head Office', 'Warehouse', 'Remote Workers', 'Data Center', 'Downtown', 'Plant',
] as const;

export const PLAN_NAMES: Record<string, readonly string[]> = {
  Files: ['Daily Files Backup', 'Documents to Cloud', 'File Server Backup', 'User Profiles'],
  ImageBased: ['Nightly Image Backup', 'Weekly System Image'],
  MSSQL: ['SQL Full Backup', 'SQL Transaction Logs'],
  MSExchange: ['Exchange Mailbox Backup'],
  HyperV: ['Hyper-V VMs'],
};

export const ERROR_MESSAGES = [
  'Access to the path is denied',
  'Destination storage is unreachable',
  'Not enough space on the destination',
  'VSS snapshot creation failed',
  'The network path was not found',
  'Authentication with storage failed',
] as const;

export const WARNING_MESSAGES = [
  '3 files were skipped because they are in use',
  'Some files were not found',
  'Backup completed with warnings: retention purge delayed',
] as const;
