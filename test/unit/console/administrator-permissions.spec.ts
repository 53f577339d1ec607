import { companyAccessMode, requiredConsolePermissions, visibleCompanyNames } from '../../../src/console/administrator-permissions';
import type { ConsoleAdministrator } from '../../../src/console/console-types';
import { generateDemoData } from '../../../simulators/demo-data/generate-demo-data';

function admin(overrides: Partial<ConsoleAdministrator>): ConsoleAdministrator {
  return {
    AdminID: 'a1',
    Email: 'someone@msp.example',
    Enabled: true,
    PermissionsModels: {},
    Companies: [],
    AccessToCompaniesMode: 'AllCompanies',
    ...overrides,
  };
}

describe('requiredConsolePermissions', () => {
  it('reads the demo data as the simulator serves it', () => {
    const [owner, helpdesk, regional, technician] = generateDemoData({ companies: 8, computers: 10, seed: 3 }).console.administrators;
    expect(requiredConsolePermissions(owner)).toEqual({ users: true, psaIntegration: true, enabled: true });
    expect(requiredConsolePermissions(helpdesk)).toEqual({ users: true, psaIntegration: false, enabled: true });
    expect(requiredConsolePermissions(regional)).toEqual({ users: true, psaIntegration: true, enabled: true });
    expect(requiredConsolePermissions(technician)).toEqual({ users: false, psaIntegration: true, enabled: true });
  });

  it.each<[string, unknown, { users: boolean; psaIntegration: boolean }]>([
    ['0/1 flags, vendor spelling', { Users: 1, PSA: 1, Monitiring: 0 }, { users: true, psaIntegration: true }],
    ['0 flags', { Users: 0, PSA: 0 }, { users: false, psaIntegration: false }],
    ['booleans', { Users: true, PSA: false }, { users: true, psaIntegration: false }],
    ['numeric strings', { Users: '1', PSA: '0' }, { users: true, psaIntegration: false }],
    ['words', { Users: 'True', PSA: 'Enabled' }, { users: true, psaIntegration: true }],
    ['"false" words', { Users: 'false', PSA: 'no' }, { users: false, psaIntegration: false }],
    ['camelCase keys', { users: 1, psa: 1 }, { users: true, psaIntegration: true }],
    ['UPPER-CASE keys', { USERS: 1, PSA: 1 }, { users: true, psaIntegration: true }],
    ['spelled-out PSA integration', { Users: 1, PSA_Integration: 1 }, { users: true, psaIntegration: true }],
    ['permission levels', { Users: 2, PSA: 0 }, { users: true, psaIntegration: false }],
    ['flag objects with Enabled', { Users: { Enabled: true }, PSA: { Enabled: false } }, { users: true, psaIntegration: false }],
    ['flag objects with Value', { Users: { Value: 1 }, PSA: { value: '1' } }, { users: true, psaIntegration: true }],
    ['flag objects with Allowed', { Users: { Allowed: 'true' }, PSA: { IsAllowed: 0 } }, { users: true, psaIntegration: false }],
    ['flag objects of sub-rights, all granted', { Users: { View: 1, Edit: 1 }, PSA: { View: 1, Edit: 0 } }, { users: true, psaIntegration: false }],
    ['areas nested in groups', { General: { Users: 1 }, Miscellaneous: { PSA: 1 } }, { users: true, psaIntegration: true }],
    ['deeply nested groups', { Areas: { Misc: { Integrations: { PSA: true } } }, Users: 1 }, { users: true, psaIntegration: true }],
    ['the shallowest match winning', { PSA: 0, Miscellaneous: { PSA: 1 }, Users: 1 }, { users: true, psaIntegration: false }],
    ['an array of models', [{ Name: 'Users', Value: 1 }, { Name: 'PSA', Value: 0 }], { users: true, psaIntegration: false }],
    ['an array of models with other key names', [{ permission: 'users', enabled: true }, { Type: 'PSA', Granted: true }], { users: true, psaIntegration: true }],
    ['an array of granted names', ['Users', 'PSA'], { users: true, psaIntegration: true }],
    ['an array of name-only models', [{ Name: 'Users' }], { users: true, psaIntegration: false }],
    ['a JSON string', '{"Users":1,"PSA":1}', { users: true, psaIntegration: true }],
    ['a comma list of granted names', 'Users, PSA', { users: true, psaIntegration: true }],
    ['an empty object', {}, { users: false, psaIntegration: false }],
    ['null', null, { users: false, psaIntegration: false }],
    ['undefined', undefined, { users: false, psaIntegration: false }],
    ['a broken JSON string', '{"Users":1,', { users: false, psaIntegration: false }],
    ['unknown words', { Users: 'maybe', PSA: 'sometimes' }, { users: false, psaIntegration: false }],
    ['null flags', { Users: null, PSA: null }, { users: false, psaIntegration: false }],
    ['unrelated areas only', { Billing: 1, Administrators: 1, UsersReport: 1, PSAReport: 1 }, { users: false, psaIntegration: false }],
  ])('reads %s', (_name, models, expected) => {
    const result = requiredConsolePermissions(admin({ PermissionsModels: models }));
    expect({ users: result.users, psaIntegration: result.psaIntegration }).toEqual(expected);
  });

  it.each<[unknown, boolean]>([
    [true, true],
    [false, false],
    [1, true],
    [0, false],
    ['true', true],
    ['False', false],
    [undefined, false],
    [null, false],
  ])('reads Enabled %j as %s', (enabled, expected) => {
    expect(requiredConsolePermissions(admin({ Enabled: enabled })).enabled).toBe(expected);
  });
});

