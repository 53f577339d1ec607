import { capabilitiesOf, unknownScopes } from '../../../simulators/halo/auth/scopes';

/** The 44 scopes of HaloAPI's Classes/HaloAuth.psm1. */
const HALO_SCOPES = [
  'all', 'all:standard', 'admin',
  ...['tickets', 'calendar', 'customers', 'crm', 'timesheets', 'contracts', 'suppliers', 'items', 'projects', 'sales', 'quotes', 'sos', 'pos',
    'invoices', 'reporting', 'software', 'softwarelicensing', 'kb', 'assets'].flatMap((area) => [`read:${area}`, `edit:${area}`]),
  'editMine:timesheets', 'access:chat', 'access:adpasswordreset',
];

describe('Halo scope names', () => {
  it('knows all 44 of Halo scopes', () => {
    expect(HALO_SCOPES).toHaveLength(44);
    expect(unknownScopes(HALO_SCOPES)).toEqual([]);
  });

  it('grants nothing the simulator checks for scopes outside its modelled areas', () => {
    const policy = { allStandardCanConfigure: false };
    expect(capabilitiesOf(['editMine:timesheets', 'access:chat'], policy).size).toBe(0);
    expect([...capabilitiesOf(['edit:crm'], policy)].sort()).toEqual(['edit:crm', 'read:crm']);
  });
});
