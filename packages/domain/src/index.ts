export * from './roles';
export * from './errors';
export * from './ids';
export * from './geography';
export * from './training';
export * from './demo';
