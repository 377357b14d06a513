/** True when err is PostgreSQL's unique_violation (23505), optionally on a given constraint. */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  if (!err || typeof err !== 'object') return false;
  const e = err as { code?: unknown; constraint?: unknown; message?: unknown };
  if (e.code !== '23505') return false;
  if (!constraint) return true;
  // pg sets `constraint`; PGlite only names it in the message.
  return e.constraint === constraint || (typeof e.message === 'string' && e.message.includes(constraint));
}
