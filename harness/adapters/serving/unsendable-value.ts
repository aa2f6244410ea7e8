/**
 * Thrown by a protocol preset's request builder for a value its wire format cannot carry — a null in an Open Inference
 * Protocol tensor, a null Feast entity key, a row without a column the batch's tensors need. The row is not sent and
 * not compared (the serving adapter skips it as `unsendable`), and the report's warnings say how many and why. Any
 * other error a request mapper throws is that row's error, as a bug in a mapper is.
 *
 * @example throw new UnsendableValueError(`column "amount" is null: Open Inference Protocol tensors cannot hold null`);
 */
export class UnsendableValueError extends Error {
  override readonly name = 'UnsendableValueError';
}
