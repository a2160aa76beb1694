// Types of free-port.cjs for the TypeScript tests.
export function freePort(): Promise<number>;
