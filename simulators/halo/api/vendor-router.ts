import { Router } from '../../shared/http-kit';
import { registerAuthRoutes } from '../auth/auth-routes';
import { HaloState } from '../state/halo-state';
import { registerAgentRoutes } from './agent-routes';
import { registerResource } from './resource-routes';
import { createAssetGroupResource } from './resources/asset-group-resource';
import { createAssetResource } from './resources/asset-resource';
import { createAssetTypeResource } from './resources/asset-type-resource';
import { createClientResource } from './resources/client-resource';
import { createCustomButtonResource } from './resources/custom-button-resource';
import { createFieldInfoResource } from './resources/field-info-resource';
import { createSiteResource } from './resources/site-resource';
import { createTicketResource } from './resources/ticket-resource';

/** Every route of the simulated vendor: the authorisation server and the resource server. */
export function createVendorRouter(state: HaloState, baseUrl: () => string): Router {
  const router = new Router();
  registerAuthRoutes(router, state, baseUrl);
  registerAgentRoutes(router, state);
  registerResource(router, createClientResource(state), state.settings);
  registerResource(router, createSiteResource(state), state.settings);
  registerResource(router, createAssetResource(state), state.settings);
  registerResource(router, createAssetTypeResource(state), state.settings);
  registerResource(router, createAssetGroupResource(state), state.settings);
  registerResource(router, createFieldInfoResource(state), state.settings);
  registerResource(router, createCustomButtonResource(state), state.settings);
  registerResource(router, createTicketResource(state), state.settings);
  return router;
}
