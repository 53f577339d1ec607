/** What a new mapping will do in HaloPSA, and when: a mapping answer says it so a dry-run export is not mistaken for a review. */
export function exportNotice(autoExport: boolean): string {
  if (!autoExport) {
    return 'Auto-export is off: nothing is created in HaloPSA for this mapping until you run POST /api/v1/halopsa/computers/export (try ?dryRun=true first).';
  }
  return (
    'Auto-export is on: the unlinked computers of the mapped companies become HaloPSA assets at the next sync ' +
    '(the next Console change or schedule tick, usually within a minute), without an export from you. ' +
    'To review first, turn it off now with PUT /api/v1/halopsa/sync/settings {"autoExport": false}, then export with POST /api/v1/halopsa/computers/export.'
  );
}
