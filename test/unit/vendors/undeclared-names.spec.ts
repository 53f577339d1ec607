import { operationOf, undeclaredNames } from '../../../simulators/halo/declared/declared-names';

const query = (text = '') => new URLSearchParams(text);

describe('undeclaredNames', () => {
  it('passes what the operation declares', () => {
    expect(undeclaredNames('GET', '/api/Asset', query('client_id=3&includeassetfields=true&pageinate=true&page_size=500&page_no=1'), undefined)).toEqual([]);
    expect(undeclaredNames('POST', '/api/Asset', query(), [{ site_id: 1, assettype_id: 2, customfields: [{ id: 7, value: 'x' }] }])).toEqual([]);
  });

  it('reports an undeclared query parameter', () => {
    expect(undeclaredNames('GET', '/api/Asset', query('client_id=3&include_custom_fields=7'), undefined)).toEqual(['query:include_custom_fields']);
  });

  it('compares query names case-insensitively, as ASP.NET binds them', () => {
    expect(undeclaredNames('GET', '/api/Asset', query('Client_ID=3&globalSearchID=1'), undefined)).toEqual([]);
  });

  it('reports undeclared body properties of every element, and of custom-field items', () => {
    const body = [{ site_id: 1, nickname: 'red' }, { id: 4, customfields: [{ id: 7, value: 'x', shade: 1 }] }];
    expect(undeclaredNames('POST', '/api/Asset', query(), body)).toEqual(['body:nickname', 'body:customfields[].shade']);
  });

  it('matches concrete paths to operations whatever their case', () => {
    expect(operationOf('GET', '/api/asset/12')).toBe('GET /Asset/{id}');
    expect(operationOf('get', '/API/Agent/me')).toBe('GET /Agent/me');
    expect(undeclaredNames('GET', '/api/asset/12', query('includedetails=true'), undefined)).toEqual([]);
  });

  it('reports an operation the document does not have', () => {
    expect(undeclaredNames('PUT', '/api/Asset/12', query(), {})).toEqual(['operation']);
    expect(undeclaredNames('GET', '/api/Unknown', query(), undefined)).toEqual(['operation']);
  });

  it('never checks the token endpoint or the test-control API', () => {
    expect(undeclaredNames('POST', '/auth/token', query('tenant=x'), undefined)).toEqual([]);
    expect(undeclaredNames('GET', '/_sim/counters', query('x=1'), undefined)).toEqual([]);
  });
});
