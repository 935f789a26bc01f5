export * from './roles';
export * from './errors';
export * from './ids';
export * from './geography';
export * from './training';
export * from './ethics';
export * from './certification';
export * from './demo';
