/**
 * The message of anything thrown. Duck-typed rather than `instanceof Error`, because errors from code loaded in
 * another realm (jiti, vm, jest sandboxes) are not instances of this realm's Error.
 */
export function errorMessage(error: unknown): string {
  if (error !== null && typeof error === 'object' && typeof (error as { message?: unknown }).message === 'string') {
    return (error as { message: string }).message;
  }
  return String(error);
}
