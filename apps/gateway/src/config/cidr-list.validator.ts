import { ValidateBy } from 'class-validator';
import { TrustedProxies } from '../trust/trusted-proxies';

function cidrListProblem(value: string): string | null {
  try {
    new TrustedProxies(value);
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

/** A comma-separated list of IPv4/IPv6 addresses and CIDRs; the message names the bad entry. */
export function IsCidrList() {
  return ValidateBy({
    name: 'isCidrList',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && cidrListProblem(value) === null,
      defaultMessage: (args) =>
        `${args?.property} must be comma-separated addresses or CIDRs: ${cidrListProblem(String(args?.value)) ?? ''}`,
    },
  });
}
