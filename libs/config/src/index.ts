export * from './app-ports';
export * from './base-env';
export * from './validate-env';
export * from './pixel-keyring.provider';
export * from './pixel-signing.env';
export * from './env-integer';
