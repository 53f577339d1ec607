/**
 * Counts asset creations per custom-field value: every asset created adds one under each custom
 * field value it carried. A count above 1 for a Console computer id is a duplicate asset.
 */
export class AssetCreateCounter {
  private readonly counts = new Map<string, Map<string, number>>();

  record(values: readonly { field: string; value: string }[]): void {
    for (const { field, value } of values) {
      const perValue = this.counts.get(field) ?? new Map<string, number>();
      perValue.set(value, (perValue.get(value) ?? 0) + 1);
      this.counts.set(field, perValue);
    }
  }

  /** `{ CFComputerId: { "<value>": <creates> } }` */
  snapshot(): Record<string, Record<string, number>> {
    return Object.fromEntries([...this.counts].map(([field, perValue]) => [field, Object.fromEntries(perValue)]));
  }

  reset(): void {
    this.counts.clear();
  }
}
