import { AppError } from "../errors.js";

/** The AppError a call fails with; fails the test if the call succeeds or throws something else. */
export async function failureOf(work: Promise<unknown>): Promise<AppError> {
  try {
    await work;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected the call to fail");
}
