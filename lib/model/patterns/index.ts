/** The patterns' props: what a user sets, validated under the names the user set. */
export * from './common';
export * from './basic';
export * from './secure';
export * from './ha';
export * from './mirror';
export * from './token';
export * from './trust';
export * from './labs';
