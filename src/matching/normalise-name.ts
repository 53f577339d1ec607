/**
 * The form in which names are compared (company ↔ customer names, host names ↔ asset tags):
 * Unicode NFC, surrounding whitespace trimmed, inner runs of whitespace collapsed to one space,
 * case folded with the `en` locale (so the result never depends on the server's locale).
 *
 * Idempotent: `normaliseName(normaliseName(s)) === normaliseName(s)`. `null`/`undefined` give `''`,
 * and an empty result never matches anything (callers check).
 */
export function normaliseName(name: string | null | undefined): string {
  if (typeof name !== 'string') return '';
  return name
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .trim()
    .toLocaleLowerCase('en')
    .normalize('NFC');
}
