// Identities as personnel events change them: the one an onboarding creates, the attributes a role
// transition changes, and the Access Model (which applications a department's people have accounts in).
import { iso } from '../clock.js';
import type { IdentityDetails, IdentityRecord } from '../model.js';
import type { Random } from '../random.js';
import type { Store } from '../store.js';
import type { IdentityType } from '@permission-assist/client';

/** Request spelling -> response spelling (the only one that differs is ServiceAccount). */
export function identityTypeOf(input: string | undefined): IdentityType {
  return (input === 'ServiceAccount' ? 'Service Account' : (input ?? 'Employee')) as IdentityType;
}

/** "Last, First", as the vendor's samples show people. */
export function displayName(record: IdentityRecord): string {
  return `${record.identity.lastName}, ${record.identity.firstName}`;
}

/** A login unique in the organisation: first initial and last name (`rjohnson`), then `rjohnson2`... */
export function uniqueUsername(store: Store, firstName: string, lastName: string): string {
  const base = `${firstName.charAt(0)}${lastName}`.normalize('NFD').replace(/[^A-Za-z]/g, '').toLowerCase() || 'user';
  const taken = store.usernames();
  let name = base;
  for (let n = 2; taken.has(name); n += 1) name = `${base}${n}`;
  taken.add(name);
  return name;
}

/** Ids of the applications whose Access Model gives this department's people an account. */
export function accessModel(store: Store, department: string | null): string[] {
  const ids: string[] = [];
  for (const record of store.applications.values()) {
    if (record.application.isArchived) continue;
    if (record.departments.includes('*') || (department !== null && record.departments.includes(department))) ids.push(record.application.id);
  }
  return ids;
}

/** The identity an approved onboarding event creates from the details it was sent. */
export function identityFromDetails(store: Store, random: Random, details: IdentityDetails, now: number): IdentityRecord {
  const supervisor = details.supervisorId ? store.identities.get(details.supervisorId) : undefined;
  const firstName = details.firstName ?? '';
  const lastName = details.lastName ?? '';
  const timestamp = iso(now);
  return {
    identity: {
      id: random.uuid(),
      kind: 'Identity',
      firstName,
      lastName,
      emailAddress: details.email ?? null,
      type: identityTypeOf(details.identityType),
      title: details.title ?? null,
      company: details.company ?? null,
      division: details.division ?? null,
      department: details.department ?? null,
      office: details.office ?? null,
      supervisorName: supervisor ? displayName(supervisor) : null,
      createdDate: timestamp,
      updatedDate: timestamp,
      firstSeenDate: timestamp,
      inactivatedDate: null,
      status: 'Active',
    },
    supervisorId: supervisor ? details.supervisorId! : null,
    username: uniqueUsername(store, firstName, lastName),
    accounts: [],
  };
}

/** A role transition's partial update: only the attributes sent change. */
export function applyDetails(store: Store, record: IdentityRecord, details: IdentityDetails, now: number): void {
  const identity = record.identity;
  if (details.firstName !== undefined || details.lastName !== undefined) {
    store.reposition('identities', record, () => {
      if (details.firstName !== undefined) identity.firstName = details.firstName;
      if (details.lastName !== undefined) identity.lastName = details.lastName;
    });
  }
  if (details.email !== undefined) identity.emailAddress = details.email;
  if (details.identityType !== undefined) identity.type = identityTypeOf(details.identityType);
  for (const field of ['title', 'company', 'division', 'department', 'office'] as const) {
    if (details[field] !== undefined) identity[field] = details[field]!;
  }
  if (details.supervisorId !== undefined) {
    const supervisor = store.identities.get(details.supervisorId);
    record.supervisorId = supervisor ? details.supervisorId : record.supervisorId;
    if (supervisor) identity.supervisorName = displayName(supervisor);
  }
  identity.updatedDate = iso(now);
}
