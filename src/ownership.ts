/**
 * Who owns which table, and who may read what it does not own: the one list (issue 15, STYLE.md "Boundaries").
 *
 * Only the owner writes its tables; another module asks the owner's exported service. The read-side modules
 * (progress, reports, deadlines) are declared readers of the tables they aggregate. `test/architecture` parses the
 * SQL and the entity imports under src/ and fails when a module touches a table it neither owns nor reads here, or
 * that is not in KNOWN_CROSSINGS below.
 */
export const TABLE_OWNERS: Record<string, string> = {
  admin_units: 'reference',
  agencies: 'reference',
  signatories: 'reference',
  attachments: 'attachments',
  audit_entries: 'core/audit',
  case_transitions: 'cases',
  cases: 'cases',
  complaint_events: 'complaints',
  complaint_rules: 'complaints',
  complaints: 'complaints',
  documents: 'documents',
  early_handover_bonuses: 'handover',
  engagements: 'engagement',
  handover_days: 'handover',
  handovers: 'handover',
  holidays: 'calendar',
  inventories: 'inventory',
  inventory_items: 'inventory',
  issued_numbers: 'numbering',
  land_types: 'land-types',
  land_users: 'land-users',
  late_payment_rates: 'payments',
  migrations: 'core/database',
  milestones: 'projects',
  number_counters: 'numbering',
  parcels: 'parcels',
  payments: 'payments',
  plan_cases: 'plans',
  // Kept by triggers on the cases' inputs; read by the staleness check of draft plans.
  case_input_fingerprints: 'plans',
  plan_line_corrections: 'plans',
  plan_lines: 'plans',
  plan_transitions: 'plans',
  plans: 'plans',
  price_books: 'pricing',
  procedure_regimes: 'regimes',
  project_communes: 'projects',
  projects: 'projects',
  report_rules: 'reports',
  sessions: 'core/auth',
  users: 'core/auth',
};

/**
 * Declared readers: modules whose job is to read across others (a dashboard, a report, an agenda), and reference
 * data everyone may read (communes, agencies, land types).
 */
export const READERS: Record<string, string[]> = {
  '*': ['admin_units', 'agencies', 'land_types'],
  progress: [
    'cases',
    'case_transitions',
    'handovers',
    'handover_days',
    'payments',
    'plans',
    'plan_cases',
    'milestones',
    'projects',
    'project_communes',
    'land_users',
    'parcels',
  ],
  reports: [
    'cases',
    'case_transitions',
    'payments',
    'projects',
    'complaints',
    'engagements',
    'handovers',
    'handover_days',
    'land_users',
    'users',
  ],
  'core/health': ['migrations'],
  deadlines: [
    'cases',
    'case_transitions',
    'land_users',
    'plans',
    'plan_cases',
    'plan_transitions',
    'projects',
    'project_communes',
    'complaints',
    'documents',
    'report_rules',
    'holidays',
  ],
};

/** The composition root (src/*.ts: the entity list, the app module, the CLI) wires every module's entities. */
export const COMPOSITION_ROOT = 'app';

/**
 * Crossings that exist today and must go: each is a module reading (or writing) another's table with its own SQL or
 * entity. The test fails when a new one appears, and when one listed here no longer happens (delete its line: the
 * list only shrinks). Generated from the analysis on 2026-11-30; see docs/architecture.md for the plan.
 */
export const KNOWN_CROSSINGS: string[] = [
  'payments → cases (src/modules/payments/payments.repository.ts)',
  'payments → land_users (src/modules/payments/payments.repository.ts)',
  'payments → plan_cases (src/modules/payments/payments.repository.ts)',
  'payments → plans (src/modules/payments/payments.repository.ts)',
  'payments → project_communes (src/modules/payments/payments.repository.ts)',
  'payments → projects (src/modules/payments/payments.repository.ts)',
  'cases → land_users (src/modules/cases/case.entity.ts)',
  'cases → land_users (src/modules/cases/cases.repository.ts)',
  'cases → parcels (src/modules/cases/cases.repository.ts)',
  'cases → projects (src/modules/cases/case.entity.ts)',
  'complaints → projects (src/modules/complaints/complaint.entity.ts)',
  'plans → price_books (src/modules/plans/plan.entity.ts)',
  'plans → projects (src/modules/plans/plan.entity.ts)',
  'projects → procedure_regimes (src/modules/projects/project.entity.ts)',
  'projects → procedure_regimes (src/modules/projects/projects.repository.ts)',
];
