// The answer to a save made on a stale version: 409 with the record as it is now.
import { AppError } from "../lib/errors";

/** A conflict answer: the record as it is now, so the client can show the newer values. */
export function staleVersion(kind: string, current: unknown): AppError {
  return new AppError("conflict", `This ${kind} was changed by someone else since you opened it. Review the current values and save again.`, {
    params: { current },
  });
}
