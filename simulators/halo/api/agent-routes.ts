import { json, Router } from '../../shared/http-kit';
import { HaloState } from '../state/halo-state';
import { assetTypeName } from './resources/lookups';

/**
 * `GET /api/Agent/me`: the agent the token acts as. `assettypes` lists what the agent may do per
 * asset type (every type, all rights, when it may use all of them). Feature access levels are not
 * shown: Halo's JSON names for them are unknown, so clients should probe cheap reads instead.
 */
export function registerAgentRoutes(router: Router, state: HaloState): void {
  router.on('GET', '/api/Agent/me', () => {
    const { id, name, email, is_admin, isapiagent, isdisabled, roles, assettypes } = state.agent;
    const rights =
      assettypes ??
      state.assetTypes
        .all()
        .filter((type) => !type.inactive)
        .map((type) => ({ assettype_id: type.id, canview: true, cancreate: true, canedit: true }));
    return json(200, {
      id,
      name,
      email,
      is_admin,
      isapiagent,
      isdisabled,
      roles,
      assettypes: rights.map((right) => ({ ...right, agent_id: id, assettype_name: assetTypeName(state, right.assettype_id) })),
    });
  });
}
