// The one route matcher the mock's router and the contract checker share.
import { describe, expect, it } from 'vitest';
import { createRouteTable, listOperations, loadSpec } from '../src/index.js';

const table = createRouteTable(listOperations(loadSpec()).filter((op) => op.section === 'paths'));

describe('createRouteTable', () => {
  it('takes a literal path before a templated one, whatever their order in the spec', () => {
    const reversed = createRouteTable([
      { path: '/api/application-imports/{id}', method: 'get', name: 'byId' },
      { path: '/api/application-imports/stage', method: 'get', name: 'stage' },
    ]);
    const match = reversed.match('GET', '/api/application-imports/stage');
    expect(match.found && match.route.name).toBe('stage');
  });

  it('of two entries for the same method and literal path, takes the first; a literal is matched whole', () => {
    const doubled = createRouteTable([
      { path: '/api/x', method: 'post', name: 'first' },
      { path: '/api/x', method: 'POST', name: 'second' },
    ]);
    const match = doubled.match('post', '/api/x');
    expect(match.found && match.route.name).toBe('first');
    expect(doubled.match('POST', '/api/x/')).toEqual({ found: false, allow: [] });
    expect(doubled.match('GET', '/api/x')).toEqual({ found: false, allow: ['POST'] });
  });

  it('hands path parameters back as sent, for the caller to decode its own way', () => {
    const match = table.match('get', '/api/identities/a%2Fb');
    expect(match).toMatchObject({ found: true, rawParams: { id: 'a%2Fb' }, route: { operationId: 'getIdentity' } });
  });

  it('names the methods a path allows when the method is wrong, and none when the path is unknown', () => {
    expect(table.match('DELETE', '/api/identities')).toEqual({ found: false, allow: ['GET'] });
    expect(table.match('GET', '/api/nothing-here')).toEqual({ found: false, allow: [] });
  });

  it('answers HEAD as GET only when asked to, and then allows HEAD wherever GET is', () => {
    expect(table.match('HEAD', '/api/identities').found).toBe(false);
    expect(table.match('HEAD', '/api/identities', { headAsGet: true }).found).toBe(true);
    expect(table.match('DELETE', '/api/identities', { headAsGet: true })).toEqual({ found: false, allow: ['GET', 'HEAD'] });
  });

  it('does not treat regular-expression characters in a template as patterns', () => {
    const dotted = createRouteTable([{ path: '/files/{name}.json', method: 'GET' }]);
    expect(dotted.match('GET', '/files/a.json')).toMatchObject({ found: true, rawParams: { name: 'a' } });
    expect(dotted.match('GET', '/files/axjson').found).toBe(false);
  });
});
