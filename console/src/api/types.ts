// What the REST API answers, as far as the console reads it (the services' OpenAPI documents have the rest).

export interface Page<T> {
  items: T[];
  page: number;
  size: number;
  total: number;
}

export interface InboxItem {
  id: string;
  kind: string;
  title: string;
  legalBasis: string;
  subjectType: string;
  subjectId: string;
  deadlineId: string;
  dueAt: string;
  raisedAt: string;
  role: string | null;
  read: boolean;
}

export interface Place {
  description: string;
  latitude?: number | null;
  longitude?: number | null;
}

export interface Identifier {
  type: string;
  value: string;
}

export interface Clue {
  id: string;
  agency: string;
  agencyLabel: string;
  region: string;
  source: string;
  sourceLabel: string;
  receivedAt: string;
  recordedAt: string;
  place: Place | null;
  speciesCodes: string[];
  behaviours: string[];
  summary: string;
  status: string;
  statusLabel: string;
  allowedSteps: string[];
  channel: string;
  referredTo: string | null;
  referredFrom: string | null;
  reporterOnFile: boolean | null;
  feedbackAt: string | null;
  identifiers: Identifier[] | null;
  people: string[] | null;
  evidence: string[];
  operationId: string | null;
  version: number;
  referralCopyId: string | null;
}

export interface SpeciesCount {
  speciesCode: string;
  count?: number;
  unit?: string;
  [key: string]: unknown;
}

export interface Custody {
  action: string;
  holder: string;
  location: string;
  at: string;
  by: string;
  note: string | null;
}

export interface Seizure {
  itemId: string;
  kind: string;
  speciesCode: string | null;
  description: string;
  quantity: number;
  unit: string;
  custody: Custody[];
}

export interface Party {
  kind: string;
  name: string;
  idNumber: string | null;
  phone: string | null;
  address: string | null;
}

export interface Case {
  id: string;
  number: string;
  kind: string;
  kindLabel: string;
  agency: string;
  region: string;
  status: string;
  statusLabel: string;
  openedAt: string;
  title: string;
  behaviours: string[];
  species: SpeciesCount[];
  protectionLevel: string | null;
  value: number | null;
  fines: number | null;
  parties: Party[];
  evidence: string[];
  grade: string;
  gradeLabel: string;
  seizures: Seizure[];
  supervision: { byRegion: string; byAgency: string; by: string; at: string; note: string; dueBy: string | null } | null;
  penalty: { decisionNumber: string; decidedAt: string; fine: number; confiscation: boolean; summary: string } | null;
  clueId: string | null;
  operationId: string | null;
  transferred: boolean;
  flags: string[];
  version: number;
}

export interface TimelineEntry {
  version: number;
  at: string;
  change: string;
  summary: string;
  by: string;
  byName: string;
  byAgency: string;
  door: string;
  details: Record<string, unknown>;
}

/** A sample user of the local runtime's development issuer (GET /auth/dev/users). */
export interface DevUser {
  id: string;
  name: string;
  agency: string;
  region: string;
  roles: string[];
  description: string;
}

/** A clue's reporter (举报人), for the receiving agency's handlers only: each read is audited. */
export interface Reporter {
  anonymous: boolean;
  name: string | null;
  phone: string | null;
  idNumber: string | null;
  contact: string | null;
  rewardRequested: boolean;
  recordedBy: string;
  recordedAt: string;
}

/** One step in a transfer's history (Transfer.Entry): REPORT, RETURN or a step's name such as REQUEST_RECONSIDERATION. */
export interface TransferEntry {
  step: string;
  state: string;
  by: string;
  byAgency: string;
  at: string;
  reasons: string[];
}

/**
 * A transfer of a suspected crime (两法衔接), as its parties see it (TransferController.TransferView). On a REVERSE
 * transfer the police sent the case back: `sendingAgency`/`sendingRegion` are then the administrative agency that
 * receives it, `receivingRegion` the police's.
 */
export interface Transfer {
  id: string;
  direction: 'FORWARD' | 'REVERSE';
  caseNumber: string;
  summary: string;
  sendingAgency: string;
  sendingRegion: string;
  receivingRegion: string;
  state: string;
  stateLabel: string;
  packageParts: string[];
  allowedSteps: string[];
  history: TransferEntry[];
  version: number;
  updatedAt: string;
}

/** One change of a legal clock (Deadline.Change): OPENED, PAUSED, EXTENDED, an alert kind, MET, MET_LATE, ... */
export interface DeadlineChange {
  at: string;
  change: string;
  eventId: string | null;
  by: string | null;
  dueAt: string | null;
  note: string;
}

/** A legal clock about one subject (notification-service's Deadline), as `GET /api/deadlines` answers it. */
export interface Deadline {
  id: string;
  ruleId: string;
  title: string;
  legalBasis: string;
  kind: 'DUTY' | 'WINDOW' | string;
  subjectType: string;
  subjectId: string;
  agency: string;
  region: string;
  startedAt: string;
  amount: number | null;
  unit: string | null;
  dueAt: string;
  dueDate: string | null;
  provisional: boolean;
  state: string;
  history: DeadlineChange[];
  version: number;
}