describe('visibleCompanyNames', () => {
  const companies = [{ Name: 'Acme Corp' }, { Name: 'Globex' }, { Name: 'Initech' }];

  it.each<[string, Partial<ConsoleAdministrator>, string[]]>([
    ['"AllCompanies"', { AccessToCompaniesMode: 'AllCompanies', Companies: [] }, ['Acme Corp', 'Globex', 'Initech']],
    ['"allcompanies" in any case', { AccessToCompaniesMode: 'allCompanies', Companies: [] }, ['Acme Corp', 'Globex', 'Initech']],
    ['"All_Companies"', { AccessToCompaniesMode: 'All_Companies', Companies: [] }, ['Acme Corp', 'Globex', 'Initech']],
    ['"AllCompanies" even with a stray list', { AccessToCompaniesMode: 'AllCompanies', Companies: ['Globex'] }, ['Acme Corp', 'Globex', 'Initech']],
    ['"SpecifiedCompanies"', { AccessToCompaniesMode: 'SpecifiedCompanies', Companies: ['Initech', 'Acme Corp'] }, ['Acme Corp', 'Initech']],
    ['names matched ignoring case and spaces', { AccessToCompaniesMode: 'SpecifiedCompanies', Companies: [' acme corp ', 'GLOBEX'] }, ['Acme Corp', 'Globex']],
    ['listed companies that no longer exist', { AccessToCompaniesMode: 'SpecifiedCompanies', Companies: ['Umbrella', 'Globex'] }, ['Globex']],
    ['"SpecifiedCompanies" with none listed', { AccessToCompaniesMode: 'SpecifiedCompanies', Companies: [] }, []],
    ['1 (all) with an empty list', { AccessToCompaniesMode: 1, Companies: [] }, ['Acme Corp', 'Globex', 'Initech']],
    ['"1" as a string', { AccessToCompaniesMode: '1', Companies: [] }, ['Acme Corp', 'Globex', 'Initech']],
    ['1 with a list (ambiguous: the list wins)', { AccessToCompaniesMode: 1, Companies: ['Globex'] }, ['Globex']],
    ['0 (specified)', { AccessToCompaniesMode: 0, Companies: ['Globex'] }, ['Globex']],
    ['"0"', { AccessToCompaniesMode: '0', Companies: ['Initech'] }, ['Initech']],
    ['an unknown mode (fails closed)', { AccessToCompaniesMode: 'Everything', Companies: ['Globex'] }, ['Globex']],
    ['a missing mode (fails closed)', { AccessToCompaniesMode: undefined, Companies: [] }, []],
    ['a missing Companies list', { AccessToCompaniesMode: 'SpecifiedCompanies', Companies: undefined as unknown as string[] }, []],
  ])('honours %s', (_name, overrides, expected) => {
    expect(visibleCompanyNames(admin(overrides), companies)).toEqual(expected);
  });

  it('takes company names as strings too, and keeps their order and spelling', () => {
    expect(visibleCompanyNames(admin({ AccessToCompaniesMode: 'SpecifiedCompanies', Companies: ['initech', 'acme corp'] }), ['Acme Corp', 'Initech'])).toEqual([
      'Acme Corp',
      'Initech',
    ]);
  });

  it('reads the demo data: the regional administrator sees only the companies listed', () => {
    const data = generateDemoData({ companies: 12, computers: 10, seed: 5 }).console;
    const [owner, , regional] = data.administrators;
    expect(companyAccessMode(owner)).toBe('all');
    expect(visibleCompanyNames(owner, data.companies)).toHaveLength(12);
    expect(companyAccessMode(regional)).toBe('specified');
    expect(visibleCompanyNames(regional, data.companies)).toEqual(data.companies.map((c) => c.Name).filter((n) => regional.Companies.includes(n)));
    expect(visibleCompanyNames(regional, data.companies).length).toBeGreaterThan(0);
    expect(visibleCompanyNames(regional, data.companies).length).toBeLessThan(12);
  });
});
