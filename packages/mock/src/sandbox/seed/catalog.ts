// The fictional organisation the seeded data describes: First Bank of Valkyrie, the bank of the
// vendor's own samples. Only domain vocabulary lives here (names, departments, applications); the
// shapes of records come from the spec, and the spec's example records are used as they are.

export const COMPANY = 'First Bank of Valkyrie';
export const EMAIL_DOMAIN = 'firstbankofvalkyrie.com';

/** Division -> department -> job titles. */
export const ORGANISATION: Record<string, Record<string, string[]>> = {
  'Retail Banking': {
    'Consumer Lending': ['Loan Officer', 'Senior Loan Officer', 'Loan Processor', 'Consumer Underwriter'],
    'Branch Operations': ['Teller', 'Head Teller', 'Personal Banker', 'Branch Manager', 'Assistant Branch Manager'],
    'Deposit Services': ['Deposit Operations Specialist', 'Account Services Representative'],
    'Mortgage Lending': ['Mortgage Loan Originator', 'Mortgage Processor', 'Closing Coordinator'],
  },
  'Commercial Banking': {
    'Commercial Lending': ['Relationship Manager', 'Credit Analyst', 'Portfolio Manager'],
    'Treasury Management': ['Treasury Management Officer', 'Treasury Implementation Specialist'],
    'Credit Administration': ['Credit Administrator', 'Loan Review Officer'],
  },
  'Information Technology': {
    'Core Systems': ['Core Systems Analyst', 'Core Systems Manager', 'Batch Operations Analyst'],
    Infrastructure: ['Systems Engineer', 'Network Engineer', 'Cloud Engineer'],
    'Information Security': ['Security Analyst', 'Identity and Access Analyst', 'Information Security Officer'],
    'Service Desk': ['Service Desk Analyst', 'Provisioning Specialist', 'Service Desk Lead'],
    'Application Development': ['Software Engineer', 'Business Analyst', 'Quality Analyst'],
  },
  Finance: {
    Accounting: ['Staff Accountant', 'Senior Accountant', 'Controller'],
    'Financial Planning': ['Financial Analyst', 'FP&A Manager'],
    Payroll: ['Payroll Specialist'],
  },
  'Human Resources': {
    'Talent Acquisition': ['Recruiter', 'Talent Acquisition Partner'],
    'HR Operations': ['HR Generalist', 'HRIS Analyst', 'HR Business Partner'],
  },
  'Risk and Compliance': {
    Compliance: ['Compliance Officer', 'Compliance Analyst'],
    'Internal Audit': ['Internal Auditor', 'IT Auditor'],
    'BSA/AML': ['BSA Analyst', 'Fraud Investigator'],
    'Enterprise Risk': ['Risk Analyst', 'Enterprise Risk Manager'],
  },
  Operations: {
    'Loan Servicing': ['Loan Servicing Specialist', 'Collections Specialist'],
    'Card Services': ['Card Services Representative', 'Disputes Analyst'],
    'Wire Operations': ['Wire Transfer Specialist'],
    'Contact Center': ['Contact Center Agent', 'Contact Center Supervisor'],
  },
  Marketing: {
    'Digital Marketing': ['Digital Marketing Specialist', 'Marketing Manager'],
    'Community Relations': ['Community Relations Officer'],
  },
};

export const DEPARTMENTS: { division: string; department: string; titles: string[] }[] = Object.entries(ORGANISATION).flatMap(
  ([division, departments]) => Object.entries(departments).map(([department, titles]) => ({ division, department, titles })),
);

export const OFFICES = [
  'Main Street Branch', 'Uptown Branch', 'Riverside Branch', 'Harbor Branch', 'Northgate Branch', 'Westfield Branch',
  'Lakeside Branch', 'Head Office', 'Operations Center', 'Remote',
];

export const FIRST_NAMES = [
  'Aaliyah', 'Aaron', 'Abigail', 'Adrian', 'Aisha', 'Alejandro', 'Alice', 'Amara', 'Amelia', 'Ananya', 'Andre', 'Angela',
  'Anthony', 'Arjun', 'Ava', 'Benjamin', 'Bianca', 'Brandon', 'Brianna', 'Caleb', 'Camila', 'Carlos', 'Caroline', 'Chen',
  'Chloe', 'Christopher', 'Claire', 'Daniel', 'Darius', 'David', 'Deborah', 'Diego', 'Dmitri', 'Elena', 'Elijah', 'Emily',
  'Emma', 'Ethan', 'Fatima', 'Felix', 'Fiona', 'Gabriel', 'Grace', 'Hannah', 'Hassan', 'Hiroshi', 'Ian', 'Imani', 'Isaac',
  'Isabella', 'Jacob', 'Jamal', 'Jasmine', 'Javier', 'Jennifer', 'Jessica', 'Joshua', 'Julia', 'Kaito', 'Karen', 'Keisha',
  'Kevin', 'Laura', 'Leah', 'Leonardo', 'Liam', 'Lucas', 'Lucy', 'Maya', 'Mei', 'Mohammed', 'Nadia', 'Naomi', 'Nathan',
  'Nia', 'Noah', 'Olivia', 'Omar', 'Oscar', 'Patrick', 'Paula', 'Priya', 'Rafael', 'Ravi', 'Rebecca', 'Ryan', 'Samuel',
  'Sana', 'Sebastian', 'Sofia', 'Stephen', 'Tanya', 'Thomas', 'Tiago', 'Valentina', 'Victor', 'Wei', 'William', 'Yara',
  'Yusuf', 'Zoe',
];

