// Creating personnel events: the request is already valid against the spec; these are the vendor's
// business rules, checked in the order a server would (field rules first, all reported at once;
// then the identity the event is about, which must exist).
import { iso } from '../clock.js';
import { HttpError, validationError, type FieldError } from '../../http/errors.js';
import type { EventType } from '../lifecycle/events.js';
import type { IdentityDetails } from '../model.js';
import { renderEvent } from '../render.js';
import type { Sandbox } from '../sandbox.js';
import type { Handler, Handlers } from './types.js';

/** Custom fields the sandbox treats as enabled in its system settings (a real server's administrator decides). */
export const ENABLED_CUSTOM_FIELDS = 10;

interface EventBody {
  identityId?: string;
  identity?: IdentityDetails;
  effectiveDate: string;
  endDate?: string;
  comment?: string;
}

/** Only the date part of an EventDate matters: the day as written. */
const dayOf = (value: string) => value.slice(0, 10);

function fieldRules(sandbox: Sandbox, body: EventBody, now: number): FieldError[] {
  const problems: FieldError[] = [];
  const today = iso(now).slice(0, 10);
  const effective = dayOf(body.effectiveDate);
  if (effective < today) problems.push({ field: 'effectiveDate', message: `Effective date must be today (${today} on the sandbox clock) or later` });
  if (body.endDate !== undefined && dayOf(body.endDate) <= effective) {
    problems.push({ field: 'endDate', message: `End date must be after the effective date (${effective})` });
  }
  const supervisorId = body.identity?.supervisorId;
  if (supervisorId && !sandbox.store.identities.has(supervisorId.toLowerCase())) {
    problems.push({ field: 'identity.supervisorId', message: `Supervisor id matches no identity (${supervisorId})` });
  }
  for (const key of Object.keys(body.identity ?? {})) {
    const n = /^customField(\d+)$/.exec(key);
    if (n && Number(n[1]) > ENABLED_CUSTOM_FIELDS) {
      problems.push({ field: `identity.${key}`, message: `Custom field ${n[1]} is not enabled (the sandbox enables customField1 to customField${ENABLED_CUSTOM_FIELDS})` });
    }
  }
  return problems;
}

function create(sandbox: Sandbox, type: EventType): Handler {
  return ({ body, now }) => {
    const input = body as EventBody;
    const problems = fieldRules(sandbox, input, now);
    if (problems.length) throw validationError(problems);
    const identityId = input.identityId?.toLowerCase() ?? null;
    if (type !== 'Onboard' && !sandbox.store.identities.has(identityId!)) throw new HttpError(404, `Identity with id ${input.identityId} not found`);
    const record = sandbox.createEvent(
      {
        type,
        identityId: type === 'Onboard' ? null : identityId,
        details: input.identity ?? null,
        effectiveDay: dayOf(input.effectiveDate),
        endDay: input.endDate ? dayOf(input.endDate) : null,
        comment: input.comment ?? null,
        reporter: sandbox.store.actors.apiToken,
        pace: 'fast',
      },
      now,
    );
    return { status: 201, body: renderEvent(sandbox.store, record) };
  };
}

export function eventHandlers(sandbox: Sandbox): Handlers {
  return {
    createOnboardEvent: create(sandbox, 'Onboard'),
    createOffboardEvent: create(sandbox, 'Offboard'),
    createRoleTransitionEvent: create(sandbox, 'Role Transition'),
    createLeaveOfAbsenceEvent: create(sandbox, 'Absence'),
  };
}
