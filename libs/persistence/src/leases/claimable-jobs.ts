/**
 * Which unfinished jobs a replica may try to take, in order: those no live lease covers and those
 * it holds already (from before a restart, same `REPLICA_ID`), its own first so that it resumes
 * what it was doing; a job another replica holds is left alone until that lease expires.
 */
export function claimableJobs(
  unfinished: readonly string[],
  liveOwners: ReadonlyMap<string, string>,
  prefix: string,
  me: string,
): string[] {
  const ownerOf = (id: string) => liveOwners.get(prefix + id);
  return unfinished
    .filter((id) => (ownerOf(id) ?? me) === me)
    .sort((a, b) => Number(ownerOf(b) === me) - Number(ownerOf(a) === me));
}
