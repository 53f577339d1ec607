/** Every migration, in order; append, never edit one that has shipped. */
export const MIGRATIONS: Function[] = [];
