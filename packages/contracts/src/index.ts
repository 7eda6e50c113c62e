export * from './common.ts';
export * from './credit-code.ts';
export * from './catalog.ts';
export * from './identity.ts';
export * from './agreements.ts';
export * from './platform.ts';
export * from './certificates.ts';
export * from './trust.ts';
