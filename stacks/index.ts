/** The ready-made stacks. */
export * from './app';
export * from './basic';
export * from './ha';
export * from './mirror';
export * from './secure';
export * from './token';
export * from './monitoring';
export * from './trust';
export * from './input-errors';
export * from './labs';