export const LAST_NAMES = [
  'Abbott', 'Adeyemi', 'Alvarez', 'Anderson', 'Baker', 'Banerjee', 'Bennett', 'Brooks', 'Campbell', 'Castillo', 'Chang',
  'Clarke', 'Collins', 'Cooper', 'Cruz', 'Diaz', 'Dubois', 'Edwards', 'Evans', 'Fernandez', 'Fischer', 'Foster', 'Garcia',
  'Gonzalez', 'Gupta', 'Hall', 'Harris', 'Hayes', 'Hernandez', 'Hill', 'Hughes', 'Ibrahim', 'Ito', 'Jackson', 'Jensen',
  'Kaur', 'Kelly', 'Kim', 'King', 'Kowalski', 'Lee', 'Lewis', 'Lopez', 'Mahmoud', 'Marshall', 'Mendoza', 'Miller',
  'Mitchell', 'Moore', 'Morales', 'Murphy', 'Nakamura', 'Nelson', 'Nguyen', 'Novak', 'Obi', "O'Brien", 'Okafor', 'Ortiz',
  'Owens', 'Park', 'Patel', 'Perez', 'Petrov', 'Phillips', 'Price', 'Quinn', 'Ramirez', 'Reddy', 'Reyes', 'Richardson',
  'Rivera', 'Roberts', 'Robinson', 'Rossi', 'Russell', 'Sanchez', 'Santos', 'Schmidt', 'Scott', 'Shah', 'Silva', 'Singh',
  'Stewart', 'Sullivan', 'Suzuki', 'Taylor', 'Thompson', 'Torres', 'Turner', 'Walker', 'Wang', 'Ward', 'Watson', 'White',
  'Wilson', 'Wong', 'Wright', 'Yamamoto', 'Young', 'Zhang',
];

/** Non-person identities: [first name, last name, identity type, department]. */
export const SERVICE_IDENTITIES: [string, string, 'Service Account' | 'Shared' | 'Mailbox', string][] = [
  ['Backup', 'Service', 'Service Account', 'Infrastructure'],
  ['Wire', 'Batch Service', 'Service Account', 'Wire Operations'],
  ['Card', 'Interface Service', 'Service Account', 'Card Services'],
  ['Reporting', 'Service', 'Service Account', 'Application Development'],
  ['Branch', 'Kiosk', 'Shared', 'Branch Operations'],
  ['Lending', 'Shared Desk', 'Shared', 'Consumer Lending'],
  ['Customer Care', 'Mailbox', 'Mailbox', 'Contact Center'],
  ['Compliance', 'Mailbox', 'Mailbox', 'Compliance'],
  ['Payroll', 'Mailbox', 'Mailbox', 'Payroll'],
  ['Security', 'Alerts Mailbox', 'Mailbox', 'Information Security'],
];

export const VENDOR_COMPANIES = ['Northwind Consulting', 'Contoso Services', 'Fabrikam IT', 'Tailspin Auditors'];

