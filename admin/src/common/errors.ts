/** The message of whatever a failed call threw (an HttpError from the staff API, an Error, or anything else). */
export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
