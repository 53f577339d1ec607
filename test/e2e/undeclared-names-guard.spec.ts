import { callApi, requestToken } from '../../simulators/halo/testing/halo-test-client';
import { startProductStack } from '../support/product-stack';

/** Every test file that starts the product fails when anything sent HaloPSA a name its OpenAPI document does not declare. */
describe('the product stack', () => {
  it('fails its stop when HaloPSA was sent an undeclared name', async () => {
    const stack = await startProductStack({ companies: 1, computers: 1 });
    const token = await requestToken(stack.halo);
    await callApi(stack.halo, token, 'GET', '/Asset?include_custom_fields=7');
    await expect(stack.stop()).rejects.toThrow(/does not declare: \{"GET \/Asset":\["query:include_custom_fields"\]\}/);
  });
});
