/** A Console computer id (ComputerHID) as the product keeps and compares it anywhere: trimmed, braces stripped, lower case ('' for none). */
export function normaliseComputerId(value: string | null | undefined): string {
  if (typeof value !== 'string') return '';
  return value.trim().replace(/^\{(.*)\}$/, '$1').trim().toLowerCase();
}