/** Business applications: name, departments with accounts there ('*' = everyone), connector kind. */
export const APPLICATIONS: [name: string, departments: string[] | '*', connector: 'files' | 'api'][] = [
  ['Microsoft 365', '*', 'api'],
  ['Okta Workforce Identity', ['Information Security', 'Infrastructure', 'Service Desk', 'Application Development', 'Core Systems'], 'api'],
  ['ServiceNow', ['Service Desk', 'Infrastructure', 'Information Security', 'Application Development'], 'api'],
  ['Workday HCM', ['HR Operations', 'Talent Acquisition', 'Payroll'], 'api'],
  ['ADP Workforce Now', ['Payroll', 'HR Operations'], 'files'],
  ['nCino Loan Origination', ['Consumer Lending', 'Commercial Lending', 'Credit Administration'], 'api'],
  ['Encompass Mortgage', ['Mortgage Lending'], 'files'],
  ['Fiserv Card Services', ['Card Services'], 'files'],
  ['FIS Wire Transfer', ['Wire Operations', 'Treasury Management'], 'files'],
  ['Q2 Online Banking Admin', ['Deposit Services', 'Contact Center', 'Branch Operations'], 'files'],
  ['Verafin', ['BSA/AML', 'Compliance'], 'files'],
  ['Abrigo Sageworks', ['Commercial Lending', 'Credit Administration'], 'files'],
  ['OnBase Document Imaging', ['Loan Servicing', 'Consumer Lending', 'Mortgage Lending', 'Deposit Services'], 'files'],
  ['DocuSign', ['Consumer Lending', 'Mortgage Lending', 'Commercial Lending'], 'api'],
  ['CyberArk Privileged Access', ['Infrastructure', 'Core Systems', 'Information Security'], 'files'],
  ['Cisco AnyConnect VPN', ['Infrastructure', 'Application Development', 'Information Security', 'Core Systems'], 'files'],
  ['Splunk Enterprise', ['Information Security', 'Infrastructure'], 'api'],
  ['GitHub Enterprise', ['Application Development'], 'api'],
  ['Jira Software', ['Application Development', 'Service Desk'], 'api'],
  ['Confluence', ['Application Development', 'Information Security', 'Internal Audit'], 'api'],
  ['Five9 Contact Center', ['Contact Center'], 'files'],
  ['Concur Expense', ['Accounting', 'Commercial Lending', 'Digital Marketing', 'Community Relations', 'Talent Acquisition'], 'api'],
  ['Oracle Financials', ['Accounting', 'Financial Planning'], 'files'],
  ['BlackLine', ['Accounting'], 'files'],
  ['Tableau', ['Financial Planning', 'Digital Marketing', 'Enterprise Risk'], 'api'],
  ['Bloomberg Terminal', ['Treasury Management'], 'files'],
  ['Kyriba Treasury', ['Treasury Management', 'Accounting'], 'files'],
  ['Bottomline Payments', ['Wire Operations', 'Accounting'], 'files'],
  ['Ncontracts', ['Compliance', 'Internal Audit'], 'files'],
  ['LogicGate Risk Cloud', ['Compliance', 'Internal Audit', 'BSA/AML'], 'api'],
  ['Wolters Kluwer Compliance Center', ['Compliance', 'Mortgage Lending'], 'files'],
  ['Salesforce Financial Services Cloud', ['Commercial Lending', 'Digital Marketing', 'Community Relations', 'Treasury Management'], 'api'],
  ['Marketo', ['Digital Marketing'], 'api'],
  ['Kronos Timekeeping', ['Branch Operations', 'Contact Center', 'Loan Servicing'], 'files'],
  ['Check Imaging Archive', ['Deposit Services', 'Branch Operations'], 'files'],
  ['Teller Capture', ['Branch Operations'], 'files'],
  ['Loan Servicing Portal', ['Loan Servicing'], 'files'],
  ['Collections Manager', ['Loan Servicing'], 'files'],
  ['Safe Deposit Box Tracker', ['Branch Operations'], 'files'],
  ['Treasury Internet Banking', ['Treasury Management'], 'files'],
  ['Vendor Risk Portal', ['Enterprise Risk', 'Compliance'], 'api'],
  ['Zoom Workplace', ['Contact Center', 'Talent Acquisition', 'HR Operations', 'Commercial Lending'], 'api'],
  ['Slack', ['Application Development', 'Infrastructure', 'Digital Marketing'], 'api'],
  ['Box', ['Commercial Lending', 'Mortgage Lending', 'Internal Audit'], 'api'],
  ['Power BI', ['Financial Planning', 'Enterprise Risk', 'Accounting'], 'api'],
];

/** Access Model of the spec's example applications (their records come from the spec itself). */
export const EXAMPLE_APPLICATION_DEPARTMENTS: Record<string, string[] | '*'> = {
  'Jack Henry Symitar': ['Consumer Lending', 'Branch Operations', 'Deposit Services', 'Loan Servicing', 'Core Systems'],
  'Active Directory': '*',
  'Legacy Teller Platform': ['Branch Operations'],
};

/** Copies of applications beyond the catalog (large data sets): other environments and regions. */
export const APPLICATION_VARIANTS = ['Test', 'Staging', 'Disaster Recovery', 'Region 2', 'Region 3'];

export const PRIORITIES = [['None', 1], ['Low', 3], ['Moderate', 5], ['High', 3], ['Critical', 1]] as const;

export const GROUP_NAMES = ['Tellers', 'Loan Officers', 'Approvers', 'Read Only', 'Administrators', 'Supervisors', 'Auditors', 'Operators'];
