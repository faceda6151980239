// Authentication: a missing, bad or malformed token gets 401.
import { rawClient } from '@permission-assist/client/raw';
import type { ContractCase } from './types.js';

export const authCases: ContractCase[] = [
  {
    name: 'listIdentities: no token',
    operationId: 'listIdentities',
    write: false,
    expectStatus: 401,
    run: ({ pa }) => rawClient(pa).GET('/api/identities', { headers: { Authorization: null } as never }),
  },
  {
    name: 'listIdentities: an expired or deleted token',
    operationId: 'listIdentities',
    write: false,
    expectStatus: 401,
    run: ({ withToken }) => withToken('pa_expired_contract_test_0000000000').identities.list(),
  },
  {
    name: 'getIdentity: a token in the wrong form',
    operationId: 'getIdentity',
    write: false,
    expectStatus: 401,
    run: ({ withToken }) => withToken('not-a-permission-assist-token').identities.get('00000000-0000-4000-8000-00000000c0de'),
  },
];
