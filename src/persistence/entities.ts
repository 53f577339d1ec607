/** Every TypeORM entity, listed explicitly so compiled and test builds load the same set. */
export const ENTITIES: Function[] = [];
