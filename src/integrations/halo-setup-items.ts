/** What setup creates in HaloPSA, found by these names before anything is created. */
export const COMPUTER_ID_FIELD = {
  name: 'ConsoleComputerId',
  label: 'Console computer ID',
  /** Halo's text type (UNSURE in the reference; 0 in every example). */
  type: 0,
  /** So that an asset can be found by its computer id (`GET /Asset?search=`) after a lost answer. */
  searchable: true,
};

export const CONNECT_BUTTON = {
  name: 'ConsoleConnectToComputer',
  label: 'Connect to computer',
};

/** The button's URL: this service's Connect route with Halo's `{$ID}` placeholder for the asset id. */
export function connectButtonUrl(publicBaseUrl: string, connectToken: string): string {
  return `${publicBaseUrl}/connect/${connectToken}/{$ID}`;
}
