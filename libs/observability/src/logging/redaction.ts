/**
 * What keeps personal data and secrets out of every app's logs, in one place (the logger module
 * applies it to every line). The structural rules do the real work: an error is logged by its
 * type, message, SQLSTATE and schema names, never with the SQL statement, its parameters or the
 * driver's `detail` (`Key (email)=(…)`); a URL keeps its path and parameter names, never the
 * values of its query string or a pixel token; headers and client addresses are not logged. The
 * text scrubber is the net under them, for values that reach a message through an interpolated
 * error message: emails, API keys, pixel tokens, IP addresses, international phone numbers and the
 * quoted literals PostgreSQL puts in its messages (`invalid input syntax for type uuid: "…"`).
 * Names cannot be recognised in free text; they stay out because values never get there.
 */

const MASKS: readonly (readonly [RegExp, string])[] = [
  // PostgreSQL quotes the offending value: `…: "value"`, `value "123" is out of range…`.
  [/(: |value )"[^"]*"/g, '$1"[redacted]"'],
  [/ssk_[A-Za-z0-9_-]+/g, 'ssk_[redacted]'],
  [/[^\s@"'<>()[\],;:/]+@[^\s@"'<>()[\],;:/]+\.[^\s@"'<>()[\],;:/]+/g, '[email]'],
  // Pixel tokens are at least 47 base64url characters; UUIDs (36) and trace ids (32) stay readable.
  [/[A-Za-z0-9_-]{44,}/g, '[token]'],
  [/(?<![\w.:])(?:::ffff:)?(?:\d{1,3}\.){3}\d{1,3}(?![\w.])/g, '[ip]'],
  [
    /(?<![\w:])(?:(?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}|(?:[0-9a-f]{1,4}:)*[0-9a-f]{0,4}::(?:[0-9a-f]{1,4}:)*[0-9a-f]{0,4})(?![\w:])/gi,
    '[ip]',
  ],
  [/\+\d[\d\s().-]{6,}\d/g, '[phone]'],
];

/** `text` with every recognisable personal value or secret masked. */
export function scrubText(text: string): string {
  let scrubbed = text;
  for (const [pattern, mask] of MASKS) scrubbed = scrubbed.replace(pattern, mask);
  return scrubbed;
}

/** Error fields that name things (SQLSTATE, schema objects), never hold data. */
const SAFE_ERROR_FIELDS = ['code', 'schema', 'table', 'column', 'constraint', 'routine'] as const;
const MAX_CAUSES = 3;

/**
 * The `err` serializer: type, scrubbed message and stack, the naming fields and the cause chain;
 * everything else an error carries (TypeORM's `query` and `parameters`, pg's `detail`, `where`,
 * `driverError`, an HTTP client's request) is left out. Takes an Error or what pino's standard
 * serializer made of one (pino-http runs that first, then this).
 */
export function serializeError(error: unknown, depth = 0): Record<string, unknown> {
  if (error === null || typeof error !== 'object')
    return { type: typeof error, message: '[not an Error]' };
  const carried = error as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === 'string' ? scrubText(value) : undefined);
  const fields: Record<string, unknown> = {
    type: error instanceof Error ? error.constructor.name : (text(carried.type) ?? 'Object'),
    message: text(carried.message) ?? '[no message]',
  };
  for (const field of SAFE_ERROR_FIELDS) {
    const value = carried[field];
    if (typeof value === 'string' || typeof value === 'number') fields[field] = value;
  }
  if (typeof carried.stack === 'string') fields.stack = scrubText(carried.stack);
  if (carried.cause !== undefined && depth < MAX_CAUSES)
    fields.cause = serializeError(carried.cause, depth + 1);
  return fields;
}

/** Where the tracking pixel is served: its file name is the token. */
const PIXEL_PATH = /^(\/t\/o\/)[^?]*/;

/** The URL as logged: path (a pixel token masked, the rest scrubbed) and parameter names, no values. */
export function redactUrl(url: string): string {
  const queryAt = url.indexOf('?');
  const path = scrubText(
    (queryAt === -1 ? url : url.slice(0, queryAt)).replace(PIXEL_PATH, '$1[token]'),
  );
  if (queryAt === -1) return path;
  const names = url
    .slice(queryAt + 1)
    .split('&')
    .filter((pair) => pair.length > 0)
    .map((pair) => `${pair.split('=')[0]}=[redacted]`);
  return `${path}?${names.join('&')}`;
}

/**
 * pino `redact` paths: the headers and addresses a logged request, response or error may carry.
 * Censored rather than removed, so that a line shows a value was there.
 */
export const REDACTED_LOG_PATHS = [
  'req.headers.authorization',
  'req.headers["x-api-key"]',
  'req.headers.cookie',
  'req.headers["x-forwarded-for"]',
  'req.remoteAddress',
  'req.ip',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers["x-api-key"]',
  'headers.cookie',
  'ip',
];
