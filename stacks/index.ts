/** The ready-made stacks. */
export * from './app';
export * from './basic';
export * from './secure';
