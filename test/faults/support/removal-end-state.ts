import { waitFor } from '../../../dev/wait-for';
import { ProductStack } from '../../support/product-stack';
import { tableCount } from '../../support/table-count';
import { MappedIntegration } from './fault-journey';
import { FaultFigures, InjectedFaults } from './fault-summary';

export interface RemovalView {
  removalId: string;
  state: string;
  steps: { step: string; outcome: string }[];
  manualActions: { state: string }[];
}

export interface RemovalEndState {
  state: string;
  stepsNotDone: string[];
  openActions: number;
  /** What the removal must take out of HaloPSA: the button and the custom fields. */
  buttons: number;
  fields: number;
  integrationRows: number;
  /** What it must leave: every asset, and add none. */
  assetsLost: number;
  assetsAdded: number;
}

export async function removalView(journey: MappedIntegration): Promise<RemovalView> {
  const answer = await journey.api<RemovalView>('GET', '/api/v1/halopsa/removal');
  if (answer.status !== 200) throw new Error(`GET /api/v1/halopsa/removal answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  return answer.body;
}

/** Waits for the removal to finish, then reads what it left behind; `assetIdsBefore`: the assets when it started. */
export async function inspectRemoval(stack: ProductStack, journey: MappedIntegration, assetIdsBefore: readonly number[], timeoutMs: number): Promise<RemovalEndState> {
  let view: RemovalView | undefined;
  await waitFor(
    'the removal to finish',
    async () => {
      view = await removalView(journey);
      return view.state !== 'removing';
    },
    timeoutMs,
    750,
  );
  const removal = view!;
  const before = new Set(assetIdsBefore);
  const after = new Set(stack.halo.state.assets.all().map((asset) => asset.id));
  return {
    state: removal.state,
    stepsNotDone: removal.steps.filter((step) => step.outcome !== 'done').map((step) => step.step),
    openActions: removal.manualActions.filter((action) => action.state === 'open').length,
    buttons: stack.halo.state.customButtons.all().filter((button) => button.name === 'ConsoleConnectToComputer').length,
    fields: stack.halo.state.fieldInfos.all().filter((field) => field.name.toLowerCase().startsWith('cfconsole')).length,
    integrationRows: await tableCount(stack.database.url, 'integrations'),
    assetsLost: [...before].filter((id) => !after.has(id)).length,
    assetsAdded: [...after].filter((id) => !before.has(id)).length,
  };
}

/** A removal's items are the assets it must leave in place; an asset it added counts as a duplicate. */
export function removalFigures(end: RemovalEndState, assetsBefore: number, injected: InjectedFaults): FaultFigures {
  return {
    ...injected,
    runsCompleted: end.state === 'removed' ? 1 : 0,
    unfinished: end.stepsNotDone.length,
    items: assetsBefore,
    duplicates: end.assetsAdded,
    lost: end.assetsLost,
  };
}
