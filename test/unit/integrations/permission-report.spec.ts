import { HaloCapabilities, HaloProbeName, HaloProbeResult } from '../../../src/halo/halo-capabilities';
import { HaloError } from '../../../src/halo/halo-errors';
import { buildPermissionReport, describeMissing } from '../../../src/integrations/permissions/permission-report';

const ALL_PROBES: HaloProbeName[] = ['customersRead', 'assetsRead', 'assetTypesRead', 'customFieldsRead', 'buttonsRead', 'assetsWrite', 'customersWrite', 'configurationWrite'];

function capabilities(overrides: { scopes?: string[]; isAdmin?: boolean; denied?: HaloProbeName[] } = {}): HaloCapabilities {
  const probes = Object.fromEntries(
    ALL_PROBES.map((name): [HaloProbeName, HaloProbeResult] => [name, overrides.denied?.includes(name) ? { status: 'denied', message: 'Forbidden' } : { status: 'granted' }]),
  ) as Record<HaloProbeName, HaloProbeResult>;
  return { token: { ok: true, grantedScopes: overrides.scopes ?? ['all'] }, agent: { name: 'API Agent', isAdmin: overrides.isAdmin ?? true }, probes, requests: 10 };
}

const allConsoleRights = { missing: [] };
const at = new Date('2026-01-01T00:00:00Z');

describe('the permission report', () => {
  it('allows every action when every requirement holds, with no fixes shown', () => {
    const report = buildPermissionReport(capabilities(), allConsoleRights, at);
    for (const action of ['create', 'manage', 'delete'] as const) {
      expect(report.actions[action].allowed).toBe(true);
      expect(report.actions[action].requirements.every((r) => r.fix === undefined)).toBe(true);
    }
  });

  it('blocks create and delete, not manage, for a non-admin agent, and says where to fix it', () => {
    const report = buildPermissionReport(capabilities({ isAdmin: false }), allConsoleRights, at);
    expect(report.actions.manage.allowed).toBe(true);
    expect(report.actions.create.allowed).toBe(false);
    expect(report.actions.delete.allowed).toBe(false);
    expect(describeMissing(report.actions.create.requirements)).toBe('the HaloPSA agent lacks "HaloPSA administrator"');
    expect(report.actions.delete.requirements.find((r) => !r.holds)?.fix).toMatch(/Teams & Agents > Agents > .*API Agent/);
  });

  it('names the application scope when the application may only read and edit assets', () => {
    const report = buildPermissionReport(capabilities({ scopes: ['read:customers', 'edit:assets'], denied: ['configurationWrite'] }), allConsoleRights, at);
    expect(report.actions.manage.allowed).toBe(true);
    expect(describeMissing(report.actions.create.requirements)).toMatch(/HaloPSA application lacks "Scope "all"/);
  });

  it('maps each denied agent probe to the permission it proves missing', () => {
    const report = buildPermissionReport(capabilities({ denied: ['assetsWrite', 'customersRead'] }), allConsoleRights, at);
    expect(describeMissing(report.actions.manage.requirements)).toBe('the HaloPSA agent lacks "Customers: read"; the HaloPSA agent lacks "Assets: modify"');
  });

  it('reports refused credentials as the one failing requirement before anything else', () => {
    const refused: HaloCapabilities = { token: { ok: false, error: new HaloError('invalid_client', 'The client id or secret is wrong') }, requests: 1 };
    const report = buildPermissionReport(refused, allConsoleRights, at);
    expect(report.authenticationError).toBe('The client id or secret is wrong');
    expect(report.actions.manage.requirements[0]).toMatchObject({ holds: false, requirement: 'Valid Client ID, Client Secret and tenant' });
    expect(report.actions.manage.allowed).toBe(false);
  });

  it("includes the Console administrator's missing permissions in every action", () => {
    const report = buildPermissionReport(capabilities(), { missing: ['Miscellaneous > PSA integration'] }, at);
    for (const action of ['create', 'manage', 'delete'] as const) {
      expect(describeMissing(report.actions[action].requirements)).toBe('the Console administrator lacks "Miscellaneous > PSA integration"');
    }
  });
});
