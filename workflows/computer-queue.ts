/** Computers waiting for a sync run, each once: what events and the watcher named since the last run took them. */
export class ComputerQueue {
  private readonly hids: Set<string>;

  constructor(initial: readonly string[] = []) {
    this.hids = new Set(initial);
  }

  get size(): number {
    return this.hids.size;
  }

  add(hids: readonly string[]): void {
    for (const hid of hids) this.hids.add(hid);
  }

  /** Everything queued, in id order, and the queue emptied. */
  takeAll(): string[] {
    const taken = this.peek();
    this.hids.clear();
    return taken;
  }

  /** Everything queued, in id order (what a continued history carries over). */
  peek(): string[] {
    return [...this.hids].sort();
  }

  /** A full run covers them all. */
  clear(): void {
    this.hids.clear();
  }
}
