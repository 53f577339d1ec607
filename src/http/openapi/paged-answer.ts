import { z } from 'zod';

/** One page of a list: how many there are in all, which page, its size, and its items. */
export function pagedAnswer<T extends z.ZodType>(item: T) {
  return z.strictObject({ total: z.int(), page: z.int(), pageSize: z.int(), items: z.array(item) });
}
