/** What a new mapping will do in HaloPSA, and when: a mapping answer says it so a dry-run export is not mistaken for a review. */
export function exportNotice(autoExport: boolean, companysOwnChoice = false): string {
  if (!autoExport) {
    return `Auto-export is off${companysOwnChoice ? ' for this company' : ''}: nothing is created in HaloPSA for this mapping until you run POST /api/v1/halopsa/computers/export (try ?dryRun=true first).`;
  }
  if (companysOwnChoice) {
    return 'Auto-export is on for this company: its unlinked computers become HaloPSA assets at the next sync, without an export from you.';
  }
  return (
    'Auto-export is on: the unlinked computers of the mapped companies become HaloPSA assets at the next sync ' +
    '(the next Console change or schedule tick, usually within a minute), without an export from you. ' +
    'To review first, map with {"autoExport": false} (this company only) or turn it off with PUT /api/v1/halopsa/sync/settings {"autoExport": false}, then export with POST /api/v1/halopsa/computers/export.'
  );
}
